import type { Customer, CustomerList } from '@shared/domain/customers'
import { AppError } from '@shared/ipc/app-error'
import { listCustomers } from '../bring/customer-info'
import type { BringConnection } from '../bring/bring-connection'
import type { SettingsStore } from '../settings/settings-store'
import type { CustomersCache } from './customers-cache'

/** Customer numbers for the current mode and API user: cached first, Bring when asked or when empty. */
export function createCustomersService(bring: BringConnection, cache: CustomersCache, settings: SettingsStore) {
  const cacheKey = (): string => {
    const { mode, apiUid } = settings.get()
    return mode === 'sandbox' ? 'sandbox' : `${mode}:${apiUid}`
  }

  async function fetchFresh(): Promise<{ customers: Customer[]; fetchedAt: string }> {
    const customers = await listCustomers(bring.http())
    const fetchedAt = new Date().toISOString()
    await cache.write(cacheKey(), customers, fetchedAt)
    return { customers, fetchedAt }
  }

  return {
    /** The connection check always asks Bring. */
    check: async () => {
      const { customers, fetchedAt } = await fetchFresh()
      return { customers, checkedAt: fetchedAt }
    },
    async list(refresh: boolean): Promise<CustomerList> {
      const cached = await cache.read(cacheKey())
      if (cached && !refresh) return { customers: cached.customers, fetchedAt: cached.fetchedAt, source: 'cache' }
      try {
        return { ...(await fetchFresh()), source: 'network' }
      } catch (err) {
        // Offline or Bring down: the saved copy is still right for this user; a rejected key is not.
        if (cached && err instanceof AppError && err.code.startsWith('BRING_') && err.code !== 'BRING_AUTH') {
          return { customers: cached.customers, fetchedAt: cached.fetchedAt, source: 'cache', staleReason: err.message }
        }
        throw err
      }
    }
  }
}
export type CustomersService = ReturnType<typeof createCustomersService>
