import { create } from 'zustand'
import type { ChannelOutput } from '@shared/ipc/contract'
import type { InventoryRow, StoredWarehouseMessage } from '@shared/domain/warehousing'
import { call, errorMessage, onSharedChange } from '../../lib/ipc'

type Detail = ChannelOutput<'warehouse:get'>

interface WarehouseState {
  query: string
  status: string
  items: StoredWarehouseMessage[]
  total: number
  totalExact: boolean
  selected: Detail | null
  inventory: InventoryRow[]
  error: string | null
  setQuery(query: string): void
  setStatus(status: string): void
  load(): Promise<void>
  open(id: string): Promise<void>
  loadInventory(): Promise<void>
}

let seq = 0

export const useWarehouseStore = create<WarehouseState>((set, get) => ({
  query: '',
  status: '',
  items: [],
  total: 0,
  totalExact: true,
  selected: null,
  inventory: [],
  error: null,
  setQuery(query) {
    set({ query })
    void get().load()
  },
  setStatus(status) {
    set({ status })
    void get().load()
  },
  async load() {
    const mine = ++seq
    const filter = { query: get().query, ...(get().status ? { status: get().status } : {}) }
    try {
      const { items } = await call('warehouse:list', { ...filter, limit: 200, offset: 0 })
      if (mine !== seq) return
      set({ items, error: null })
      const { total, totalExact } = await call('warehouse:count', filter)
      if (mine === seq) set({ total, totalExact })
    } catch (err) {
      if (mine === seq) set({ error: errorMessage(err) })
    }
  },
  async open(id) {
    try {
      set({ selected: await call('warehouse:get', { id }), error: null })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  async loadInventory() {
    try {
      set({ inventory: await call('warehouse:inventory') })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  }
}))

// Team mode: a message arrived at another desk's receiver. Refresh the list and the stock.
onSharedChange(['warehouse_messages'], () => {
  void useWarehouseStore.getState().load()
  void useWarehouseStore.getState().loadInventory()
})
