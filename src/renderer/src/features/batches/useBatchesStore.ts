import { create } from 'zustand'
import type { BatchDefaults, BatchDetail, BatchProgress, BatchSummary, RowValues } from '@shared/domain/batches'
import type { ImportRows } from '../../components/CsvImport'
import { IMPORT_CHUNK } from '@shared/domain/batches'
import { call, errorMessage, onEvent, onSharedChange, throttled } from '../../lib/ipc'

interface BatchesState {
  list: BatchSummary[]
  open: BatchDetail | null
  /** Live numbers of the open batch while it runs. */
  progress: BatchProgress | null
  error: string | null
  loadList(): Promise<void>
  show(id: string | null): Promise<void>
  /**
   * Creates the batch from imported rows, sent in chunks with each row's line in its file (the batch
   * numbers its rows by them). Cancelled (`rows.signal`): the rows sent so far go with the batch, and nothing is left.
   */
  create(name: string, defaults: BatchDefaults, rows: ImportRows): Promise<BatchDetail>
  updateRow(rowId: string, values: RowValues): Promise<void>
  /** "It is right": a row held only for an unusual value is booked as it is. */
  confirmRow(rowId: string): Promise<void>
  setDefaults(defaults: BatchDefaults): Promise<void>
  start(confirmLive?: boolean, rest?: boolean): Promise<void>
  /** A row whose outcome is unknown, resolved in place (the same call as in Shipments). */
  resolveRow(shipmentId: string, outcome: { booked: true; consignmentNumber: string } | { booked: false; sendAgain: boolean; confirmLive?: boolean }): Promise<void>
  stop(how: 'pause' | 'cancel'): Promise<void>
  remove(): Promise<void>
  setError(error: string | null): void
}

export const useBatchesStore = create<BatchesState>((set, get) => {
  // Progress of any batch refreshes the list; of the open one, its counters, and its rows when it stops.
  onEvent('batch:progress', (p) => {
    const open = get().open
    set({ list: get().list.map((b) => (b.id === p.batchId ? { ...b, counts: p.counts, runState: p.runState } : b)) })
    if (open?.id !== p.batchId) return
    set({ progress: p })
    if (p.runState !== 'running') void get().show(p.batchId)
  })
  // Team mode: another desk booked rows or changed a batch. Refresh the list and the open batch, once per burst.
  const refreshSoon = throttled(() => {
    void get().loadList()
    const open = get().open
    if (open) void get().show(open.id)
  }, 300)
  onSharedChange(['batches'], refreshSoon, 0)
  // A shipment changed by any path (Shipments, another desk, a resolution): the open batch's rows follow. While this
  // desk is running the batch, its progress events carry the counts and the rows are read when it stops (a
  // 5,000-row batch read on every booking would slow the window).
  onEvent('shipments:changed', () => get().open && get().progress?.runState !== 'running' && refreshSoon())
  const act = async (action: () => Promise<BatchDetail>): Promise<void> => {
    try {
      set({ open: await action(), error: null })
      void get().loadList()
    } catch (err) {
      set({ error: errorMessage(err) })
      throw err
    }
  }
  return {
    list: [],
    open: null,
    progress: null,
    error: null,
    setError: (error) => set({ error }),
    async loadList() {
      try {
        set({ list: await call('batches:list') })
      } catch (err) {
        set({ error: errorMessage(err) })
      }
    },
    async show(id) {
      if (!id) return set({ open: null, progress: null })
      try {
        const open = await call('batches:get', { id })
        set({ open, error: null, progress: get().progress?.batchId === id ? get().progress : null })
      } catch (err) {
        set({ error: errorMessage(err) })
      }
    },
    async create(name, defaults, source) {
      // The first chunk makes the batch, the rest are appended to it (a file with no rows is refused by create).
      let batch = null as BatchDetail | null
      try {
        const done = await source.each(IMPORT_CHUNK, async (rows, lines) => {
          if (batch) await call('batches:appendRows', { id: batch.id, rows, lines })
          else batch = await call('batches:create', { name, defaults, rows, lines })
        })
        batch ??= await call('batches:create', { name, defaults, rows: [] })
        if (!done) throw new DOMException('Cancelled', 'AbortError')
      } catch (err) {
        // Half an import is no batch: what was sent goes (nothing of it was booked).
        if (batch) {
          await call('batches:delete', { id: batch.id }).catch(() => undefined)
          void get().loadList()
        }
        throw err
      }
      // Each chunk answered with the counts only; the batch (its first page) is read once, at the end.
      if (source.count > IMPORT_CHUNK) batch = await call('batches:get', { id: batch.id })
      set({ open: batch, progress: null, error: null })
      void get().loadList()
      return batch
    },
    updateRow: (rowId, values) => act(() => call('batches:updateRow', { rowId, values })),
    confirmRow: (rowId) => act(() => call('batches:confirmRow', { rowId })),
    setDefaults: (defaults) => act(() => call('batches:setDefaults', { id: get().open!.id, defaults })),
    start: (confirmLive, rest) => act(() => call('batches:start', { id: get().open!.id, confirmLive, rest })),
    async resolveRow(shipmentId, outcome) {
      await call('shipments:resolve', { id: shipmentId, ...outcome })
      const open = get().open
      if (open) await get().show(open.id)
    },
    stop: (how) => act(() => call('batches:stop', { id: get().open!.id, how })),
    async remove() {
      try {
        await call('batches:delete', { id: get().open!.id })
        set({ open: null, progress: null })
        await get().loadList()
      } catch (err) {
        set({ error: errorMessage(err) })
      }
    }
  }
})
