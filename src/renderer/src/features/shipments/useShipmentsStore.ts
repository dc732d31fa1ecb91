import { create } from 'zustand'
import { call, errorMessage, onEvent, throttled } from '../../lib/ipc'
import type { ShipmentDetail, ShipmentFilter, ShipmentSummary } from '@shared/domain/booking'

interface ShipmentsState {
  filter: Partial<ShipmentFilter>
  items: ShipmentSummary[]
  total: number
  /** false: more than `total` match (the count stops at a cap). */
  totalExact: boolean
  loading: boolean
  error: string | null
  selected: ShipmentDetail | null
  setFilter(patch: Partial<ShipmentFilter>): void
  load(): Promise<void>
  /** The next page of the same search, appended. */
  more(): Promise<void>
  open(id: string): Promise<void>
  replace(s: ShipmentDetail): void
}

let seq = 0
const PAGE = 200

export const useShipmentsStore = create<ShipmentsState>((set, get) => ({
  filter: { query: '' },
  items: [],
  total: 0,
  totalExact: true,
  loading: false,
  error: null,
  selected: null,
  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } })
    void get().load()
  },
  async load() {
    const mine = ++seq // typing fast: only the newest answer is shown
    set({ loading: true })
    try {
      const filter = { query: '', ...get().filter }
      // The page first; the count follows in its own call so the rows never wait for it.
      const { items } = await call('shipments:list', { ...filter, limit: PAGE, offset: 0 })
      if (mine !== seq) return
      set({ items, loading: false, error: null })
      const { total, totalExact } = await call('shipments:count', filter)
      if (mine === seq) set({ total, totalExact })
    } catch (err) {
      if (mine === seq) set({ loading: false, error: errorMessage(err) })
    }
  },
  async more() {
    const mine = seq
    try {
      const { items } = await call('shipments:list', { query: '', limit: PAGE, ...get().filter, offset: get().items.length })
      if (mine === seq) set({ items: [...get().items, ...items] })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  async open(id) {
    try {
      set({ selected: await call('shipments:get', { id }), error: null })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  replace(s) {
    set({ selected: s, items: get().items.map((i) => (i.id === s.id ? { ...i, status: s.status, consignmentNumber: s.consignmentNumber, hasLabel: s.hasLabel } : i)) })
  }
}))

// Tracking moved on in the background: refresh what is shown.
onEvent('tracking:changed', () => void useShipmentsStore.getState().load())

// Another desk booked or changed a shipment (team mode): refresh at most every 150 ms, also while a batch streams in.
onEvent('shipments:changed', throttled(() => void useShipmentsStore.getState().load(), 150))
