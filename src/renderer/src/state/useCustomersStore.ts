import { create } from 'zustand'
import { call, errorMessage } from '../lib/ipc'
import type { CustomerList } from '@shared/domain/customers'
import { loadProductNames } from '../lib/product-names'

/** The user's Bring customer numbers and their services: every screen that books or quotes needs them. */
interface CustomersState {
  list: CustomerList | null
  loading: boolean
  error: string | null
  load(refresh?: boolean): Promise<void>
  /** Forget the list (another mode or API user has other customers). */
  invalidate(): void
}

const STALE_AFTER_MS = 60 * 60 * 1000
/** The start-up load and the first screen's load are one request. */
let inflight: Promise<void> | null = null

export const useCustomersStore = create<CustomersState>((set, get) => ({
  list: null,
  loading: false,
  error: null,
  load(refresh = false) {
    if (inflight && !refresh) return inflight
    set({ loading: true, error: null })
    const done: Promise<void> = (async () => {
      try {
        // The list shows with its services' names: the catalogue chunk comes in the same wait.
        const [list] = await Promise.all([call('customers:list', { refresh }), loadProductNames()])
        set({ list, loading: false })
        // A cached copy shows instantly; refresh it quietly when it is old.
        if (!refresh && list.source === 'cache' && Date.now() - Date.parse(list.fetchedAt) > STALE_AFTER_MS) void get().load(true)
      } catch (err) {
        set({ error: errorMessage(err), loading: false })
      } finally {
        if (!refresh) inflight = null
      }
    })()
    if (!refresh) inflight = done
    return done
  },
  invalidate: () => set({ list: null, error: null })
}))
