import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { batchDefaultsSchema, batchRowStatusSchema, customsFields, rowFields, type BatchDefaults, type BatchDetail, type BatchProgress, type BatchRow, type BatchRowFilter } from '@shared/domain/batches'
import type { Customer } from '@shared/domain/customers'
import { call, errorMessage } from '../../lib/ipc'
import { useCtrlEnter } from '../../state/useScreenActions'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Disclosure } from '../../components/Disclosure'
import { RowEditor } from '../../components/RowEditor'
import { ModeBadge } from '../../components/StatusBadges'
import { BatchDefaultsFields } from './BatchDefaultsFields'
import { BatchProgressBar } from './BatchProgressBar'
import { useBatchesStore } from './useBatchesStore'
import { reasonText } from '../../lib/record-error'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { ResolveUnknown } from '../../components/ResolveUnknown'
import { bookableProducts } from '../../components/ProductOptions'
import { checkKey, onlyToCheck } from '@shared/domain/plausibility'
import { PrintLabels } from '../../components/PrintLabels'
import { useSettingsStore } from '../../state/useSettingsStore'
import { BatchRowsTable } from './BatchRowsTable'
import { rowsUnder } from './useBatchRows'

const editable = new Set(['invalid', 'ready', 'failed', 'not_sent', 'cancelled_by_user'])
/** Every status a row can have: the result file names each in the window's language. */
const rowStatuses = [...batchRowStatusSchema.options.flatMap((o) => o.options)]
const filters: BatchRowFilter[] = ['all', 'attention', 'check']

export function BatchView({ batch, progress, customers, live }: { batch: BatchDetail; progress: BatchProgress | null; customers: Customer[]; live: boolean }) {
  const { t, i18n } = useTranslation()
  const { updateRow, confirmRow, setDefaults, start, stop, remove, setError, resolveRow } = useBatchesStore()
  const [filter, setFilter] = useState<BatchRowFilter>('all')
  const [editing, setEditing] = useState<BatchRow | null>(null)
  const [confirmLive, setConfirmLive] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const resolving = useAsyncAction()
  const unknownSection = useRef<HTMLElement>(null)
  /**
   * A row resolved in place: the keyboard goes on where the work does — the next unknown row's number,
   * else Book all when rows wait, else Print all labels. After a refusal it stays where it was.
   */
  const resolve = (action: () => Promise<void>): void =>
    void resolving
      .run(async () => (await action(), true))
      .then((done) => {
        if (!done) return
        requestAnimationFrame(() => {
          const next = unknownSection.current?.querySelector('input') ?? document.querySelector<HTMLElement>('[data-testid="batch-book-all"]:not(:disabled), [data-testid="batch-labels"]:not(:disabled)')
          next?.focus()
        })
      })
  const [defaults, setDraftDefaults] = useState<BatchDefaults>(batch.defaults)
  const [defaultErrors, setDefaultErrors] = useState<Record<string, string[] | undefined>>({})
  const [files, setFiles] = useState<string | null>(null)

  const runningHere = progress ? progress.runState === 'running' : batch.runningHere
  // Team mode: another desk is booking it. This desk can help (and takes over if that desk stops).
  const runningElsewhere = !runningHere && batch.runState === 'running'
  const running = runningHere || runningElsewhere
  const counts = progress?.counts ?? batch.counts
  const waiting = counts.ready + counts.notSent
  // Pause or Cancel pressed here while bookings were on their way: they land first, and the window says so.
  const stopping = runningHere ? (progress?.stopping ?? batch.stopping) : null
  const cancelled = !running && batch.runState === 'cancelled'
  const unknownRows = batch.unknownRows.filter((r) => r.shipmentId)
  // The editor shows the columns the file had (and any field with a problem), not all nineteen.
  const usedFields = new Set<string>(batch.usedFields)
  const open = (row: BatchRow): void => {
    if (editable.has(row.status)) setEditing(row)
  }
  /** The editor closes and the keyboard goes back to the row it was on. */
  const closeEditor = (rowNo: number): void => {
    setEditing(null)
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="batch-rows"] tr[data-row="${rowNo}"]`)?.focus())
  }

  const bookAll = (): void => {
    // A cancelled batch is final: Ctrl+Enter never restarts it; "Book the rest" is its own, explicit button.
    if (runningHere || cancelled || (waiting === 0 && !runningElsewhere)) return
    if (live) return setConfirmLive(true)
    void start().catch(() => undefined)
  }
  const bookRest = (): void => {
    if (live) return setConfirmLive(true)
    void start(false, true).catch(() => undefined)
  }
  useCtrlEnter(bookAll)

  const saveDefaults = (): void => {
    const parsed = batchDefaultsSchema.safeParse(defaults)
    if (!parsed.success) return setDefaultErrors(parsed.error.flatten().fieldErrors)
    setDefaultErrors({})
    void setDefaults(parsed.data).catch(() => undefined)
  }
  const openFile = async (which: 'labels' | 'result'): Promise<void> => {
    try {
      if (which === 'labels') {
        const r = await call('batches:openLabels', { id: batch.id })
        const opened = r.missingRows.length > 0 ? t('batches.labelsMissing', { pages: r.pages, rows: r.missingRows.join(', ') }) : t('batches.labelsOpened', { pages: r.pages })
        setFiles(r.noLinkRows.length > 0 ? `${opened} ${t('batches.labelsNoLink', { rows: r.noLinkRows.join(', ') })}` : opened)
      } else {
        const headers = ['row', 'recipient', 'postalCode', 'city', 'reference', 'consignment', 'tracking', 'status', 'error'].map((h) => t(`batches.csv.${h}`))
        const statuses = Object.fromEntries(rowStatuses.map((status) => [status, t(`batches.status.${status}`)]))
        await call('batches:openResult', { id: batch.id, headers, statuses })
        setFiles(t('batches.resultOpened'))
      }
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  // Held only for an unusual value: counted apart from the rows with a real problem.
  const toCheck = counts.toCheck
  // With a label printer chosen, the batch's labels go to it as one job (row order); the PDF stays a click away.
  const labelPrinter = useSettingsStore((s) => s.settings?.printing.printer ?? null)
  const printAll = async (again: boolean, printId: string) => {
    const r = await call('printing:batch', { id: batch.id, again, printId })
    if (r.missingRows.length > 0) setFiles(t('batches.labelsMissing', { pages: r.outcome.status === 'printed' ? r.outcome.pages : 0, rows: r.missingRows.join(', ') }))
    return r.outcome
  }

  return (
    <section className="batch-view" aria-label={batch.name} data-testid="batch-view" data-run-state={progress?.runState ?? batch.runState}>
      <div className="screen-head">
        <h2>{batch.name}</h2>
        <ModeBadge mode={batch.mode} />
      </div>
      <BatchProgressBar counts={batch.counts} progress={progress} />
      {toCheck > 0 && (
        <p className="warning small" data-testid="batch-to-check">
          {t('batches.toCheckCount', { count: toCheck })}
        </p>
      )}
      <div className="actions">
        {!runningHere && !cancelled && (
          <button type="button" className="primary" disabled={waiting === 0 && !runningElsewhere} onClick={bookAll} data-testid="batch-book-all">
            {t(runningElsewhere ? 'batches.join' : batch.runState === 'paused' ? 'batches.resume' : 'batches.bookAll', { count: waiting })} <kbd>Ctrl+Enter</kbd>
          </button>
        )}
        {cancelled && (
          <button type="button" disabled={waiting === 0} onClick={bookRest} data-testid="batch-book-rest">
            {t('batches.bookRest', { count: waiting })}
          </button>
        )}
        {running && !stopping && (
          <>
            <button type="button" onClick={() => void stop('pause').catch(() => undefined)} data-testid="batch-pause">
              {t('batches.pause')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmCancel(true)} data-testid="batch-cancel">
              {t('batches.cancel')}
            </button>
          </>
        )}
        {labelPrinter && counts.booked > 0 && <PrintLabels print={printAll} open={() => openFile('labels')} label={t('printing.printAll')} testId="batch-print" shortcut={!running} />}
        <button type="button" disabled={counts.booked === 0} onClick={() => void openFile('labels')} data-testid="batch-labels">
          {t(labelPrinter ? 'batches.openLabels' : 'batches.printLabels')}
        </button>
        <button type="button" onClick={() => void openFile('result')} data-testid="batch-result">
          {t('batches.exportResult')}
        </button>
        {!running && (
          <button type="button" className="link" onClick={() => setConfirmDelete(true)}>
            {t('batches.delete')}
          </button>
        )}
      </div>
      {files && (
        <p role="status" className="muted" data-testid="batch-files">
          {files}
        </p>
      )}
      {stopping && (
        <p role="status" className="alert alert-info" data-testid="batch-stopping">
          {t(stopping === 'cancel' ? 'batches.stoppingCancel' : 'batches.stoppingPause', { count: counts.inFlight })}
        </p>
      )}
      {!running && batch.runState === 'paused' && batch.stopReason && (
        <p role="status" className="alert alert-warning" data-testid="batch-stop-reason">
          {batch.stopReason.code === 'INTERRUPTED'
            ? t('batches.stopReasonInterrupted')
            : batch.stopReason.code === 'SHARED_DB_UNAVAILABLE'
              ? t('batches.stopReasonSharedDb')
              : t('batches.stopReason', { reason: reasonText(batch.stopReason, t) })}
        </p>
      )}
      {cancelled && (
        <p role="status" className="muted" data-testid="batch-cancelled">
          {t('batches.cancelledNote')}
        </p>
      )}
      {unknownRows.length > 0 && (
        <section ref={unknownSection} className="alert alert-warning" aria-label={t('batches.resolveTitle')} data-testid="batch-unknown">
          <p>{t('batches.unknownHelp', { count: counts.unknown })}</p>
          {unknownRows.map((r) => (
            <div key={r.id} className="resolve-row" data-testid="batch-unknown-row" data-row={r.rowNo}>
              <strong>{t('batches.resolveRow', { row: r.rowNo, name: r.values.name ?? '—' })}</strong> <span className="muted small">{reasonText(r.error, t)}</span>
              <ResolveUnknown
                live={batch.mode === 'live'}
                busy={resolving.busy}
                idPrefix={`row-${r.id}`}
                onMarkBooked={(consignmentNumber) => resolve(() => resolveRow(r.shipmentId!, { booked: true, consignmentNumber }))}
                onSendAgainNow={(confirmLive) => resolve(() => resolveRow(r.shipmentId!, { booked: false, sendAgain: true, confirmLive }))}
                onNotBooked={() => resolve(() => resolveRow(r.shipmentId!, { booked: false, sendAgain: false }))}
              />
            </div>
          ))}
          {resolving.error && (
            <p className="error" role="alert">
              {resolving.fieldErrors ? Object.values(resolving.fieldErrors).flat().join(' ') : resolving.error}
            </p>
          )}
        </section>
      )}
      {!running && counts.booked === 0 && counts.inFlight === 0 && (
        <Disclosure summary={t('batches.changeDefaults')} testId="batch-change-defaults">
          <BatchDefaultsFields value={defaults} onChange={setDraftDefaults} customers={customers} errors={defaultErrors} />
          <button type="button" onClick={saveDefaults}>
            {t('batches.saveDefaults')}
          </button>
        </Disclosure>
      )}
      <fieldset className="row filter-choice" data-testid="batch-filter">
        <legend className="sr-only">{t('batches.filterLegend')}</legend>
        {filters.map((f) => (
          <label key={f} className="check inline">
            <input type="radio" name={`batch-filter-${batch.id}`} value={f} checked={filter === f} onChange={() => (setFilter(f), setEditing(null))} /> {t(`batches.filter.${f}`, { count: rowsUnder(counts, f) })}
          </label>
        ))}
      </fieldset>
      <BatchRowsTable
        batch={batch}
        filter={filter}
        selectedId={editing?.id ?? null}
        onOpen={open}
        editor={
          editing && (
            <section className="editor-card" aria-label={t('batches.editingRow', { row: editing.rowNo })} data-testid="batch-row-editor" data-row={editing.rowNo}>
              <h3 className="small">{t('batches.editingRow', { row: editing.rowNo })}</h3>
              <RowEditor
                values={editing.values}
                problems={editing.problems}
                // The service is always offered: a row Bring refused is often fixed by another service.
                // Customs come as a whole when any part of them needs fixing (e.g. a row moved to a service abroad).
                fields={rowFields.filter((f) => usedFields.has(f) || editing.problems[f] || editing.problems[checkKey(f)] || f === 'productId' || (customsFields.includes(f) && Object.keys(editing.problems).some((p) => p.startsWith('customs'))))}
                services={bookableProducts(customers.find((c) => c.customerNumber === (editing.values.customerNumber || batch.defaults.customerNumber)), i18n.language)}
                defaultService={batch.defaults.productId}
                onSave={(values) => void updateRow(editing.id, values).then(() => closeEditor(editing.rowNo), () => undefined)}
                onConfirm={onlyToCheck(editing.problems) ? () => void confirmRow(editing.id).then(() => closeEditor(editing.rowNo), () => undefined) : undefined}
                onCancel={() => closeEditor(editing.rowNo)}
              />
            </section>
          )
        }
      />
      {confirmLive && (
        <ConfirmDialog
          title={t('batches.liveTitle')}
          body={t('batches.liveBody', { count: waiting })}
          confirmLabel={t('batches.liveConfirm', { count: waiting })}
          onConfirm={() => {
            setConfirmLive(false)
            void start(true, cancelled).catch(() => undefined)
          }}
          onCancel={() => setConfirmLive(false)}
          testId="batch-live-confirm"
        />
      )}
      {confirmCancel && (
        <ConfirmDialog
          title={t('batches.cancelTitle')}
          body={t('batches.cancelBody', { count: counts.inFlight })}
          confirmLabel={t('batches.cancelConfirm')}
          cancelLabel={t('batches.keepRunning')}
          onConfirm={() => {
            setConfirmCancel(false)
            void stop('cancel').catch(() => undefined)
          }}
          onCancel={() => setConfirmCancel(false)}
          testId="batch-cancel-confirm"
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t('batches.deleteTitle')}
          body={t('batches.deleteBody')}
          confirmLabel={t('batches.delete')}
          onConfirm={() => {
            setConfirmDelete(false)
            void remove()
          }}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  )
}

