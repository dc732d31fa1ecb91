import { create } from 'zustand'
import { call, errorMessage, onEvent, onSharedChange, throttled } from '../../lib/ipc'
import type { PickupRecord, TodaysShipments } from '@shared/domain/pickup'

interface PickupsState {
  pickups: PickupRecord[]
  today: TodaysShipments[]
  error: string | null
  load(): Promise<void>
  replace(p: PickupRecord): void
}

export const usePickupsStore = create<PickupsState>((set, get) => ({
  pickups: [],
  today: [],
  error: null,
  async load() {
    try {
      const [pickups, today] = await Promise.all([call('pickups:list'), call('pickups:today')])
      set({ pickups, today, error: null })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  replace(p) {
    const others = get().pickups.filter((x) => x.id !== p.id)
    set({ pickups: [p, ...others].sort((a, b) => b.pickupDate.localeCompare(a.pickupDate) || b.createdAt.localeCompare(a.createdAt)) })
  }
}))

// Team mode: another desk ordered or changed a pickup, or booked a shipment (today's list). Refresh once per burst.
const refreshSoon = throttled(() => void usePickupsStore.getState().load(), 300)
onSharedChange(['pickups'], refreshSoon, 0)
onEvent('shipments:changed', (c) => c.status === 'booked' && refreshSoon())
