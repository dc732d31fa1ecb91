import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import path from 'node:path'
import pg from 'pg'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { useTempDir } from '../../../helpers/temp-dir'
import { domesticForm } from '../../../helpers/booking-form'
import { migrations } from '../../../../src/main/services/store/sqlite/migrations'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { registerSearchTokens } from '../../../../src/main/services/store/sqlite/search-tokens'
import { createBatchesRepo } from '../../../../src/main/services/store/sqlite/batches-repo'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { sharedMigrations } from '../../../../src/main/services/store/postgres/migrations'
import { openSharedDatabase } from '../../../../src/main/services/store/postgres/database'
import { pgBatchesStore } from '../../../../src/main/services/store/postgres/batches-store'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import type { SharedSchema } from '../../../../src/main/services/store/postgres/schema'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'

// Before shipments kept their request ids, "Send again" gave a shipment a new one and its batch row,
// joined by the old one, lost it (it read "Ready", and Book all booked the parcel again). Upgrading
// finds such a row's shipment again, by its batch and recipient, and keeps the row's request id as the
// shipment's: the row shows the shipment's state and its request id can never book a second time.
const row = { name: 'Kari Mottaker', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN' }

describe('upgrading a history where a resend had cut a batch row off its shipment', () => {
  const tempDir = useTempDir()
  const newPgDatabase = usePostgresDatabase()

  it('SQLite: the row finds its shipment again, and its old request id is the shipment’s', async () => {
    const dir = await tempDir()
    const raw = new Database(path.join(dir, 'fraktdesk.sqlite3'))
    registerSearchTokens(raw)
    raw.pragma('foreign_keys = OFF')
    // The history as it was just before the identity migration (0010_request_ids): that one runs at the next start.
    const before = migrations.findIndex((m) => m.name === '0010_request_ids')
    for (let v = 0; v < before; v++) raw.exec(migrations[v].sql)
    raw.pragma(`user_version = ${before}`)
    const at = '2026-12-01T10:00:00.000Z'
    raw.prepare(`INSERT INTO batches (id, created_at, updated_at, name, mode, run_state, defaults_json) VALUES ('b1', ?, ?, 'Morgen', 'test', 'done', '{}')`).run(at, at)
    raw.prepare(`INSERT INTO batch_rows (id, batch_id, row_no, client_request_id, values_json, problems_json, updated_at) VALUES ('r1', 'b1', 1, 'first-attempt', ?, NULL, ?)`).run(JSON.stringify(row), at)
    // The shipment, resent under a new request id (the old code moved its one id column along).
    const form = { ...domesticForm(), clientRequestId: '00000000-0000-4000-8000-000000000003' }
    raw.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id, recipient_name, recipient_postal_code, recipient_city, form_json, request_json, batch_id, consignment_number)
      VALUES ('s1', '00000000-0000-4000-8000-000000000003', ?, ?, 'test', 'booked', '5', '5800', 'Kari Mottaker', '5003', 'BERGEN', ?, '{}', 'b1', '70438101000000001')`).run(at, at, JSON.stringify(form))
    raw.close()

    const db = openDatabase(dir)
    const [r] = createBatchesRepo(db).rowsPage('b1', 'all', 0, 10)
    expect(r).toMatchObject({ status: 'booked', shipmentId: 's1', consignmentNumber: '70438101000000001' })
    expect(createShipmentsRepo(db).findByClientRequest('first-attempt')?.id).toBe('s1')
    db.close()
  })

  it.skipIf(postgresUnavailable() !== '')('PostgreSQL: the same', async () => {
    const url = await newPgDatabase()
    const earlier = new Kysely<SharedSchema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) })
    const before = Object.fromEntries(Object.entries(sharedMigrations).filter(([name]) => name < '0010_request_ids'))
    expect((await new Migrator({ db: earlier, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined()
    const form = { ...domesticForm(), clientRequestId: '00000000-0000-4000-8000-000000000002' }
    await sql`INSERT INTO batches (id, desk, created_at, updated_at, name, mode, run_state, defaults_json) VALUES ('b1', 'Desk A', '2026-12-01', '2026-12-01', 'Morgen', 'test', 'done', '{}')`.execute(earlier)
    await sql`INSERT INTO batch_rows (id, batch_id, row_no, client_request_id, desk, values_json, updated_at) VALUES ('r1', 'b1', 1, 'first-attempt', 'Desk A', ${JSON.stringify(row)}, '2026-12-01')`.execute(earlier)
    await sql`INSERT INTO shipments (id, client_request_id, desk, created_at, updated_at, mode, status, customer_number, product_id, recipient_name, recipient_postal_code, recipient_city, form_json, request_json, batch_id, consignment_number)
      VALUES ('s1', ${form.clientRequestId}, 'Desk A', '2026-12-01', '2026-12-01', 'test', 'booked', '5', '5800', 'Kari Mottaker', '5003', 'BERGEN', ${JSON.stringify(form)}, '{}', 'b1', '70438101000000001')`.execute(earlier)
    await earlier.destroy()
    const shared = await openSharedDatabase({ url, tls: { enabled: false } })
    try {
      const [r] = await pgBatchesStore(shared.db, 'Desk A').rowsPage('b1', 'all', 0, 10)
      expect(r).toMatchObject({ status: 'booked', shipmentId: 's1', consignmentNumber: '70438101000000001' })
      expect((await pgShipmentsStore(shared.db, 'Desk A').findByClientRequest('first-attempt'))?.id).toBe('s1')
    } finally {
      await shared.close()
    }
  })
})
