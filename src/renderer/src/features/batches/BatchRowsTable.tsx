import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { BatchDetail, BatchRow, BatchRowFilter } from '@shared/domain/batches'
import { onlyToCheck } from '@shared/domain/plausibility'
import { problemsText, reasonText } from '../../lib/record-error'
import { useBatchRows } from './useBatchRows'

/** A row's height before it is measured (two lines of recipient). */
const ROW_HEIGHT = 46
/** Rows drawn beyond the visible ones: a short batch is drawn whole, a long one stays light. */
const OVERSCAN = 40
const PAGE_KEYS = 10

/**
 * A batch's rows as a virtualised table: only the rows on screen (and a margin) are drawn, and they are
 * read a page at a time, so a 100,000-row batch scrolls and filters like a short one. One Tab stop:
 * ↑/↓, PgUp/PgDn, Home/End move, Enter opens the row (`onOpen`), as a spreadsheet would.
 */
export function BatchRowsTable({ batch, filter, selectedId, onOpen, editor }: {
  batch: BatchDetail
  filter: BatchRowFilter
  selectedId: string | null
  onOpen(row: BatchRow): void
  /** The open row's editor, drawn under the table's header line. */
  editor: ReactNode
}) {
  const { t } = useTranslation()
  const { total, rowAt, load, error } = useBatchRows(batch, filter)
  const scroller = useRef<HTMLDivElement>(null)
  const [active, setActive] = useState(0)
  const focusWanted = useRef(false)
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => load(first, last), [first, last, load])
  // A filter starts at its top.
  useEffect(() => {
    setActive(0)
    focusWanted.current = false
    scroller.current?.scrollTo({ top: 0 })
  }, [filter])
  const current = Math.min(active, Math.max(0, total - 1))
  const rowElement = (i: number): HTMLElement | null | undefined => scroller.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)
  // A row the keyboard moved to before it was drawn gets the focus once it is (after the scroll that draws it).
  useEffect(() => {
    if (!focusWanted.current) return
    const el = rowElement(current)
    if (el) {
      focusWanted.current = false
      el.focus()
    }
  })

  const moveTo = (i: number): void => {
    const to = Math.max(0, Math.min(total - 1, i))
    setActive(to)
    // Focused now when drawn (the margin holds it), not after a render that a busy window may delay.
    const drawn = rowElement(to)
    if (drawn) drawn.focus()
    focusWanted.current = !drawn
    virtualizer.scrollToIndex(to, { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).tagName !== 'TR') return
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(current - 1),
      PageDown: () => moveTo(current + PAGE_KEYS),
      PageUp: () => moveTo(current - PAGE_KEYS),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        const row = rowAt(current)
        if (row) onOpen(row)
      }
    }
    const run = keys[e.key]
    if (!run) return
    e.preventDefault()
    run()
  }

  const padTop = items[0]?.start ?? 0
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0
  return (
    <>
      {editor}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div ref={scroller} className="batch-rows-scroll" data-testid="batch-rows-scroll">
        <table className="table batch-rows" data-testid="batch-rows" aria-rowcount={total + 1} data-total={total}>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('book.recipient')}</th>
              <th>{t('book.postalCode')}</th>
              <th>{t('batches.statusCol')}</th>
              <th>{t('batches.resultCol')}</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {items.map((v) => {
              const row = rowAt(v.index)
              const common = { 'data-index': v.index, ref: virtualizer.measureElement, tabIndex: v.index === current ? 0 : -1, 'aria-rowindex': v.index + 2, onFocus: () => setActive(v.index) }
              // Keyed by position: the line that said "loading" becomes the row (keeping the focus), not a new element.
              return <BatchRowLine key={v.key} row={row} selected={row !== undefined && selectedId === row.id} trProps={common} onClick={() => (setActive(v.index), row && onOpen(row))} />
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {total === 0 && <p className="muted small">{t('batches.noRowsUnderFilter')}</p>}
      </div>
    </>
  )
}

function BatchRowLine({ row, selected, trProps, onClick }: { row: BatchRow | undefined; selected: boolean; trProps: object; onClick(): void }) {
  const { t } = useTranslation()
  if (!row)
    return (
      <tr {...trProps} className="loading-row">
        <td colSpan={5} className="muted small">
          {t('batches.rowLoading')}
        </td>
      </tr>
    )
  const toCheck = onlyToCheck(row.problems)
  const problem = Object.values(row.problems)
    .map((m) => problemsText(m))
    .join(' ')
  return (
    <tr {...trProps} className={selected ? 'selected' : undefined} data-row={row.rowNo} data-status={row.status} data-check={toCheck || undefined} onClick={onClick}>
      <td className="small">{row.rowNo}</td>
      <td>
        <div>{row.values.name ?? '—'}</div>
        <div className="muted small">{row.values.addressLine ?? ''}</div>
      </td>
      <td className="small">
        {row.values.postalCode ?? ''} {row.values.city ?? ''}
      </td>
      <td>
        <span className={`badge status-${row.status}${toCheck ? ' status-check' : ''}`}>{toCheck ? t('batches.toCheck') : t(`batches.status.${row.status}`)}</span>
      </td>
      <td className="small">{row.consignmentNumber ? <span className="mono">{row.consignmentNumber}</span> : <span className={toCheck ? 'warning-text' : 'error'}>{problem || reasonText(row.error, t)}</span>}</td>
    </tr>
  )
}
