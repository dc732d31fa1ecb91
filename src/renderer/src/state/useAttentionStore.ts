import { create } from 'zustand'
import { call } from '../lib/ipc'

/** How many shipments need attention (tracking), for the sidebar count; the sidebar refreshes it when tracking moves. */
export const useAttentionStore = create<{ count: number; load(): Promise<void> }>((set) => ({
  count: 0,
  async load() {
    try {
      set({ count: (await call('tracking:attention')).count })
    } catch {
      // the count is a hint; the Shipments screen shows the real list
    }
  }
}))
