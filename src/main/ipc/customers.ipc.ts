import { AppError } from '../../shared/ipc/app-error'
import { listCustomers } from '../services/bring/customer-info'
import type { AppDeps } from './deps'
import type { Handlers } from './invoke'

function cacheKey({ settings }: AppDeps): string {
  const { mode, apiUid } = settings.get()
  return mode === 'sandbox' ? 'sandbox' : `${mode}:${apiUid}`
}

export const customersHandlers: Pick<Handlers, 'connection:check' | 'customers:list'> = {
  async 'connection:check'(_input, deps) {
    const customers = await listCustomers(deps.bring.http())
    const checkedAt = new Date().toISOString()
    await deps.customersCache.write(cacheKey(deps), customers, checkedAt)
    return { customers, checkedAt }
  },

  /** Cached first (instant, offline); refresh asks Bring and falls back to the cache with a reason. */
  async 'customers:list'({ refresh }, deps) {
    const key = cacheKey(deps)
    const cached = await deps.customersCache.read(key)
    if (cached && !refresh) return { customers: cached.customers, fetchedAt: cached.fetchedAt, source: 'cache' as const }
    try {
      const customers = await listCustomers(deps.bring.http())
      const fetchedAt = new Date().toISOString()
      await deps.customersCache.write(key, customers, fetchedAt)
      return { customers, fetchedAt, source: 'network' as const }
    } catch (err) {
      if (cached && err instanceof AppError && err.code.startsWith('BRING_') && err.code !== 'BRING_AUTH') {
        return { customers: cached.customers, fetchedAt: cached.fetchedAt, source: 'cache' as const, staleReason: err.message }
      }
      throw err
    }
  }
}
