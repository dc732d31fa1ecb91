// Issue #18 asks whether the embedded SQLite store should be written with Kysely (one builder for
// both engines) instead of its hand-written statements. Same SQLite file, same queries, the app's
// three hottest store operations: the hand-written prepared statement next to Kysely's SQLite dialect.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../src/main/services/store/sqlite/shipments-repo'
import { domesticForm } from '../../test/helpers/booking-form'
import { printTable, quick, stats } from '../lib'

interface ShipmentsRow {
  id: string
  client_request_id: string
  created_at: string
  updated_at: string
  mode: string
  status: string
  customer_number: string
  product_id: string
  recipient_name: string
  recipient_postal_code: string
  recipient_city: string
  reference: string | null
  form_json: string
  request_json: string
}

const micros = (f: () => unknown, n: number): number[] => {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    f()
    out.push((performance.now() - t) * 1000)
  }
  return out
}
const microsAsync = async (f: () => Promise<unknown>, n: number): Promise<number[]> => {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await f()
    out.push((performance.now() - t) * 1000)
  }
  return out
}

export async function benchStoreEngines(): Promise<{ op: string; handWrittenUs: number; kyselyUs: number }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-bench-engines-'))
  const db = openDatabase(dir)
  try {
    const repo = createShipmentsRepo(db)
    const seeded = quick ? 2_000 : 20_000
    const ids: string[] = []
    db.transaction(() => {
      for (let i = 0; i < seeded; i++) ids.push(repo.insertPending(domesticForm({ recipient: { name: `Mottaker ${i}`, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO' } }), {}, 'test').id)
    })()
    db.pragma('synchronous = NORMAL') // the inserts below measure the statement, not the disk's flush
    const kysely = new Kysely<{ shipments: ShipmentsRow }>({ dialect: new SqliteDialect({ database: db }) })
    const n = quick ? 500 : 5_000
    const pick = () => ids[Math.floor(Math.random() * ids.length)]
    const cols = ['id', 'created_at', 'mode', 'status', 'recipient_name', 'recipient_postal_code', 'recipient_city', 'reference'] as const

    const byId = db.prepare('SELECT * FROM shipments WHERE id = ?')
    const page = db.prepare(`SELECT ${cols.join(', ')} FROM shipments ORDER BY rowid DESC LIMIT 100`)
    const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id, recipient_name, recipient_postal_code, recipient_city, reference, form_json, request_json)
      VALUES (?, ?, ?, ?, 'test', 'pending', '5', '5800', 'Kari', '5003', 'BERGEN', 'R', '{}', '{}')`)
    const row = () => {
      const id = randomUUID()
      const at = new Date().toISOString()
      return { id, client_request_id: id, created_at: at, updated_at: at, mode: 'test', status: 'pending', customer_number: '5', product_id: '5800', recipient_name: 'Kari', recipient_postal_code: '5003', recipient_city: 'BERGEN', reference: 'R', form_json: '{}', request_json: '{}' }
    }

    const results = [
      { op: 'get one shipment by id', hand: micros(() => byId.get(pick()), n), kysely: await microsAsync(() => kysely.selectFrom('shipments').selectAll().where('id', '=', pick()).executeTakeFirst(), n) },
      { op: 'list page of 100, newest first', hand: micros(() => page.all(), n / 5), kysely: await microsAsync(() => kysely.selectFrom('shipments').select(cols).orderBy(sql`rowid`, 'desc').limit(100).execute(), n / 5) },
      {
        op: 'insert a pending shipment',
        hand: micros(() => {
          const r = row()
          insert.run(r.id, r.client_request_id, r.created_at, r.updated_at)
        }, n),
        kysely: await microsAsync(() => kysely.insertInto('shipments').values(row()).execute(), n)
      }
    ].map((r) => ({ op: r.op, handWrittenUs: stats(r.hand).p50, kyselyUs: stats(r.kysely).p50 }))
    printTable(
      `SQLite store: hand-written prepared statements vs Kysely (SqliteDialect) on the same file (${seeded.toLocaleString('en')} shipments; µs p50)`,
      ['operation', 'hand-written', 'Kysely', 'ratio'],
      results.map((r) => [r.op, r.handWrittenUs.toFixed(1), r.kyselyUs.toFixed(1), (r.kyselyUs / r.handWrittenUs).toFixed(2)])
    )
    return results
  } finally {
    db.close()
    await rm(dir, { recursive: true, force: true })
  }
}
