import { create } from 'zustand'

export const screens = ['quote', 'book', 'shipments', 'pickups', 'addressBook', 'batches', 'warehouse', 'customers', 'settings'] as const
export type Screen = (typeof screens)[number]

interface NavState {
  screen: Screen
  /** Counts every arrival at a screen (also back at the one already shown): focus goes to its arrival point each time. */
  arrival: number
  go(screen: Screen): void
}

export const useNavStore = create<NavState>((set) => ({
  screen: 'customers',
  arrival: 0,
  go: (screen) => set((s) => ({ screen, arrival: s.arrival + 1 }))
}))
