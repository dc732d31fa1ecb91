import { create } from 'zustand'
import { call, onEvent } from '../lib/ipc'

/** How many shipments need attention (tracking), for the sidebar count; refreshed when tracking moves. */
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

onEvent('tracking:changed', () => void useAttentionStore.getState().load())
