import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/ipc/app-error'
import { checkRow, MAX_BATCH_ROWS, newBatchSchema, type BatchDefaults, type BatchProgress, type NewBatch, type RowValues } from '../../../shared/domain/batches'
import { partySchema, type Party } from '../../../shared/domain/booking'
import { senderFromSettings } from '../../../shared/domain/settings'
import type { BookingService } from '../booking/booking-service'
import type { BringConnection } from '../bring/bring-connection'
import type { Logger } from '../log/logger'
import type { SettingsStore } from '../settings/settings-store'
import type { AddressBookRepo } from '../store/address-book-repo'
import type { BatchesRepo, StoredBatchRow } from '../store/batches-repo'
import { createProgressMeter } from './progress-meter'

interface Deps {
  repo: BatchesRepo
  addressBook: AddressBookRepo
  booking: BookingService
  bring: Pick<BringConnection, 'mode'>
  settings: Pick<SettingsStore, 'get'>
  logger: Logger
  /** Progress for the window (throttled here). */
  emit(progress: BatchProgress): void
  /** Bookings in flight at once; the shared rate limiter, not this, keeps the pace under Bring's limit. */
  concurrency?: number
  now?: () => number
}

/** Codes after which the same row, unchanged, may well succeed: Bring was busy, not refusing it. */
const transientFailures = new Set(['BRING_RATE_LIMITED'])

/** Rows "Book all" sends: never sent, not sent, or failed and fixed since (or failed only because Bring was busy). */
export function isSendable(r: StoredBatchRow): boolean {
  if (r.status === 'ready' || r.status === 'not_sent') return true
  if (r.status === 'failed') return r.editedSinceFailure || transientFailures.has(r.error?.code ?? '')
  return false
}

/**
 * Bulk booking. Each row goes through the same booking service as one booking (pending record first,
 * one clientRequestId per row, outcome unknown never resent), so running a batch again — or after a
 * crash — books only rows that never reached Bring.
 */
export function createBatchService(deps: Deps) {
  const now = deps.now ?? Date.now
  const running = new Map<string, { stop: 'pause' | 'cancel' | null; done: Promise<void> }>()

  function sender(defaults: BatchDefaults): Party | null {
    const raw = defaults.senderId ? deps.addressBook.get(defaults.senderId)?.party : senderFromSettings(deps.settings.get().defaultSender)
    const parsed = raw ? partySchema.safeParse(raw) : null
    return parsed?.success ? parsed.data : null
  }

  const check = (defaults: BatchDefaults, values: RowValues, clientRequestId: string) => checkRow(defaults, values, sender(defaults), clientRequestId)
  /** A new row with its problems; the id used for checking is a stand-in (the repository assigns the real one). */
  const checked = (defaults: BatchDefaults, values: RowValues) => {
    const c = check(defaults, values, randomUUID())
    return { values, problems: c.ok ? null : c.problems }
  }

  function mustGet(batchId: string) {
    const b = deps.repo.get(batchId)
    if (!b) throw AppError.field('id', 'No such batch.')
    return b
  }

  function detail(batchId: string) {
    const b = mustGet(batchId)
    const rows = deps.repo.rows(batchId).map(({ clientRequestId: _c, labelFile: _l, editedSinceFailure: _e, ...row }) => row)
    return { id: b.id, name: b.name, createdAt: b.createdAt, mode: b.mode, runState: b.runState, counts: b.counts, defaults: b.defaults, rows, labelsPdf: b.labelsPdf, resultCsv: b.resultCsv }
  }

  /** Rows of a batch that has started sending can no longer be edited: they are shipments now. */
  function assertEditable(status: string): void {
    if (!['ready', 'invalid', 'failed', 'not_sent'].includes(status)) throw AppError.field('id', 'This row has been sent to Bring; it can no longer be changed here.')
  }

  async function run(batchId: string, meter: ReturnType<typeof createProgressMeter>): Promise<void> {
    const b = mustGet(batchId)
    const queue = deps.repo.rows(batchId).filter(isSendable)
    const control = running.get(batchId)!
    const log = deps.logger.child({ batch: batchId })
    log.info({ rows: queue.length }, 'batch started')
    let next = 0
    const worker = async (): Promise<void> => {
      while (control.stop === null && next < queue.length) {
        const row = queue[next++]
        const checked = check(b.defaults, row.values, row.clientRequestId)
        if (!checked.ok) {
          deps.repo.setProblems(row.id, checked.problems)
          continue
        }
        try {
          await deps.booking.submit(checked.form, { confirmLive: true, batchId })
        } catch (err) {
          const code = err instanceof AppError ? err.code : 'INTERNAL'
          // Nothing reached Bring (offline, credentials): the next rows would fare the same. Stop, keep them for later.
          if ((await deps.booking.statusOf(row.clientRequestId)) === 'not_sent') {
            log.warn({ code }, 'batch paused: a booking could not be sent')
            control.stop ??= 'pause'
          }
        }
        meter.tick()
      }
    }
    await Promise.all(Array.from({ length: deps.concurrency ?? 8 }, worker))
    const state = control.stop === 'pause' ? 'paused' : control.stop === 'cancel' ? 'cancelled' : 'done'
    deps.repo.setRunState(batchId, state)
    log.info({ state, counts: deps.repo.counts(batchId) }, 'batch stopped')
  }

  return {
    create(input: NewBatch) {
      const parsed = newBatchSchema.parse(input)
      const mode = deps.bring.mode()
      const rows = parsed.rows.map((values) => checked(parsed.defaults, values))
      return detail(deps.repo.create({ name: parsed.name, mode, defaults: parsed.defaults, rows }).id)
    },
    /** The rest of an import; only before the batch has started sending. */
    appendRows(batchId: string, rows: RowValues[]) {
      const b = mustGet(batchId)
      if (b.runState !== 'idle' || b.counts.total !== b.counts.ready + b.counts.invalid) throw AppError.field('id', 'Rows can only be added before the batch is booked.')
      if (b.counts.total + rows.length > MAX_BATCH_ROWS) throw AppError.field('rows', `At most ${MAX_BATCH_ROWS} rows per batch: split the file`)
      deps.repo.appendRows(batchId, rows.map((values) => checked(b.defaults, values)))
      return detail(batchId)
    },
    remove(batchId: string): boolean {
      if (running.has(batchId)) throw AppError.field('id', 'Pause or cancel the batch before deleting it.')
      return deps.repo.remove(batchId)
    },
    list: () => deps.repo.list().map(({ defaults: _d, labelsPdf: _l, resultCsv: _r, ...s }) => s),
    get: detail,

    updateRow(rowId: string, values: RowValues) {
      const row = deps.repo.row(rowId)
      if (!row) throw AppError.field('id', 'No such batch row.')
      assertEditable(row.status)
      const b = mustGet(row.batchId)
      const c = check(b.defaults, values, row.clientRequestId)
      deps.repo.updateRow(rowId, values, c.ok ? null : c.problems)
      return detail(row.batchId)
    },

    /** New defaults re-check every row not yet sent. */
    setDefaults(batchId: string, defaults: BatchDefaults) {
      mustGet(batchId)
      if (running.has(batchId)) throw AppError.field('id', 'Pause the batch before changing its defaults.')
      deps.repo.setDefaults(batchId, defaults)
      for (const row of deps.repo.rows(batchId)) {
        if (row.status !== 'ready' && row.status !== 'invalid') continue
        const c = check(defaults, row.values, row.clientRequestId)
        deps.repo.setProblems(row.id, c.ok ? null : c.problems)
      }
      return detail(batchId)
    },

    /** "Book all": starts the queue and returns at once; progress arrives as events. */
    start(batchId: string, opts: { confirmLive?: boolean }) {
      const b = mustGet(batchId)
      if (running.has(batchId)) return detail(batchId)
      const mode = deps.bring.mode()
      if (b.mode !== mode) throw AppError.field('id', `This batch was made in ${b.mode} mode. Switch back to that mode to book it.`)
      const sendable = deps.repo.rows(batchId).filter(isSendable).length
      if (sendable === 0) throw AppError.field('id', 'No rows are waiting to be booked: fix the invalid rows, or resolve the unknown ones.')
      if (mode === 'live' && opts.confirmLive !== true) {
        throw AppError.templated('CONFIRMATION_REQUIRED', 'batchLive', { count: sendable })
      }
      deps.repo.setRunState(batchId, 'running')
      const meter = createProgressMeter({ now, remaining: sendable, emit: () => deps.emit(progress(batchId, meter)) })
      const control: { stop: 'pause' | 'cancel' | null; done: Promise<void> } = { stop: null, done: Promise.resolve() }
      running.set(batchId, control)
      control.done = run(batchId, meter)
        .catch((err) => {
          deps.logger.error({ batch: batchId, err: (err as Error).message }, 'batch queue failed')
          deps.repo.setRunState(batchId, 'paused')
        })
        .finally(() => {
          running.delete(batchId)
          meter.flush()
        })
      return detail(batchId)
    },

    /** Stops taking new rows; rows already sent finish. Pause can be resumed with "Book all". */
    stop(batchId: string, how: 'pause' | 'cancel') {
      const control = running.get(batchId)
      if (control) control.stop = how
      else deps.repo.setRunState(mustGet(batchId).id, how === 'pause' ? 'paused' : 'cancelled')
      return detail(batchId)
    },

    /** Resolves when the batch's queue has stopped (tests, shutdown). */
    settled: (batchId: string): Promise<void> => running.get(batchId)?.done ?? Promise.resolve(),
    isRunning: (batchId: string): boolean => running.has(batchId)
  }

  function progress(batchId: string, meter: ReturnType<typeof createProgressMeter>): BatchProgress {
    const b = mustGet(batchId)
    const runState = running.has(batchId) ? 'running' : b.runState
    return { batchId, runState, counts: b.counts, rate: meter.rate(), secondsLeft: meter.secondsLeft() }
  }
}
export type BatchService = ReturnType<typeof createBatchService>
