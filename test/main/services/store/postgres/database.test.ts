import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely'
import { sharedMigrations } from '../../../../../src/main/services/store/postgres/migrations'
import { pgBatchesStore } from '../../../../../src/main/services/store/postgres/batches-store'
import type { SharedSchema } from '../../../../../src/main/services/store/postgres/schema'
import { isConnectionLost, openSharedDatabase, SharedDatabaseError, type SharedDatabase } from '../../../../../src/main/services/store/postgres/database'
import { createLabelLinksSeal } from '../../../../../src/main/services/team/label-links-seal'
import { pgShipmentsStore } from '../../../../../src/main/services/store/postgres/shipments-store'
import { domesticForm } from '../../../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../../../helpers/postgres'

const noTls = { enabled: false }
const batchDefaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: '2026-11-30', weightKg: '1', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' }

describe.skipIf(postgresUnavailable() !== '')('shared PostgreSQL database', () => {
  const newDatabase = usePostgresDatabase()
  const open: SharedDatabase[] = []
  const connect = async (url: string) => {
    const shared = await openSharedDatabase({ url, tls: noTls })
    open.push(shared)
    return shared
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })

  it('migrates an empty database, and opening a populated one again changes nothing and loses nothing', async () => {
    const url = await newDatabase()
    const first = await connect(url)
    const store = pgShipmentsStore(first.db, 'Desk A')
    const s = await store.insertPending(domesticForm(), {}, 'test')
    const again = await connect(url)
    expect((await pgShipmentsStore(again.db, 'Desk B').get(s.id))!.recipientName).toBe('Kari Mottaker')
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(again.db)
    expect(rows.map((r) => r.name)).toEqual(Object.keys(sharedMigrations).sort())
    expect(first.serverVersion).toMatch(/^\d+/)
  })

  it('upgrades a database an earlier Fraktdesk made (shipments only): its bookings stay, batches and the address book arrive', async () => {
    const url = await newDatabase()
    const earlier = new Kysely<SharedSchema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) })
    const firstTwo = Object.fromEntries(Object.entries(sharedMigrations).slice(0, 2))
    expect((await new Migrator({ db: earlier, provider: { getMigrations: async () => firstTwo } }).migrateToLatest()).error).toBeUndefined()
    // A booking as that version wrote it: the shipment row alone (no kept request ids, no batches yet).
    const form = domesticForm()
    const s = { id: '00000000-0000-4000-8000-000000000001' }
    await sql`INSERT INTO shipments (id, client_request_id, desk, created_at, updated_at, mode, status, customer_number, product_id, recipient_name, recipient_postal_code, recipient_city, form_json, request_json)
      VALUES (${s.id}, ${form.clientRequestId}, 'Desk A', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z', 'test', 'booked', '5', '5800', 'Kari Mottaker', '5003', 'BERGEN', ${JSON.stringify(form)}, '{}')`.execute(earlier)
    await earlier.destroy()
    const now = await connect(url)
    expect((await pgShipmentsStore(now.db, 'Desk A').get(s.id))!.recipientName).toBe('Kari Mottaker')
    // Its request id came along as the shipment's first: the same form submitted again finds it, never a second booking.
    expect((await pgShipmentsStore(now.db, 'Desk B').findByClientRequest(form.clientRequestId))!.id).toBe(s.id)
    expect(await pgShipmentsStore(now.db, 'Desk B').requestIds(s.id)).toEqual([form.clientRequestId])
    const batch = await pgBatchesStore(now.db, 'Desk A').create({ name: 'Etter oppgradering', mode: 'test', defaults: batchDefaults, rows: [] })
    expect(await pgBatchesStore(now.db, 'Desk B').get(batch.id)).toMatchObject({ name: 'Etter oppgradering' })
  })

  it('a connection the server drops while it is checked out (mid-transaction) is reported, never an uncaught error that ends the process', async () => {
    const url = await newDatabase()
    const lost: string[] = []
    const shared = await openSharedDatabase({ url, tls: noTls }, { onLost: (err) => lost.push(err.message) })
    open.push(shared)
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const failed = await shared.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)
          await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid])
          // Checked out, no statement running: pg emits 'error' on the client itself.
          await new Promise((r) => setTimeout(r, 300))
          await sql`SELECT 1`.execute(trx)
        })
        .catch((err: unknown) => err as Error)
      expect(failed).toBeInstanceOf(Error)
      expect(isConnectionLost(failed)).toBe(true)
      expect(lost.length).toBeGreaterThan(0)
      // The pool makes a new connection: the next statement works.
      expect(await shared.ping()).toBe(true)
    } finally {
      await admin.end()
    }
  })

  it('refuses a database a newer Fraktdesk has upgraded, with the reason', async () => {
    const url = await newDatabase()
    const shared = await connect(url)
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', now()::text)`.execute(shared.db)
    await expect(openSharedDatabase({ url, tls: noTls })).rejects.toThrow('upgraded by a newer Fraktdesk (9999_from_the_future)')
  })

  it('says what is wrong with an address, a server that is not there, or a database that does not exist', async () => {
    await expect(openSharedDatabase({ url: 'not a url', tls: noTls })).rejects.toThrow(SharedDatabaseError)
    await expect(openSharedDatabase({ url: 'postgres://kari:secret@127.0.0.1/db', tls: noTls })).rejects.toThrow('Leave the password out of the address')
    await expect(openSharedDatabase({ url: 'postgres://fraktdesk@127.0.0.1:9/db', tls: noTls })).rejects.toThrow('cannot be reached')
    const missing = new URL(await newDatabase())
    missing.pathname = '/no_such_database'
    await expect(openSharedDatabase({ url: missing.toString(), tls: noTls })).rejects.toThrow('does not exist')
    // The test server has no TLS: with TLS on (the default), the desk says so instead of falling back to clear text.
    await expect(openSharedDatabase({ url: await newDatabase(), tls: { enabled: true } })).rejects.toThrow('does not offer TLS')
  })

  it('a desk that restarts recovers only its own interrupted bookings: another desk may be sending right now', async () => {
    const url = await newDatabase()
    const deskA = pgShipmentsStore((await connect(url)).db, 'Desk A')
    const deskB = pgShipmentsStore((await connect(url)).db, 'Desk B')
    const mine = await deskA.insertPending(domesticForm(), {}, 'live')
    await deskA.markSending(mine.id)
    const theirs = await deskB.insertPending(domesticForm(), {}, 'live')
    await deskB.markSending(theirs.id)
    expect(await deskA.recoverInterrupted({ notSent: 'x', unknown: 'y' })).toEqual({ notSent: 0, unknown: 1 })
    expect((await deskB.get(theirs.id))!.status).toBe('sending')
  })

  it('label links (with their access tokens) never reach the shared database', async () => {
    const url = await newDatabase()
    const store = pgShipmentsStore((await connect(url)).db, 'Desk A')
    const s = await store.insertPending(domesticForm(), {}, 'live')
    await store.markBooked(s.id, { consignmentNumber: '70438101000000001', packageNumbers: [], labelUrl: 'https://api.bring.com/labels/x?token=SECRET-LABEL-TOKEN', waybillUrl: 'https://api.bring.com/waybill?token=SECRET-WAYBILL' })
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query('SELECT * FROM shipments')
    await client.end()
    expect(JSON.stringify(rows)).not.toMatch(/SECRET/)
    expect((await store.get(s.id))!.confirmation).toEqual({ consignmentNumber: '70438101000000001', packageNumbers: [] })
  })

  it('label links go in sealed: another desk signed in as the same Bring user gets them, one signed in as another does not', async () => {
    const url = await newDatabase()
    const desk = async (name: string, apiKey: string) => pgShipmentsStore((await connect(url)).db, name, { seal: createLabelLinksSeal(async () => ({ apiUid: 'shop@example.no', apiKey })) })
    const deskA = await desk('Desk A', 'key-1')
    const s = await deskA.insertPending(domesticForm(), {}, 'live')
    const links = { labelUrl: 'https://api.bring.com/labels/x?token=SECRET-LABEL-TOKEN', waybillUrl: 'https://api.bring.com/waybill?token=SECRET-WAYBILL' }
    await deskA.markBooked(s.id, { consignmentNumber: '70438101000000001', packageNumbers: [], ...links })
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query('SELECT * FROM shipments')
    await client.end()
    expect(JSON.stringify(rows)).not.toMatch(/SECRET|labels\/x/)
    expect(rows[0].label_links_sealed).toMatch(/^v1\./)
    expect((await (await desk('Desk B', 'key-1')).get(s.id))!.confirmation).toEqual({ consignmentNumber: '70438101000000001', packageNumbers: [], ...links })
    expect((await (await desk('Desk C', 'another-key')).get(s.id))!.confirmation).toEqual({ consignmentNumber: '70438101000000001', packageNumbers: [] })
  })

  it('tells every other desk about a new booking within a second (LISTEN/NOTIFY), without polling', async () => {
    const url = await newDatabase()
    const deskA = pgShipmentsStore((await connect(url)).db, 'Desk A')
    const deskB = await connect(url)
    const heard: { id: string; desk: string; status: string }[] = []
    const stop = await deskB.listen((c) => heard.push(c))
    const started = Date.now()
    const s = await deskA.insertPending(domesticForm(), {}, 'live')
    await deskA.markBooked(s.id, { consignmentNumber: '70438101000000001', packageNumbers: [] })
    while (heard.length < 2 && Date.now() - started < 1000) await new Promise((r) => setTimeout(r, 10))
    await stop()
    expect(heard.map((h) => [h.id, h.desk, h.status])).toEqual([
      [s.id, 'Desk A', 'pending'],
      [s.id, 'Desk A', 'booked']
    ])
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
