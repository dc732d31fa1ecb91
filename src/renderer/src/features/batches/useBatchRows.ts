import { useCallback, useEffect, useRef, useState } from 'react'
import { BATCH_PAGE, type BatchCounts, type BatchDetail, type BatchRow, type BatchRowFilter } from '@shared/domain/batches'
import { call, errorMessage } from '../../lib/ipc'

/** How many rows a filter holds, from the batch's counts: the table has its height before the first page arrives. */
export function rowsUnder(counts: BatchCounts, filter: BatchRowFilter): number {
  if (filter === 'all') return counts.total
  if (filter === 'check') return counts.toCheck
  return counts.invalid + counts.failed + counts.unknown + counts.notSent
}

interface Cache {
  batchId: string
  filter: BatchRowFilter
  /** Pages read since the batch last changed. */
  pages: Map<number, BatchRow[]>
  /** Pages from before the last change, shown until their fresh copy arrives (no blank flash on each edit). */
  stale: Map<number, BatchRow[]>
  loading: Set<number>
}

/**
 * A batch's table read a page at a time around what is on screen: a 100,000-row batch is never in the
 * window whole. Each new `batch` (after an edit, a run, another desk's change) makes the pages stale;
 * the visible ones are read again and the stale copy shows meanwhile.
 */
export function useBatchRows(batch: BatchDetail, filter: BatchRowFilter) {
  const cache = useRef<Cache | null>(null)
  const seen = useRef<BatchDetail | null>(null)
  const [, rerender] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const wanted = useRef<[number, number]>([0, 0])

  let c = cache.current
  if (!c || c.batchId !== batch.id || c.filter !== filter) {
    // Another batch or filter: nothing of the old one applies.
    c = cache.current = { batchId: batch.id, filter, pages: new Map(), stale: new Map(), loading: new Set() }
    if (filter === 'all') c.pages.set(0, batch.rows)
    seen.current = batch
  } else if (seen.current !== batch) {
    // Only the pages around what is on screen are kept stale: they are the ones shown until read again.
    const [first, last] = wanted.current.map((i) => Math.floor(i / BATCH_PAGE))
    c.stale = new Map([...c.stale, ...c.pages].filter(([p]) => p >= first - 1 && p <= last + 1))
    c.pages = filter === 'all' ? new Map([[0, batch.rows]]) : new Map()
    c.loading = new Set()
    seen.current = batch
  }
  // The batch's counts say how many rows the filter holds; pages and counts are read again together.
  const total = rowsUnder(batch.counts, filter)

  const load = useCallback(
    (first: number, last: number): void => {
      wanted.current = [first, last]
      const now = cache.current!
      for (let p = Math.floor(first / BATCH_PAGE); p <= Math.floor(last / BATCH_PAGE); p++) {
        if (now.pages.has(p) || now.loading.has(p)) continue
        now.loading.add(p)
        call('batches:rows', { id: now.batchId, filter: now.filter, offset: p * BATCH_PAGE, limit: BATCH_PAGE })
          .then((page) => {
            if (cache.current !== now || !now.loading.has(p)) return // another batch, filter or change since
            now.loading.delete(p)
            now.pages.set(p, page.rows)
            setError(null)
            rerender((n) => n + 1)
          })
          .catch((err: unknown) => {
            now.loading.delete(p)
            setError(errorMessage(err))
          })
      }
    },
    []
  )
  // After a change the pages on screen are read again at once.
  useEffect(() => load(...wanted.current), [batch, filter, load])

  const rowAt = (i: number): BatchRow | undefined => {
    const p = Math.floor(i / BATCH_PAGE)
    return (c.pages.get(p) ?? c.stale.get(p))?.[i % BATCH_PAGE]
  }
  return { total, rowAt, load, error }
}
