import { create } from 'zustand'
import { call, errorMessage } from '../../lib/ipc'
import type { CustomerList } from '@shared/domain/customers'

interface CustomersState {
  list: CustomerList | null
  loading: boolean
  error: string | null
  selected: string | null
  query: string
  load(refresh?: boolean): Promise<void>
  select(customerNumber: string): void
  setQuery(query: string): void
  /** Forget the list (another mode or API user has other customers). */
  invalidate(): void
}

const STALE_AFTER_MS = 60 * 60 * 1000

export const useCustomersStore = create<CustomersState>((set, get) => ({
  list: null,
  loading: false,
  error: null,
  selected: null,
  query: '',
  async load(refresh = false) {
    set({ loading: true, error: null })
    try {
      const list = await call('customers:list', { refresh })
      const selected = list.customers.some((c) => c.customerNumber === get().selected) ? get().selected : (list.customers[0]?.customerNumber ?? null)
      set({ list, selected, loading: false })
      // A cached copy shows instantly; refresh it quietly when it is old.
      if (!refresh && list.source === 'cache' && Date.now() - Date.parse(list.fetchedAt) > STALE_AFTER_MS) void get().load(true)
    } catch (err) {
      set({ error: errorMessage(err), loading: false })
    }
  },
  select: (selected) => set({ selected }),
  setQuery: (query) => set({ query }),
  invalidate: () => set({ list: null, selected: null, error: null })
}))
