import { create } from 'zustand'

export const screens = ['quote', 'book', 'shipments', 'pickups', 'addressBook', 'batches', 'warehouse', 'customers', 'settings'] as const
export type Screen = (typeof screens)[number]

interface NavState {
  screen: Screen
  go(screen: Screen): void
}

export const useNavStore = create<NavState>((set) => ({
  screen: 'customers',
  go: (screen) => set({ screen })
}))
