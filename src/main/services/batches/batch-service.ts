import { AppError } from '@shared/ipc/app-error'
import { BATCH_PAGE, MAX_BATCH_ROWS, newBatchSchema, rowFields, type BatchDefaults, type BatchProgress, type BatchRow, type BatchRowFilter, type BatchRunState, type NewBatch, type RowValues } from '@shared/domain/batches'
import type { RecordError } from '@shared/domain/booking'
import type { BringConnection } from '../bring/bring-connection'
import type { StoredBatchRow, StoredRowFilter } from '../store/batches'
import { createProgressMeter, type ProgressMeter } from './progress-meter'
import { runBatchQueue, stopReasonFor, type Control, type QueueDeps } from './batch-run'
import { createPlausibilitySamples } from './plausibility-sample'
import { batchRows } from './batch-rows'
import { createRowChecker, type RowCheckDeps } from './row-check'
import { withUnusualChecked } from './unusual-check'
import { onlyToCheck } from '@shared/domain/plausibility'

interface Deps extends RowCheckDeps, Omit<QueueDeps, 'check' | 'renewEveryMs'> {
  bring: Pick<BringConnection, 'mode'>
  /** Progress for the window (throttled here). */
  emit(progress: BatchProgress): void
  /** Team mode: how often this desk renews its claims, and looks again for rows another desk left (default 5 s). */
  renewEveryMs?: number
  now?: () => number
}

/** The file's line numbers for new rows: one per row, after the rows already there; else none (rows are numbered on). */
function fileLines(lines: number[] | undefined, count: number, after: number): number[] | undefined {
  if (!lines) return undefined
  if (lines.length !== count) throw AppError.field('lines', 'One file line per row')
  if (lines[0] <= after) throw AppError.field('lines', 'File lines must follow the rows already in the batch')
  return lines
}

/** Unknown outcomes resolved in place at a time; the next ones come as these are resolved. */
const UNKNOWN_SHOWN = 20

/** How many of a batch's rows a new or edited row is compared with for "Check this" (all of them up to this size). */
const PLAUSIBILITY_SAMPLE = 2000

/**
 * Bulk booking. Each row goes through the same booking service as one booking (pending record first,
 * one clientRequestId per row, outcome unknown never resent), so running a batch again — or after a
 * crash — books only rows that never reached Bring. In team mode several desks may run the same
 * batch: each claims a row before booking it (see BatchesStore), and a desk keeps looking until no
 * other desk is working on the batch, so rows a stopped desk left are taken over once its lease ends.
 */
export function createBatchService(deps: Deps) {
  const now = deps.now ?? Date.now
  const renewEveryMs = deps.renewEveryMs ?? 5000
  const running = new Map<string, Control>()
  const meters = new Map<string, ProgressMeter>()

  const rowCheck = createRowChecker(deps)
  const samples = createPlausibilitySamples(deps.repo, PLAUSIBILITY_SAMPLE)
  const check = rowCheck.check


  async function mustGet(batchId: string) {
    const b = await deps.repo.get(batchId)
    if (!b) throw AppError.field('id', 'No such batch.')
    return b
  }

  /** A page of rows as the window sees them: what only main needs (request ids, label files) stays here. */
  async function page(batchId: string, filter: StoredRowFilter, offset: number, limit: number): Promise<BatchRow[]> {
    return (await deps.repo.rowsPage(batchId, filter, offset, limit)).map(({ clientRequestId: _c, labelFile: _l, editedSinceFailure: _e, confirmed: _f, ...row }) => row)
  }

  /** The batch with its first page of rows: a 100,000-row batch is read a page at a time (rowsPage). */
  async function detail(batchId: string) {
    const b = await mustGet(batchId)
    const rows = await page(batchId, 'all', 0, BATCH_PAGE)
    const unknownRows = b.counts.unknown > 0 ? await page(batchId, 'unknown', 0, UNKNOWN_SHOWN) : []
    const here = running.get(batchId)
    return {
      id: b.id,
      name: b.name,
      createdAt: b.createdAt,
      mode: b.mode,
      runState: b.runState,
      counts: b.counts,
      defaults: b.defaults,
      rows,
      unknownRows,
      usedFields: rowFields.filter((f) => rows.some((r) => r.values[f] !== undefined)),
      labelsPdf: b.labelsPdf,
      resultCsv: b.resultCsv,
      runningHere: here !== undefined,
      stopping: here?.stop ?? null,
      stopReason: b.stopReason
    }
  }

  /** Rows of a batch that has started sending can no longer be edited: they are shipments now. */
  function assertEditable(status: string): void {
    if (!['ready', 'invalid', 'failed', 'not_sent', 'cancelled_by_user'].includes(status)) throw AppError.field('id', 'This row has been sent to Bring; it can no longer be changed here.')
  }

  async function run(batchId: string, meter: ProgressMeter): Promise<void> {
    const control = running.get(batchId)!
    const { defaults } = await mustGet(batchId)
    await runBatchQueue({ ...deps, renewEveryMs, check: rowCheck.check }, { batchId, defaults, control, meter })
    const state = control.stop === 'pause' ? 'paused' : control.stop === 'cancel' ? 'cancelled' : 'done'
    await recordRunState(batchId, state, control.reason)
    deps.logger.child({ batch: batchId }).info({ state, counts: await deps.repo.counts(batchId).catch(() => null) }, 'batch stopped')
  }

  /**
   * Where a batch stopped, and why. When the store cannot take it now (the shared database went away),
   * it is kept here and written once the database is back (flushStates): a batch never stays "running".
   */
  const unrecorded = new Map<string, { state: BatchRunState; reason: RecordError | null }>()
  async function recordRunState(batchId: string, state: BatchRunState, reason: RecordError | null): Promise<void> {
    try {
      await deps.repo.setRunState(batchId, state, reason)
      unrecorded.delete(batchId)
    } catch (err) {
      deps.logger.warn({ batch: batchId, state, problem: (err as Error).message }, 'batch state kept until the store is back')
      unrecorded.set(batchId, { state, reason })
    }
  }

  return {
    /** After the shared database came back: the states batches stopped in while it was away. */
    async flushStates(): Promise<number> {
      let written = 0
      for (const [batchId, { state, reason }] of [...unrecorded]) {
        if (running.has(batchId)) continue
        await recordRunState(batchId, state, reason)
        if (!unrecorded.has(batchId)) written++
      }
      return written
    },
    async create(input: NewBatch) {
      const parsed = newBatchSchema.parse(input)
      const mode = deps.bring.mode()
      const lines = fileLines(parsed.lines, parsed.rows.length, 0)
      const checked = await rowCheck.checkNew(parsed.defaults, parsed.rows)
      const problems = withUnusualChecked(checked.map((r, i) => ({ key: String(i), ...r })), parsed.defaults)
      const rows = checked.map((r, i) => ({ values: r.values, problems: problems.get(String(i)) ?? null, rowNo: lines?.[i] }))
      return detail((await deps.repo.create({ name: parsed.name, mode, defaults: parsed.defaults, rows })).id)
    },
    /** The rest of an import; only before the batch has started sending. */
    async appendRows(batchId: string, rows: RowValues[], fileLineNumbers?: number[]) {
      // Asked for each chunk of a big import: the state and the number of rows, not the batch's counts.
      // A batch is idle until it is first booked, so an idle batch has no row that is a shipment yet.
      const state = await deps.repo.runState(batchId)
      if (state === null) throw AppError.field('id', 'No such batch.')
      if (state !== 'idle') throw AppError.field('id', 'Rows can only be added before the batch is booked.')
      if ((await deps.repo.rowCount(batchId)) + rows.length > MAX_BATCH_ROWS) throw AppError.field('rows', `At most ${MAX_BATCH_ROWS} rows per batch: split the file`)
      const b = await mustGet(batchId)
      const checked = await rowCheck.checkNew(b.defaults, rows)
      // Unusual compared with the batch so far (an even sample of it); the rows already there are not re-flagged here.
      const sample = await samples.get(batchId)
      const lines = fileLines(fileLineNumbers, rows.length, sample.lastRowNo)
      const existing = sample.rows.map((r) => ({ ...r, problems: null }))
      const fresh = checked.map((r, i) => ({ key: `new-${i}`, ...r }))
      const problems = withUnusualChecked([...existing, ...fresh], b.defaults, new Set(fresh.map((r) => r.key)))
      await deps.repo.appendRows(batchId, fresh.map((r, i) => ({ values: r.values, problems: problems.get(r.key) ?? null, rowNo: lines?.[i] })))
      samples.grow(batchId, fresh.map((r) => r.values), lines?.at(-1) ?? sample.lastRowNo + rows.length)
      const { id, name, createdAt, mode, runState, counts } = await mustGet(batchId)
      return { id, name, createdAt, mode, runState, counts }
    },
    async remove(batchId: string): Promise<boolean> {
      if (running.has(batchId)) throw AppError.field('id', 'Pause or cancel the batch before deleting it.')
      samples.forget(batchId)
      return deps.repo.remove(batchId)
    },
    /** One page of the batch's table under a filter (none of a batch that does not exist). */
    async rowsPage(batchId: string, filter: BatchRowFilter, offset: number, limit: number) {
      return { rows: await page(batchId, filter, offset, limit), offset }
    },
    list: async () => (await deps.repo.list()).map(({ defaults: _d, labelsPdf: _l, resultCsv: _r, ...s }) => s),
    get: detail,

    async updateRow(rowId: string, values: RowValues) {
      const row = await deps.repo.row(rowId)
      if (!row) throw AppError.field('id', 'No such batch row.')
      assertEditable(row.status)
      samples.forget(row.batchId)
      const b = await mustGet(row.batchId)
      const c = await check(b.defaults, values, row.clientRequestId)
      const others = (await deps.repo.valuesSample(row.batchId, PLAUSIBILITY_SAMPLE)).rows.filter((r) => r.id !== rowId).map((r) => ({ key: r.id, values: r.values, problems: null }))
      const problems = withUnusualChecked([...others, { key: rowId, values, problems: c.ok ? null : c.problems, confirmed: row.confirmed }], b.defaults, new Set([rowId]))
      await deps.repo.updateRow(rowId, values, problems.get(rowId) ?? null)
      return detail(row.batchId)
    },

    /** "It is right": a row held only because its values are unusual is confirmed as it is, and can be booked. */
    async confirmRow(rowId: string) {
      const row = await deps.repo.row(rowId)
      if (!row) throw AppError.field('id', 'No such batch row.')
      if (row.status !== 'invalid' || !onlyToCheck(row.problems)) throw AppError.field('id', 'This row has nothing to confirm: fix its problem, or it is ready already.')
      samples.forget(row.batchId)
      await deps.repo.confirmRow(rowId, row.values)
      return detail(row.batchId)
    },

    /** New defaults re-check every row not yet sent. */
    async setDefaults(batchId: string, defaults: BatchDefaults) {
      await mustGet(batchId)
      if (running.has(batchId)) throw AppError.field('id', 'Pause the batch before changing its defaults.')
      samples.forget(batchId)
      await deps.repo.setDefaults(batchId, defaults)
      const checkOne = await rowCheck.forDefaults(defaults)
      // A page at a time, each row compared with an even sample of the batch (as an import's chunks are), its
      // problems written in one transaction per page: a 100,000-row batch re-checked in one go held the
      // process for seconds and wrote one commit per row.
      const sample = (await deps.repo.valuesSample(batchId, PLAUSIBILITY_SAMPLE)).rows
      let page: StoredBatchRow[] = []
      const flush = async (): Promise<void> => {
        const checked = []
        for (const r of page) {
          const c = await checkOne(r.values, r.clientRequestId)
          checked.push({ key: r.id, values: r.values, confirmed: r.confirmed, problems: c.ok ? null : c.problems })
        }
        const keys = new Set(page.map((r) => r.id))
        const others = sample.filter((r) => !keys.has(r.id)).map((r) => ({ key: r.id, values: r.values, problems: null }))
        const problems = withUnusualChecked([...others, ...checked], defaults, keys)
        await deps.repo.setProblemsMany(page.map((r) => ({ id: r.id, problems: problems.get(r.id) ?? null })))
        page = []
      }
      for await (const r of batchRows(deps.repo, batchId, 'all', (row) => row.status === 'ready' || row.status === 'invalid')) {
        page.push(r)
        if (page.length === BATCH_PAGE) await flush()
      }
      await flush()
      return detail(batchId)
    },

    /**
     * "Book all": starts the queue and returns at once; progress arrives as events. A cancelled batch is
     * final: only an explicit "Book the rest" (`rest`) sends its remaining rows.
     */
    async start(batchId: string, opts: { confirmLive?: boolean; rest?: boolean }) {
      if (running.has(batchId)) return detail(batchId)
      // Held before the first await: a second click while this one reads the store is the same run.
      let finished!: () => void
      const control: Control = { stop: null, reason: null, done: new Promise<void>((resolve) => (finished = resolve)) }
      running.set(batchId, control)
      let meter: ProgressMeter
      try {
        const b = await mustGet(batchId)
        if (b.runState === 'cancelled' && opts.rest !== true) throw AppError.field('id', 'This batch was cancelled. Choose “Book the rest” to send the rows it did not send, or make a new batch.')
        const mode = deps.bring.mode()
        if (b.mode !== mode) throw AppError.field('id', `This batch was made in ${b.mode} mode. Switch back to that mode to book it.`)
        const sendable = await deps.repo.countUnder(batchId, 'sendable')
        if (sendable === 0 && (await deps.repo.othersWorking(batchId)) === 0) throw AppError.field('id', 'No rows are waiting to be booked: fix the invalid rows, or resolve the unknown ones.')
        if (mode === 'live' && opts.confirmLive !== true) {
          throw AppError.templated('CONFIRMATION_REQUIRED', 'batchLive', { count: sendable })
        }
        await deps.repo.setRunState(batchId, 'running')
        meter = createProgressMeter({ now, remaining: sendable, emit: () => void progress(batchId, meter).then(deps.emit, () => undefined) })
        meters.set(batchId, meter)
      } catch (err) {
        running.delete(batchId)
        finished()
        throw err
      }
      void run(batchId, meter)
        .catch(async (err) => {
          deps.logger.error({ batch: batchId, err: (err as Error).message }, 'batch queue failed')
          await recordRunState(batchId, 'paused', stopReasonFor(err))
        })
        .finally(() => {
          running.delete(batchId)
          meters.delete(batchId)
          meter.flush()
          finished()
        })
      return detail(batchId)
    },

    /**
     * Stops taking new rows; bookings already on their way finish and land (the detail's counts say how
     * many: inFlight; progress shows them). Pause can be resumed with "Book all"; Cancel is final.
     */
    async stop(batchId: string, how: 'pause' | 'cancel') {
      const control = running.get(batchId)
      if (control) {
        // Cancel outranks an earlier Pause; a Pause never softens a Cancel.
        if (control.stop !== 'cancel') control.stop = how
        control.reason = null
      }
      // In the store too: other desks running this batch stop as well.
      await deps.repo.setRunState((await mustGet(batchId)).id, control?.stop === 'cancel' || how === 'cancel' ? 'cancelled' : 'paused')
      if (control) void progressNow(batchId)
      return detail(batchId)
    },

    /** Resolves when the batch's queue has stopped (tests, shutdown). */
    settled: async (batchId: string): Promise<void> => {
      await running.get(batchId)?.done
    },
    isRunning: (batchId: string): boolean => running.has(batchId)
  }

  async function progress(batchId: string, meter: ProgressMeter): Promise<BatchProgress> {
    const b = await mustGet(batchId)
    const here = running.get(batchId)
    const runState = here ? 'running' : b.runState
    return { batchId, runState, counts: b.counts, rate: meter.rate(), secondsLeft: meter.secondsLeft(), stopping: here?.stop ?? null }
  }
  /** Progress at once (Pause or Cancel pressed): the window shows the bookings still on their way. */
  async function progressNow(batchId: string): Promise<void> {
    const meter = meters.get(batchId)
    if (meter) deps.emit(await progress(batchId, meter))
  }
}
export type BatchService = ReturnType<typeof createBatchService>
