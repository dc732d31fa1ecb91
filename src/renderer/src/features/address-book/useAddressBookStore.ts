import { create } from 'zustand'
import type { AddressEntry, AddressEntryInput, AddressKind } from '@shared/domain/address-book'
import { call, errorMessage, onSharedChange } from '../../lib/ipc'

interface AddressBookState {
  kind: AddressKind
  query: string
  items: AddressEntry[]
  total: number
  totalExact: boolean
  error: string | null
  /** The entry in the editor; 'new' for a blank one. */
  editing: AddressEntry | 'new' | null
  setKind(kind: AddressKind): void
  setQuery(query: string): void
  load(): Promise<void>
  more(): Promise<void>
  edit(entry: AddressEntry | 'new' | null): void
  /** Throws the IPC error so the form can place field errors. */
  save(entry: AddressEntryInput, id?: string): Promise<AddressEntry>
  remove(id: string): Promise<void>
}

const PAGE = 200
let seq = 0

export const useAddressBookStore = create<AddressBookState>((set, get) => ({
  kind: 'recipient',
  query: '',
  items: [],
  total: 0,
  totalExact: true,
  error: null,
  editing: null,
  setKind(kind) {
    set({ kind, editing: null })
    void get().load()
  },
  setQuery(query) {
    set({ query })
    void get().load()
  },
  async load() {
    const mine = ++seq // typing fast: only the newest answer is shown
    const { kind, query } = get()
    try {
      const { items } = await call('addressBook:list', { kind, query, limit: PAGE, offset: 0 })
      if (mine !== seq) return
      set({ items, error: null })
      const { total, totalExact } = await call('addressBook:count', { kind, query })
      if (mine === seq) set({ total, totalExact })
    } catch (err) {
      if (mine === seq) set({ error: errorMessage(err) })
    }
  },
  async more() {
    const { kind, query, items } = get()
    try {
      const next = await call('addressBook:list', { kind, query, limit: PAGE, offset: items.length })
      set({ items: [...items, ...next.items] })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  edit: (editing) => set({ editing }),
  async save(entry, id) {
    const saved = await call('addressBook:save', { id, entry })
    set({ editing: saved })
    await get().load()
    return saved
  },
  async remove(id) {
    try {
      await call('addressBook:delete', { id })
      set({ editing: null })
      await get().load()
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  }
}))

// Team mode: another desk saved or removed an entry.
onSharedChange(['address_book'], () => void useAddressBookStore.getState().load())
