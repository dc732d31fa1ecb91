import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable } from 'kysely'
import { batchDefaultsSchema, type BatchRunState, type RowValues } from '@shared/domain/batches'
import type { RecordError, ShipmentStatus } from '@shared/domain/booking'
import { heldFor, interruptedReason, rowFilterSql, tallyHeld, toStoredRow, type BatchesStore, type NewRow, type StoredBatch } from '../batches'
import type { BatchesTable, SharedSchema } from './schema'
import { lazyStore } from './lazy-store'

/** How long a desk's claim on a row lasts without being renewed: a dead desk's rows wait this long. */
export const DEFAULT_ROW_LEASE_MS = 15_000

/**
 * Batches in the shared PostgreSQL database. A row's status is the status of the shipment it became
 * (joined by the shipment's id, which the row takes when its first request is saved). Claims and leases use the server's clock, so
 * desks whose clocks disagree still agree on whose lease has run out.
 */
export function pgBatchesStore(db: Kysely<SharedSchema>, desk: string, opts: { leaseMs?: number; now?: () => Date; instance?: string } = {}): BatchesStore {
  const now = opts.now ?? (() => new Date())
  const touch = (): string => now().toISOString()
  const leaseSeconds = (opts.leaseMs ?? DEFAULT_ROW_LEASE_MS) / 1000
  // One claimer per running app: a desk that restarts after a crash does not own its dead self's leases.
  const claimer = `${desk}\u001f${opts.instance ?? randomUUID()}`
  const deskOf = (c: string): string => c.split('\u001f')[0]
  const leaseEnd = sql<Date>`now() + make_interval(secs => ${leaseSeconds})`

  const filterSql = rowFilterSql(`(s.error_json->>'code')`)
  const joined = () =>
    db
      .selectFrom('batch_rows as r')
      .leftJoin('shipments as s', 's.id', 'r.shipment_id')
      .select([
        'r.id',
        'r.batch_id',
        'r.row_no',
        'r.client_request_id',
        'r.values_json as values',
        'r.problems_json as problems',
        'r.confirmed_json as confirmed',
        'r.updated_at',
        's.id as shipment_id',
        's.status as shipment_status',
        's.updated_at as shipment_updated_at',
        's.consignment_number',
        's.label_file',
        's.error_json as error'
      ])

  // Rows not yet shipments are counted on the (batch, shipment, held) index; the rest by their shipment's status.
  async function counts(batchId: string) {
    const { rows } = await sql<{ held: number | null; status: ShipmentStatus | null; n: string }>`
      SELECT held, NULL AS status, count(*) AS n FROM batch_rows WHERE batch_id = ${batchId} AND shipment_id IS NULL GROUP BY held
      UNION ALL
      SELECT NULL, s.status, count(*) FROM batch_rows r JOIN shipments s ON s.id = r.shipment_id WHERE r.batch_id = ${batchId} AND r.shipment_id IS NOT NULL GROUP BY s.status`.execute(db)
    return tallyHeld(rows.map((g) => ({ held: g.held, status: g.status, n: Number(g.n) })))
  }

  const summary = async (b: Selectable<BatchesTable>): Promise<StoredBatch> => ({
    id: b.id,
    name: b.name,
    createdAt: b.created_at,
    mode: b.mode,
    runState: b.run_state,
    counts: await counts(b.id),
    defaults: batchDefaultsSchema.parse(b.defaults_json),
    labelsPdf: b.labels_pdf,
    resultCsv: b.result_csv,
    stopReason: (b.stop_reason_json as RecordError | null | undefined) ?? null
  })

  async function insertRows(trx: Kysely<SharedSchema>, batchId: string, rows: NewRow[]): Promise<void> {
    // The batch row is locked: two desks appending at once number their rows one after the other.
    await trx.selectFrom('batches').select('id').where('id', '=', batchId).forUpdate().execute()
    const { last } = await trx.selectFrom('batch_rows').select(sql<number>`coalesce(max(row_no), 0)`.as('last')).where('batch_id', '=', batchId).executeTakeFirstOrThrow()
    const at = touch()
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500)
      await trx
        .insertInto('batch_rows')
        .values(
          chunk.map((r, j) => ({
            id: randomUUID(),
            batch_id: batchId,
            row_no: r.rowNo ?? Number(last) + i + j + 1,
            client_request_id: randomUUID(),
            desk,
            values_json: JSON.stringify(r.values),
            problems_json: r.problems ? JSON.stringify(r.problems) : null,
            held: heldFor(r.problems),
            updated_at: at
          }))
        )
        .execute()
    }
  }

  const store: BatchesStore = {
    engine: 'postgres',
    async create(input) {
      const id = randomUUID()
      const at = touch()
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('batches').values({ id, desk, created_at: at, updated_at: at, name: input.name, mode: input.mode, run_state: 'idle', defaults_json: JSON.stringify(input.defaults), labels_pdf: null, result_csv: null }).execute()
        await insertRows(trx, id, input.rows)
      })
      return (await store.get(id))!
    },
    appendRows: (batchId, rows) => db.transaction().execute((trx) => insertRows(trx, batchId, rows)),
    rowCount: async (batchId) => Number((await db.selectFrom('batch_rows').select((eb) => eb.fn.countAll<string>().as('n')).where('batch_id', '=', batchId).executeTakeFirstOrThrow()).n),
    async get(id) {
      const b = await db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst()
      return b ? summary(b) : null
    },
    async list() {
      const rows = await db.selectFrom('batches').selectAll().orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(200).execute()
      return Promise.all(rows.map(summary))
    },
    rowsPage: async (batchId, filter, offset, limit) =>
      (await joined().where('r.batch_id', '=', batchId).where(sql.raw<boolean>(filterSql[filter])).orderBy('r.row_no').limit(limit).offset(offset).execute()).map(toStoredRow),
    rowsAfter: async (batchId, filter, afterRowNo, limit) =>
      (await joined().where('r.batch_id', '=', batchId).where('r.row_no', '>', afterRowNo).where(sql.raw<boolean>(filterSql[filter])).orderBy('r.row_no').limit(limit).execute()).map(toStoredRow),
    async countUnder(batchId, filter) {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM batch_rows r LEFT JOIN shipments s ON s.id = r.shipment_id WHERE r.batch_id = ${batchId} AND ${sql.raw(filterSql[filter])}`.execute(db)
      return Number(rows[0].n)
    },
    async valuesSample(batchId, max) {
      const { rows } = await sql<{ id: string; values_json: RowValues; n: string; last: number | null }>`
        SELECT id, values_json, n, last FROM (
          SELECT id, values_json, row_number() OVER (ORDER BY row_no) AS k, count(*) OVER () AS n, max(row_no) OVER () AS last FROM batch_rows WHERE batch_id = ${batchId}) s
        WHERE (k - 1) % greatest(1, ceil(n::numeric / ${max}))::int = 0`.execute(db)
      return { rows: rows.map((r) => ({ id: r.id, values: r.values_json })), lastRowNo: rows[0]?.last ?? 0 }
    },
    async row(rowId) {
      const r = await joined().where('r.id', '=', rowId).executeTakeFirst()
      return r ? { ...toStoredRow(r), batchId: r.batch_id } : null
    },
    counts,
    async updateRow(rowId, values, problems) {
      await db.updateTable('batch_rows').set({ values_json: JSON.stringify(values), problems_json: problems ? JSON.stringify(problems) : null, held: heldFor(problems), updated_at: touch() }).where('id', '=', rowId).execute()
    },
    async setProblems(rowId, problems) {
      await db.updateTable('batch_rows').set({ problems_json: problems ? JSON.stringify(problems) : null, held: heldFor(problems) }).where('id', '=', rowId).execute()
    },
    async confirmRow(rowId, values) {
      await db.updateTable('batch_rows').set({ confirmed_json: JSON.stringify(values), problems_json: null, held: 0, updated_at: touch() }).where('id', '=', rowId).execute()
    },
    async setProblemsMany(rows) {
      await db.transaction().execute(async (trx) => {
        for (const r of rows) await trx.updateTable('batch_rows').set({ problems_json: r.problems ? JSON.stringify(r.problems) : null, held: heldFor(r.problems) }).where('id', '=', r.id).execute()
      })
    },
    async setDefaults(batchId, defaults) {
      await db.updateTable('batches').set({ defaults_json: JSON.stringify(defaults), updated_at: touch() }).where('id', '=', batchId).execute()
    },
    async setRunState(batchId, state: BatchRunState, reason: RecordError | null = null) {
      await db.updateTable('batches').set({ run_state: state, stop_reason_json: reason ? JSON.stringify(reason) : null, updated_at: touch() }).where('id', '=', batchId).execute()
    },
    async setFiles(batchId, files) {
      if (files.labelsPdf) await db.updateTable('batches').set({ labels_pdf: files.labelsPdf }).where('id', '=', batchId).execute()
      if (files.resultCsv) await db.updateTable('batches').set({ result_csv: files.resultCsv }).where('id', '=', batchId).execute()
    },
    /** Start-up: a batch left "running" with no desk holding a live claim on it was cut off: paused. */
    async pauseInterrupted() {
      const r = await db
        .updateTable('batches')
        .set({ run_state: 'paused', stop_reason_json: JSON.stringify(interruptedReason) })
        .where('run_state', '=', 'running')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('batch_rows').select('id').whereRef('batch_rows.batch_id', '=', 'batches.id').where(sql<boolean>`claim_until > now()`))))
        .executeTakeFirst()
      return Number(r.numUpdatedRows)
    },
    async mapping(headerKey) {
      const r = await db.selectFrom('import_mappings').select('mapping_json').where('header_key', '=', headerKey).executeTakeFirst()
      return Array.isArray(r?.mapping_json) ? r.mapping_json.map((f: unknown) => (typeof f === 'string' ? f : null)) : null
    },
    async saveMapping(headerKey, mapping) {
      const values = { header_key: headerKey, mapping_json: JSON.stringify(mapping), updated_at: touch() }
      await db
        .insertInto('import_mappings')
        .values(values)
        .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping_json: values.mapping_json, updated_at: values.updated_at }))
        .execute()
    },
    remove: async (batchId) => Number((await db.deleteFrom('batches').where('id', '=', batchId).executeTakeFirst()).numDeletedRows) > 0,

    async claimRow(rowId) {
      const { rows } = await sql<{ previous: string | null }>`
        WITH previous AS (SELECT claimed_by FROM batch_rows WHERE id = ${rowId} AND (claimed_by IS NULL OR claimed_by = ${claimer} OR claim_until < now()) FOR UPDATE)
        UPDATE batch_rows SET claimed_by = ${claimer}, claim_until = ${leaseEnd}
        FROM previous WHERE batch_rows.id = ${rowId}
        RETURNING previous.claimed_by AS previous`.execute(db)
      if (rows.length === 0) return { claimed: false, takenFrom: null }
      const previous = rows[0].previous
      return { claimed: true, takenFrom: previous && previous !== claimer ? deskOf(previous) : null }
    },
    async renewClaims(rowIds) {
      if (rowIds.length === 0) return
      await db.updateTable('batch_rows').set({ claim_until: leaseEnd }).where('id', 'in', rowIds).where('claimed_by', '=', claimer).execute()
    },
    async releaseRow(rowId) {
      await db.updateTable('batch_rows').set({ claimed_by: null, claim_until: null }).where('id', '=', rowId).where('claimed_by', '=', claimer).execute()
    },
    othersWorking: async (batchId) =>
      Number(
        (
          await db
            .selectFrom('batch_rows')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('batch_id', '=', batchId)
            .where('claimed_by', '<>', claimer)
            .where(sql<boolean>`claim_until > now()`)
            .executeTakeFirstOrThrow()
        ).n
      ),
    runState: async (batchId) => (await db.selectFrom('batches').select('run_state').where('id', '=', batchId).executeTakeFirst())?.run_state ?? null,
    async settleAbandoned(rowId, messages) {
      const shipmentId = (await db.selectFrom('batch_rows').select('shipment_id').where('id', '=', rowId).executeTakeFirst())?.shipment_id
      if (!shipmentId) return null
      const at = touch()
      const settle = (from: 'pending' | 'sending', to: ShipmentStatus, error: { code: string; message: string }) =>
        db.updateTable('shipments').set({ status: to, error_json: JSON.stringify(error), updated_at: at }).where('id', '=', shipmentId).where('status', '=', from).execute()
      await settle('pending', 'not_sent', { code: 'NOT_SENT', message: messages.notSent })
      await settle('sending', 'outcome_unknown', { code: 'INTERRUPTED', message: messages.unknown })
      return (await db.selectFrom('shipments').select('status').where('id', '=', shipmentId).executeTakeFirst())?.status ?? null
    }
  }
  return store
}

/** The PostgreSQL batches store behind a connection opened on first use. */
export function lazyPgBatchesStore(open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string, opts: { leaseMs?: number } = {}): BatchesStore {
  const instance = randomUUID() // kept across reconnects: this running app's claims stay its own
  return lazyStore<BatchesStore>(open, (db) => pgBatchesStore(db, desk, { ...opts, instance }))
}
