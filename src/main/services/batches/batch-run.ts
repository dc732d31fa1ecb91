import { AppError } from '@shared/ipc/app-error'
import type { BatchDefaults } from '@shared/domain/batches'
import type { RecordError } from '@shared/domain/booking'
import { SharedDatabaseError, sharedDatabaseAppError } from '../store/postgres/database'
import { TRANSIENT_FAILURES, type BatchesStore, type StoredBatchRow, type StoredRowFilter } from '../store/batches'
import type { BookingService } from '../booking/booking-service'
import type { Logger } from '../log/logger'
import type { ProgressMeter } from './progress-meter'
import type { RowChecker } from './row-check'
import { batchRows } from './batch-rows'

/**
 * Rows "Book all" sends: never sent, not sent, checked in Mybring and not booked, or failed and fixed
 * since (or failed only because Bring was busy). Never an unknown outcome: only the user resolves that.
 */
export function isSendable(r: StoredBatchRow): boolean {
  if (r.status === 'ready' || r.status === 'not_sent' || r.status === 'cancelled_by_user') return true
  if (r.status === 'failed') return r.editedSinceFailure || TRANSIENT_FAILURES.includes(r.error?.code ?? '')
  return false
}

export interface Control {
  stop: 'pause' | 'cancel' | null
  /** Why the batch paused itself (nothing reached Bring), kept with the batch to be shown. */
  reason: RecordError | null
  done: Promise<void>
}

/** A row another desk may have left half-way (team mode): worth a claim, to find out. */
const inFlight = (r: StoredBatchRow): boolean => r.status === 'pending' || r.status === 'sending'

/** Why a batch paused itself: nothing reached Bring, or the store (the shared database) could not be used. */
export function stopReasonFor(err: unknown): RecordError {
  const e = err instanceof SharedDatabaseError ? sharedDatabaseAppError(err) : err
  if (e instanceof AppError) return { code: e.code, message: e.message, i18n: e.extra.i18n }
  return { code: 'INTERNAL', message: (err as Error).message }
}

export const abandonedMessages = (desk: string) => ({
  notSent: `Desk ${desk} stopped before sending this row; another desk sent it.`,
  unknown: `Desk ${desk} stopped while sending this row. It may or may not have been booked: check Mybring before sending it again.`
})

export interface QueueDeps {
  repo: BatchesStore
  booking: BookingService
  logger: Logger
  check: RowChecker['check']
  /** Bookings in flight at once; the shared rate limiter, not this, keeps the pace under Bring's limit. */
  concurrency?: number
  /** Team mode: how often this desk renews its claims, and looks again for rows another desk left. */
  renewEveryMs: number
}

/**
 * One run of "Book all" on this desk, until its rows are done or it is told to stop (`control.stop`, or
 * the batch paused or cancelled from another desk): each row claimed, checked, sent through the booking
 * service and released. Where it ended and why stay in `control` for the service to record.
 */
export async function runBatchQueue(deps: QueueDeps, { batchId, defaults, control, meter }: { batchId: string; defaults: BatchDefaults; control: Control; meter: ProgressMeter }): Promise<void> {
  const log = deps.logger.child({ batch: batchId })
  const rowsOf = (filter: StoredRowFilter, include: (r: StoredBatchRow) => boolean) => batchRows(deps.repo, batchId, filter, include)
  const team = deps.repo.engine === 'postgres'
  const attempted = new Set<string>()
  /** The batch stops itself (unless already stopping) and keeps why. */
  const pauseItself = (err: unknown): void => {
    if (control.stop !== null) return
    control.stop = 'pause'
    control.reason = stopReasonFor(err)
  }
  const holding = new Set<string>()
  const renew = team ? setInterval(() => void deps.repo.renewClaims([...holding]).catch((err: unknown) => log.warn({ problem: (err as Error).message }, 'batch claims not renewed')), deps.renewEveryMs) : undefined
  log.info('batch started')

  const book = async (row: StoredBatchRow): Promise<void> => {
    const claim = await deps.repo.claimRow(row.id)
    if (!claim.claimed) return // another desk is booking it
    holding.add(row.id)
    attempted.add(row.id)
    try {
      if (claim.takenFrom) {
        const status = await deps.repo.settleAbandoned(row.id, abandonedMessages(claim.takenFrom))
        log.warn({ row: row.rowNo, from: claim.takenFrom, status }, 'row taken over from a desk that stopped')
        if (status !== null && status !== 'not_sent') return meter.tick()
      } else if (inFlight(row)) return // its desk is alive and finished it meanwhile, or it is still ours to wait for
      const c = await deps.check(defaults, row.values, row.clientRequestId)
      if (!c.ok) return void (await deps.repo.setProblems(row.id, c.problems))
      try {
        // A row that is a shipment already (not sent, refused and fixed, checked and not booked) is that
        // shipment sent again, never a second one; a new row becomes its shipment under its own request id.
        if (row.shipmentId) await deps.booking.resend(row.shipmentId, { confirmLive: true, form: c.form, automatic: true })
        else await deps.booking.submit(c.form, { confirmLive: true, batchId })
      } catch (err) {
        const e = err instanceof AppError ? err : AppError.templated('INTERNAL', 'internal')
        // Nothing reached Bring (offline, credentials): the next rows would fare the same. Stop, keep them for later.
        if ((await deps.booking.statusOf(row.clientRequestId)) === 'not_sent') {
          log.warn({ code: e.code }, 'batch paused: a booking could not be sent')
          pauseItself(e)
        }
      }
      meter.tick()
    } finally {
      holding.delete(row.id)
      await deps.repo.releaseRow(row.id)
    }
  }

  try {
    for (;;) {
      const queue = rowsOf(team ? 'open' : 'sendable', (r) => !attempted.has(r.id) && (isSendable(r) || (team && inFlight(r))))
      const worker = async (): Promise<void> => {
        while (control.stop === null) {
          // The rows come a page at a time (async generators hand them out one call at a time, so each
          // worker gets its own row); a 100,000-row batch is never read whole.
          let next: IteratorResult<StoredBatchRow>
          try {
            next = await queue.next()
          } catch (err) {
            // The store went away while reading the next page: every worker stops, and the batch says why.
            log.warn({ problem: (err as Error).message }, 'batch paused: the store could not be read')
            pauseItself(err)
            break
          }
          if (next.done) break
          const row = next.value
          try {
            // Paused or cancelled from another desk: this desk stops too.
            const state = team ? await deps.repo.runState(batchId) : 'running'
            if (state !== 'running') control.stop ??= state === 'cancelled' ? 'cancel' : 'pause'
            else await book(row)
          } catch (err) {
            // The store went away (the shared database, mostly): every worker stops, and the batch says why.
            log.warn({ row: row.rowNo, problem: (err as Error).message }, 'batch paused: the store could not be used')
            pauseItself(err)
          }
        }
      }
      await Promise.all(Array.from({ length: deps.concurrency ?? 8 }, worker))
      if (control.stop !== null || !team) break
      const othersBusy = await deps.repo.othersWorking(batchId)
      // Is any row left for this desk? The first one found answers it (every page was read to count them, each round).
      let anyLeft = false
      for await (const _row of rowsOf('open', (r) => !attempted.has(r.id) && (isSendable(r) || inFlight(r)))) {
        anyLeft = true
        break
      }
      if (!anyLeft && othersBusy === 0) break
      // Rows another desk holds: wait until it finishes them, or its lease runs out and they are ours to settle.
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, deps.renewEveryMs)))
    }
  } finally {
    clearInterval(renew)
  }
}

