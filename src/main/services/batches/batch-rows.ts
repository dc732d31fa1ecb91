import { BATCH_PAGE } from '@shared/domain/batches'
import type { BatchesStore, StoredBatchRow, StoredRowFilter } from '../store/batches'

/**
 * A batch's rows under a filter that pass `include`, read a page at a time by row number with a turn for
 * other calls between pages: reading 100,000 rows at once held the process for two seconds. Rows that
 * leave the filter while it is walked (a booked row leaves "sendable") never make it skip one.
 */
export async function* batchRows(store: Pick<BatchesStore, 'rowsAfter'>, batchId: string, filter: StoredRowFilter, include: (r: StoredBatchRow) => boolean = () => true): AsyncGenerator<StoredBatchRow> {
  for (let after = 0; ; ) {
    const page = await store.rowsAfter(batchId, filter, after, BATCH_PAGE)
    for (const r of page) if (include(r)) yield r
    if (page.length < BATCH_PAGE) return
    after = page[page.length - 1].rowNo
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** Every row of the batch (under a filter), read as batchRows reads them. */
export async function allBatchRows(store: Pick<BatchesStore, 'rowsAfter'>, batchId: string, filter: StoredRowFilter = 'all'): Promise<StoredBatchRow[]> {
  const rows: StoredBatchRow[] = []
  for await (const r of batchRows(store, batchId, filter)) rows.push(r)
  return rows
}
