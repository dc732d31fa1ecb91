import { create } from 'zustand'

/** What the Customers screen remembers between visits: the search and the chosen customer. */
interface CustomersScreenState {
  selected: string | null
  query: string
  select(customerNumber: string): void
  setQuery(query: string): void
}

export const useCustomersScreenStore = create<CustomersScreenState>((set) => ({
  selected: null,
  query: '',
  select: (selected) => set({ selected }),
  setQuery: (query) => set({ query })
}))
