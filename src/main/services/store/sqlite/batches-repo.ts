import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import type { Statement } from 'better-sqlite3'
import { batchDefaultsSchema, type BatchCounts, type BatchDefaults, type BatchRunState, type RowValues } from '@shared/domain/batches'
import type { RecordError, ShipmentStatus } from '@shared/domain/booking'
import { heldFor, interruptedReason, rowFilterSql, tallyHeld, toStoredRow, type BatchesStore, type NewRow, type RowWithShipment, type StoredBatch, type StoredBatchRow, type StoredRowFilter } from '../batches'
import { promised } from './promised'
import type { Mode } from '@shared/domain/mode'

interface BatchTableRow {
  stop_reason_json: string | null
  id: string
  created_at: string
  name: string
  mode: Mode
  run_state: BatchRunState
  defaults_json: string
  labels_pdf: string | null
  result_csv: string | null
}

/** RowWithShipment as SQLite hands it over: the JSON still as text. */
type JoinedRow = Omit<RowWithShipment, 'values' | 'problems' | 'confirmed' | 'error'> & { values_json: string; problems_json: string | null; confirmed_json: string | null; error_json: string | null }

/**
 * A row that has become a shipment has that shipment's status, found by the shipment's id (never by a
 * request id: a resend gives the shipment a new one); the rest are ready or invalid.
 */
const JOINED = `SELECT r.id, r.row_no, r.client_request_id, r.values_json, r.problems_json, r.confirmed_json, r.updated_at,
  s.id AS shipment_id, s.status AS shipment_status, s.updated_at AS shipment_updated_at, s.consignment_number, s.label_file, s.error_json
  FROM batch_rows r LEFT JOIN shipments s ON s.id = r.shipment_id`

const toRow = (r: JoinedRow): StoredBatchRow =>
  toStoredRow({ ...r, values: JSON.parse(r.values_json), problems: r.problems_json ? JSON.parse(r.problems_json) : null, confirmed: r.confirmed_json ? JSON.parse(r.confirmed_json) : null, error: r.error_json ? JSON.parse(r.error_json) : null })

/** Batches and their rows in the embedded SQLite file; domain types in and out (the shared database has its own: pg-batches-store). */
export function createBatchesRepo(db: Db, now = () => new Date()) {
  const batchById = db.prepare<[string], BatchTableRow>('SELECT * FROM batches WHERE id = ?')
  const rowById = db.prepare<[string], JoinedRow>(`${JOINED} WHERE r.id = ?`)
  // Rows not yet shipments are counted on the (batch, shipment, held) index alone; the rest by their shipment.
  const statusCounts = db.prepare<[string, string], { held: number | null; status: ShipmentStatus | null; n: number }>(
    `SELECT held, NULL AS status, count(*) AS n FROM batch_rows WHERE batch_id = ? AND shipment_id IS NULL GROUP BY held
     UNION ALL
     SELECT NULL, s.status, count(*) FROM batch_rows r JOIN shipments s ON s.id = r.shipment_id WHERE r.batch_id = ? AND r.shipment_id IS NOT NULL GROUP BY s.status`
  )
  const filters = Object.entries(rowFilterSql(`json_extract(s.error_json, '$.code')`)) as [StoredRowFilter, string][]
  const byFilter = <P extends unknown[], R>(sql: (where: string) => string) => Object.fromEntries(filters.map(([filter, where]) => [filter, db.prepare<P, R>(sql(where))])) as Record<StoredRowFilter, Statement<P, R>>
  const pages = byFilter<[string, number, number], JoinedRow>((where) => `${JOINED} WHERE r.batch_id = ? AND ${where} ORDER BY r.row_no LIMIT ? OFFSET ?`)
  const after = byFilter<[string, number, number], JoinedRow>((where) => `${JOINED} WHERE r.batch_id = ? AND r.row_no > ? AND ${where} ORDER BY r.row_no LIMIT ?`)
  const countsUnder = byFilter<[string], { n: number }>((where) => `SELECT count(*) AS n FROM batch_rows r LEFT JOIN shipments s ON s.id = r.shipment_id WHERE r.batch_id = ? AND ${where}`)

  const counts = (batchId: string): BatchCounts => tallyHeld(statusCounts.all(batchId, batchId))

  const summary = (b: BatchTableRow): StoredBatch => ({
    id: b.id,
    name: b.name,
    createdAt: b.created_at,
    mode: b.mode,
    runState: b.run_state,
    counts: counts(b.id),
    defaults: batchDefaultsSchema.parse(JSON.parse(b.defaults_json)),
    labelsPdf: b.labels_pdf,
    resultCsv: b.result_csv,
    stopReason: b.stop_reason_json ? (JSON.parse(b.stop_reason_json) as RecordError) : null
  })

  const repo = {
    /** The batch and its first rows in one transaction: a crash leaves all of it or none. */
    create(input: { name: string; mode: Mode; defaults: BatchDefaults; rows: NewRow[] }): StoredBatch {
      const id = randomUUID()
      const t = now().toISOString()
      db.transaction(() => {
        db.prepare(`INSERT INTO batches (id, created_at, updated_at, name, mode, run_state, defaults_json) VALUES (?, ?, ?, ?, ?, 'idle', ?)`).run(id, t, t, input.name, input.mode, JSON.stringify(input.defaults))
        repo.appendRows(id, input.rows)
      })()
      return repo.get(id)!
    },
    /** More rows at the end (an import arrives in chunks); one transaction per chunk. */
    appendRows(batchId: string, rows: NewRow[]): void {
      const t = now().toISOString()
      const insertRow = db.prepare('INSERT INTO batch_rows (id, batch_id, row_no, client_request_id, values_json, problems_json, held, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      db.transaction(() => {
        const { last } = db.prepare<[string], { last: number }>('SELECT coalesce(max(row_no), 0) AS last FROM batch_rows WHERE batch_id = ?').get(batchId)!
        rows.forEach((r, i) => insertRow.run(randomUUID(), batchId, r.rowNo ?? last + i + 1, randomUUID(), JSON.stringify(r.values), r.problems ? JSON.stringify(r.problems) : null, heldFor(r.problems), t))
      })()
    },
    /** The batch's state alone (no counting): asked before each row a batch sends, and each chunk an import adds. */
    runState: (batchId: string): BatchRunState | null => db.prepare<[string], { run_state: BatchRunState }>('SELECT run_state FROM batches WHERE id = ?').get(batchId)?.run_state ?? null,
    rowCount: (batchId: string): number => db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(batchId)!.n,
    get(id: string): StoredBatch | null {
      const b = batchById.get(id)
      return b ? summary(b) : null
    },
    list(): StoredBatch[] {
      return db.prepare<[], BatchTableRow>('SELECT * FROM batches ORDER BY created_at DESC, rowid DESC LIMIT 200').all().map(summary)
    },
    rowsPage: (batchId: string, filter: StoredRowFilter, offset: number, limit: number): StoredBatchRow[] => pages[filter].all(batchId, limit, offset).map(toRow),
    rowsAfter: (batchId: string, filter: StoredRowFilter, afterRowNo: number, limit: number): StoredBatchRow[] => after[filter].all(batchId, afterRowNo, limit).map(toRow),
    countUnder: (batchId: string, filter: StoredRowFilter): number => countsUnder[filter].get(batchId)!.n,
    valuesSample(batchId: string, max: number): { rows: { id: string; values: RowValues }[]; lastRowNo: number } {
      const { n, last } = db.prepare<[string], { n: number; last: number }>('SELECT count(*) AS n, coalesce(max(row_no), 0) AS last FROM batch_rows WHERE batch_id = ?').get(batchId)!
      const step = Math.max(1, Math.ceil(n / max))
      const rows = db
        // The sampled rows are picked on the (batch, row number) index alone; only their values are read.
        .prepare<[string, number], { id: string; values_json: string }>(
          `SELECT id, values_json FROM batch_rows WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER (ORDER BY row_no) AS k FROM batch_rows WHERE batch_id = ?) WHERE (k - 1) % ? = 0) ORDER BY row_no`
        )
        .all(batchId, step)
      return { rows: rows.map((r) => ({ id: r.id, values: JSON.parse(r.values_json) as RowValues })), lastRowNo: last }
    },
    row(rowId: string): (StoredBatchRow & { batchId: string }) | null {
      const r = rowById.get(rowId)
      if (!r) return null
      const { batch_id } = db.prepare<[string], { batch_id: string }>('SELECT batch_id FROM batch_rows WHERE id = ?').get(rowId)!
      return { ...toRow(r), batchId: batch_id }
    },
    counts,
    updateRow(rowId: string, values: RowValues, problems: Record<string, string[]> | null): void {
      db.prepare('UPDATE batch_rows SET values_json = ?, problems_json = ?, held = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(values), problems ? JSON.stringify(problems) : null, heldFor(problems), now().toISOString(), rowId)
    },
    /** Re-checked rows (defaults changed): only problems change. */
    confirmRow(rowId: string, values: RowValues): void {
      db.prepare('UPDATE batch_rows SET confirmed_json = ?, problems_json = NULL, held = 0, updated_at = ? WHERE id = ?').run(JSON.stringify(values), now().toISOString(), rowId)
    },
    setProblems(rowId: string, problems: Record<string, string[]> | null): void {
      db.prepare('UPDATE batch_rows SET problems_json = ?, held = ? WHERE id = ?').run(problems ? JSON.stringify(problems) : null, heldFor(problems), rowId)
    },
    setProblemsMany(rows: { id: string; problems: Record<string, string[]> | null }[]): void {
      db.transaction(() => rows.forEach((r) => repo.setProblems(r.id, r.problems)))()
    },
    setDefaults(batchId: string, defaults: BatchDefaults): void {
      db.prepare('UPDATE batches SET defaults_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(defaults), now().toISOString(), batchId)
    },
    /** A stop by the batch itself keeps its reason; every other change of state clears it. */
    setRunState(batchId: string, state: BatchRunState, reason: RecordError | null = null): void {
      db.prepare('UPDATE batches SET run_state = ?, stop_reason_json = ?, updated_at = ? WHERE id = ?').run(state, reason ? JSON.stringify(reason) : null, now().toISOString(), batchId)
    },
    setFiles(batchId: string, files: { labelsPdf?: string; resultCsv?: string }): void {
      if (files.labelsPdf) db.prepare('UPDATE batches SET labels_pdf = ? WHERE id = ?').run(files.labelsPdf, batchId)
      if (files.resultCsv) db.prepare('UPDATE batches SET result_csv = ? WHERE id = ?').run(files.resultCsv, batchId)
    },
    /** Start-up: nothing runs before the user says so again; a batch cut off while running is paused. */
    pauseInterrupted(): number {
      return db.prepare(`UPDATE batches SET run_state = 'paused', stop_reason_json = ? WHERE run_state = 'running'`).run(JSON.stringify(interruptedReason)).changes
    },
    /** A rows' remembered column layout for a CSV header set. */
    mapping(headerKey: string): (string | null)[] | null {
      const r = db.prepare<[string], { mapping_json: string }>('SELECT mapping_json FROM import_mappings WHERE header_key = ?').get(headerKey)
      const parsed: unknown = r ? JSON.parse(r.mapping_json) : null
      return Array.isArray(parsed) ? parsed.map((f) => (typeof f === 'string' ? f : null)) : null
    },
    saveMapping(headerKey: string, mapping: (string | null)[]): void {
      db.prepare('INSERT INTO import_mappings (header_key, mapping_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (header_key) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at').run(
        headerKey,
        JSON.stringify(mapping),
        now().toISOString()
      )
    },
    /** Rows stay as shipments in the history; only the batch and its row list go. */
    remove(batchId: string): boolean {
      return db.prepare('DELETE FROM batches WHERE id = ?').run(batchId).changes > 0
    }
  }
  return repo
}
export type BatchesRepo = ReturnType<typeof createBatchesRepo>

/** The embedded SQLite repository as a BatchesStore: one desk, so nothing to claim from anyone. */
export function sqliteBatchesStore(repo: BatchesRepo): BatchesStore {
  return {
    ...promised(repo),
    engine: 'sqlite',
    claimRow: async () => ({ claimed: true, takenFrom: null }),
    renewClaims: async () => undefined,
    releaseRow: async () => undefined,
    othersWorking: async () => 0,
    runState: async (batchId) => repo.runState(batchId),
    // One desk: no claim is ever taken from another, so nothing is ever abandoned here.
    settleAbandoned: async () => null
  }
}
