import { create } from 'zustand'
import { call, errorMessage, onEvent, onSharedChange, throttled } from '../../lib/ipc'
import type { PickupRecord, TodaysShipments } from '@shared/domain/pickup'

interface PickupsState {
  pickups: PickupRecord[]
  today: TodaysShipments[]
  error: string | null
  load(): Promise<void>
  replace(p: PickupRecord): void
  /** A change to one pickup at Bring (resolve, order again, move, cancel); the list shows its answer. Throws what main refused. */
  change(action: PickupChange): Promise<PickupRecord>
}

export type PickupChange =
  | { kind: 'resolve'; id: string; ordered: true; shipmentNumber?: string }
  | { kind: 'resolve'; id: string; ordered: false; orderAgain?: boolean; confirmLive?: boolean }
  | { kind: 'retry'; id: string; confirmLive: boolean }
  | { kind: 'modify'; id: string; date: string }
  | { kind: 'cancel'; id: string }

const send = (action: PickupChange): Promise<PickupRecord> => {
  switch (action.kind) {
    case 'resolve': {
      const { kind: _kind, ...input } = action
      return call('pickups:resolve', input)
    }
    case 'retry':
      return call('pickups:retry', { id: action.id, confirmLive: action.confirmLive })
    case 'modify':
      return call('pickups:modify', { id: action.id, date: action.date })
    case 'cancel':
      return call('pickups:cancel', { id: action.id })
  }
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
  async change(action) {
    const updated = await send(action)
    get().replace(updated)
    return updated
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
