import {
  rowValuesSchema,
  type BatchCounts,
  type BatchDefaults,
  type BatchRow,
  type BatchRowFilter,
  type BatchRowStatus,
  type BatchRunState,
  type BatchSummary,
  type RowValues
} from '@shared/domain/batches'
import type { Mode } from '@shared/domain/mode'
import type { RecordError, ShipmentStatus } from '@shared/domain/booking'
import type { StoreEngine } from './engine'
import { onlyToCheck } from '@shared/domain/plausibility'

/** The outcome of trying to take a batch row for booking. */
export interface RowClaim {
  claimed: boolean
  /** The desk whose lease on the row ran out (it stopped mid-booking), when this desk took the row from it. */
  takenFrom: string | null
}

/**
 * Batches and their rows behind one async interface: the embedded SQLite file (one desk) or the
 * shared PostgreSQL database, where several desks may run "Book all" on the same batch. There a
 * desk claims each row before booking it and holds the claim with a lease it renews while it works,
 * so every row is sent by one desk, and a desk that dies leaves its rows to the others once its
 * lease has run out.
 */
export interface BatchesStore {
  readonly engine: StoreEngine
  /** The batch and its first rows in one transaction: a crash leaves all of it or none. */
  create(input: { name: string; mode: Mode; defaults: BatchDefaults; rows: NewRow[] }): Promise<StoredBatch>
  /** More rows at the end (an import arrives in chunks); one transaction per chunk. */
  appendRows(batchId: string, rows: NewRow[]): Promise<void>
  rowCount(batchId: string): Promise<number>
  get(id: string): Promise<StoredBatch | null>
  list(): Promise<StoredBatch[]>
  /**
   * One page of the batch's rows in file order under a filter (`unknown`: rows whose outcome is unknown).
   * The window reads a big batch so, never whole: 100,000 rows are 34 MB and two seconds to read.
   */
  rowsPage(batchId: string, filter: StoredRowFilter, offset: number, limit: number): Promise<StoredBatchRow[]>
  /** The next rows after a row number under a filter: how "Book all" walks a batch whose rows leave the filter as they are sent. */
  rowsAfter(batchId: string, filter: StoredRowFilter, afterRowNo: number, limit: number): Promise<StoredBatchRow[]>
  /** How many rows a filter holds, counted in SQL (a 100,000-row batch read page by page to count took 11 s). */
  countUnder(batchId: string, filter: StoredRowFilter): Promise<number>
  /**
   * What the plausibility check compares a row with: the values of at most `max` rows spread evenly over
   * the batch (all of them in a batch that small), and the highest row number. Reading every row for
   * each chunk of a big import made it quadratic (1.9 s a chunk at 100,000 rows).
   */
  valuesSample(batchId: string, max: number): Promise<{ rows: { id: string; values: RowValues }[]; lastRowNo: number }>
  row(rowId: string): Promise<(StoredBatchRow & { batchId: string }) | null>
  counts(batchId: string): Promise<BatchCounts>
  updateRow(rowId: string, values: RowValues, problems: Record<string, string[]> | null): Promise<void>
  /** Re-checked rows (defaults changed): only problems change. */
  setProblems(rowId: string, problems: Record<string, string[]> | null): Promise<void>
  /** Many rows' problems in one transaction (a page of a re-checked batch: one commit, not one per row). */
  setProblemsMany(rows: { id: string; problems: Record<string, string[]> | null }[]): Promise<void>
  /** The clerk says these values, flagged as unusual, are right: kept with the row, and its problems cleared. */
  confirmRow(rowId: string, values: RowValues): Promise<void>
  setDefaults(batchId: string, defaults: BatchDefaults): Promise<void>
  /** A stop by the batch itself keeps its reason; every other change of state clears it. */
  setRunState(batchId: string, state: BatchRunState, reason?: RecordError | null): Promise<void>
  setFiles(batchId: string, files: { labelsPdf?: string; resultCsv?: string }): Promise<void>
  /** Start-up: nothing runs before the user says so again; a batch cut off while running is paused. */
  pauseInterrupted(): Promise<number>
  /** A rows' remembered column layout for a CSV header set. */
  mapping(headerKey: string): Promise<(string | null)[] | null>
  saveMapping(headerKey: string, mapping: (string | null)[]): Promise<void>
  /** Rows stay as shipments in the history; only the batch and its row list go. */
  remove(batchId: string): Promise<boolean>
  /** Takes the row for this desk unless another desk holds a live claim on it. */
  claimRow(rowId: string): Promise<RowClaim>
  /** Keeps this desk's claims alive (call well within the lease). */
  renewClaims(rowIds: string[]): Promise<void>
  releaseRow(rowId: string): Promise<void>
  /** Rows of the batch another desk is booking right now. */
  othersWorking(batchId: string): Promise<number>
  runState(batchId: string): Promise<BatchRunState | null>
  /**
   * The booking of a row whose desk stopped (its claim ran out): "pending" was never sent and becomes
   * "not sent" (so it can be sent again); "sending" may have reached Bring and becomes "outcome unknown"
   * (never resent without the user). Returns the row's shipment status afterwards.
   */
  settleAbandoned(rowId: string, messages: { notSent: string; unknown: string }): Promise<ShipmentStatus | null>
}

export interface StoredBatchRow extends BatchRow {
  clientRequestId: string
  labelFile: string | null
  /** Edited after its last failed attempt: worth sending again. */
  editedSinceFailure: boolean
  /** The values the clerk confirmed as right although unusual (null: none confirmed). */
  confirmed: RowValues | null
}

/** The window's filters, and main's: unknown outcomes, rows "Book all" sends, and those or rows being sent ("open"). */
export type StoredRowFilter = BatchRowFilter | 'unknown' | 'sendable' | 'open'

/** Codes after which the same row, unchanged, may well succeed: Bring was busy, not refusing it. */
export const TRANSIENT_FAILURES: readonly string[] = ['BRING_RATE_LIMITED']

/**
 * Each filter as SQL over a batch row `r` and the shipment it became `s` (the same text on both engines
 * but for how a shipment's error code is read, `errorCode`): a row's status is its shipment's, or
 * invalid/ready by why it is held (toStoredRow). "sendable" is the service's isSendable in SQL.
 */
export function rowFilterSql(errorCode: string): Record<StoredRowFilter, string> {
  const transient = TRANSIENT_FAILURES.map((c) => `'${c}'`).join(', ')
  const sendable = `((s.id IS NULL AND r.held = 0) OR s.status IN ('not_sent', 'cancelled_by_user') OR (s.status = 'failed' AND (r.updated_at > s.updated_at OR ${errorCode} IN (${transient}))))`
  return {
    all: 'TRUE',
    attention: `((s.id IS NULL AND r.held > 0) OR s.status IN ('failed', 'outcome_unknown', 'not_sent'))`,
    check: '(s.id IS NULL AND r.held = 1)',
    unknown: `s.status = 'outcome_unknown'`,
    sendable,
    open: `(${sendable} OR s.status IN ('pending', 'sending'))`
  }
}

/**
 * Why a row is held, stored with it as `held` so a 100,000-row batch is counted and filtered on an index
 * instead of reading every row's problems: 0 not held, 1 only to check an unusual value, 2 a problem to fix.
 */
export const heldFor = (problems: Record<string, string[]> | null): 0 | 1 | 2 => (!problems ? 0 : onlyToCheck(problems) ? 1 : 2)

/** A row to add; `rowNo` is its line in the file it came from (else the next number). */
export type NewRow = { values: RowValues; problems: Record<string, string[]> | null; rowNo?: number }

export interface StoredBatch extends BatchSummary {
  defaults: BatchDefaults
  labelsPdf: string | null
  resultCsv: string | null
  /** Why it stopped by itself (Bring or the shared database unreachable); cleared when it runs again. */
  stopReason: RecordError | null
}

/** A batch row and the shipment it became (if any), JSON already read: what both engines hand to toStoredRow. */
export interface RowWithShipment {
  id: string
  row_no: number
  client_request_id: string
  values: unknown
  problems: unknown
  confirmed: unknown
  updated_at: string
  shipment_id: string | null
  shipment_status: ShipmentStatus | null
  shipment_updated_at: string | null
  consignment_number: string | null
  label_file: string | null
  error: unknown
}

/** A row that has become a shipment has that shipment's status; the rest are ready or invalid. */
export function toStoredRow(r: RowWithShipment): StoredBatchRow {
  return {
    id: r.id,
    rowNo: r.row_no,
    values: rowValuesSchema.parse(r.values),
    status: r.shipment_status ?? (r.problems ? 'invalid' : 'ready'),
    problems: (r.problems as Record<string, string[]> | null) ?? {},
    shipmentId: r.shipment_id,
    consignmentNumber: r.consignment_number,
    error: (r.error as RecordError | null) ?? null,
    clientRequestId: r.client_request_id,
    labelFile: r.label_file,
    editedSinceFailure: r.shipment_status === 'failed' && r.shipment_updated_at !== null && r.updated_at > r.shipment_updated_at,
    confirmed: r.confirmed ? rowValuesSchema.parse(r.confirmed) : null
  }
}

/** Which counter a row status adds to. */
const bucket: Record<BatchRowStatus, Exclude<keyof BatchCounts, 'total' | 'toCheck'>> = {
  invalid: 'invalid',
  ready: 'ready',
  pending: 'inFlight',
  sending: 'inFlight',
  booked: 'booked',
  failed: 'failed',
  // Checked in Mybring and not booked: waiting to be sent, like a row that never reached Bring.
  cancelled_by_user: 'notSent',
  outcome_unknown: 'unknown',
  not_sent: 'notSent'
}

/** Why a batch found "running" at start-up is paused. */
export const interruptedReason: RecordError = { code: 'INTERRUPTED', message: 'Fraktdesk stopped while this batch was running. Rows not yet sent wait for “Book all”.' }

/**
 * Counters from the groups both engines read: rows not yet shipments by why they are held (invalid when held,
 * "to check" when held only for that), the rest by their shipment's status.
 */
export function tallyHeld(groups: { held: number | null; status: ShipmentStatus | null; n: number }[]): BatchCounts {
  const c: BatchCounts = { total: 0, invalid: 0, ready: 0, inFlight: 0, booked: 0, failed: 0, unknown: 0, notSent: 0, toCheck: 0 }
  for (const { held, status, n } of groups) {
    c.total += n
    c[bucket[status ?? (held ? 'invalid' : 'ready')]] += n
    if (!status && held === 1) c.toCheck += n
  }
  return c
}
