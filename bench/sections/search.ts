// History search through the app's repository next to the best hand-written SQLite query for the
// same page, at 100,000 and 1,000,000 shipments. Rows carry form/request JSON of a real booking's
// size, so reading columns the list does not show costs what it costs in the app.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { openDatabase, type Db } from '../../src/main/services/store/sqlite/db'
import { migrations } from '../../src/main/services/store/sqlite/migrations'
import { createShipmentsRepo, searchIndexes, summaryColumns } from '../../src/main/services/store/sqlite/shipments-repo'
import { tokenQuery } from '../../src/main/services/store/sqlite/search-tokens'
import { printTable, quick, ratio, ms, stats, timeSync } from '../lib'

const first = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Jonas', 'Emma', 'Henrik', 'Nora', 'Magnus', 'Sara', 'Anders']
const last = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Berg', 'Haugen', 'Mottaker']
const cities = [['0150', 'OSLO'], ['5003', 'BERGEN'], ['7010', 'TRONDHEIM'], ['4006', 'STAVANGER'], ['9008', 'TROMSØ'], ['3015', 'DRAMMEN']]

/** Seeded once per size and schema (hash of the migrations), then reused (bench/.data is git-ignored). */
export function seededDatabase(n: number): string {
  const schema = createHash('sha256').update(migrations.map((m) => m.sql).join('\n')).digest('hex').slice(0, 10)
  const dir = path.resolve('bench/.data', `shipments-${n}-${schema}`)
  if (existsSync(path.join(dir, 'fraktdesk.sqlite3'))) return dir
  const building = `${dir}.building`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  const db = openDatabase(building)
  db.pragma('synchronous = OFF')
  const started = performance.now()
  // Rows first, search indexes built once at the end (much faster than a trigger per row); the
  // triggers come back unchanged afterwards, so the file is what the app itself would have written.
  const triggers = db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'shipments'`).all()
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
  const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id,
    recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers, form_json, request_json)
    VALUES (?, ?, ?, ?, ?, ?, '5', '5800', ?, ?, ?, ?, ?, ?, ?, ?)`)
  const batch = 50_000
  for (let from = 0; from < n; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + batch); i++) {
        const [postal, city] = cities[i % cities.length]
        const at = new Date(Date.UTC(2024, 0, 1) + i * 30_000).toISOString()
        const name = `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`
        const consignment = `70438101${String(i).padStart(9, '0')}`
        const form = JSON.stringify(formJson(name, postal, city, i))
        insert.run(`id-${i}`, `req-${i}`, at, at, i % 3 === 0 ? 'sandbox' : 'test', i % 50 === 0 ? 'outcome_unknown' : 'booked', name, postal, city, `ORDER-${100000 + i}`, consignment, `3${consignment}1`, form, form + form)
      }
    })()
    process.stdout.write(`\r  seeding ${n.toLocaleString('en')} shipments: ${Math.min(n, from + batch).toLocaleString('en')}`)
  }
  process.stdout.write(' — building search indexes')
  db.exec(`INSERT INTO shipments_fts (shipments_fts) VALUES ('rebuild')`)
  db.exec(`INSERT INTO ${searchIndexes.tokens} (rowid, tokens) SELECT rowid, fraktdesk_search_tokens(${searchIndexes.columns.join(', ')}) FROM shipments`)
  for (const t of triggers) db.exec(t.sql)
  // Sandbox shipments are tracked: a realistic mix of states for the tracking filters.
  db.exec(`INSERT INTO tracking (shipment_id, consignment_number, mode, booked_at, state, state_since, next_due)
    SELECT id, consignment_number, mode, created_at,
      CASE rowid % 40 WHEN 0 THEN 'deviation' WHEN 1 THEN 'attempted_delivery' WHEN 2 THEN 'ready_for_pickup' WHEN 3 THEN 'in_transit' ELSE 'delivered' END,
      created_at, CASE WHEN rowid % 40 < 4 THEN created_at END
    FROM shipments WHERE mode = 'sandbox' AND consignment_number IS NOT NULL`)
  db.close()
  renameSync(building, dir)
  console.log(` — ${((performance.now() - started) / 1000).toFixed(0)} s (cached in ${path.relative(process.cwd(), dir)})`)
  return dir
}

function formJson(name: string, postalCode: string, city: string, i: number): unknown {
  return {
    clientRequestId: `req-${i}`,
    customerNumber: '5',
    productId: '5800',
    sender: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { name: 'Trond Nordmann', phoneNumber: '+4712345678', email: 'trond@example.no' } },
    recipient: { name, addressLine: 'Bryggen 1', addressLine2: 'Port 3', postalCode, city, countryCode: 'NO', reference: `ORDER-${100000 + i}`, contact: { name, email: 'kunde@example.no', phoneNumber: '+4791234567' } },
    packages: [{ weightInKg: 2.5, lengthInCm: 40, widthInCm: 30, heightInCm: 20, goodsDescription: 'Tea and cups, fragile' }],
    shippingDate: '2026-03-01',
    shippingTime: '14:00',
    additionalServices: [],
    notes: 'Leave at the door if nobody answers. Ring twice. '.repeat(4)
  }
}

/** The fastest hand-written statement for the same page of 100 that the list shows. */
function handWritten(db: Db): (query: string) => unknown[] {
  const trigram = db.prepare(`SELECT ${summaryColumns} FROM shipments_fts f CROSS JOIN shipments s ON s.rowid = f.rowid WHERE shipments_fts MATCH ? ORDER BY f.rowid DESC LIMIT 100`)
  const tokens = db.prepare(`SELECT ${summaryColumns} FROM shipments_tokens f CROSS JOIN shipments s ON s.rowid = f.rowid WHERE shipments_tokens MATCH ? ORDER BY f.rowid DESC LIMIT 100`)
  // A long number: its 6-digit windows, then the number itself in the one column it can be in here.
  const digits = db.prepare(`SELECT ${summaryColumns} FROM shipments_tokens f CROSS JOIN shipments s ON s.rowid = f.rowid WHERE shipments_tokens MATCH ?
    AND (instr(s.consignment_number, ?) > 0 OR instr(s.package_numbers, ?) > 0 OR instr(s.reference, ?) > 0) ORDER BY f.rowid DESC LIMIT 100`)
  const all = db.prepare(`SELECT ${summaryColumns} FROM shipments s ORDER BY s.rowid DESC LIMIT 100`)
  return (q) => {
    if (q === '') return all.all()
    const t = tokenQuery(q)
    if (t.kind === 'short') return tokens.all(t.match)
    if (t.kind === 'digits') return digits.all(t.match, q, q, q)
    return trigram.all(t.match)
  }
}

export const searchQueries = ['Mottaker', 'Hansen 4', '5003', 'ORDER-1012', '7043810100009', 'Ol', '7', 'zq', 'zzzz-no-match', '']

export interface SearchResult {
  shipments: number
  query: string
  filter: string
  /** The page of 100 through the repository. */
  appP50: number
  appP95: number
  /** The hand-written page query. */
  sqlP50: number
  ratio: number
  /** The separate capped count ("1 000+"), asked for after the page. */
  countP50: number
  total: string
}

export function benchSearch(): SearchResult[] {
  const sizes = quick ? [10_000] : [100_000, 1_000_000]
  const runs = quick ? 30 : 200
  const results: SearchResult[] = []
  for (const size of sizes) {
    const db = openDatabase(seededDatabase(size))
    const repo = createShipmentsRepo(db)
    const direct = handWritten(db)
    const cases: { query: string; filter: string; f: Record<string, string> }[] = [
      ...searchQueries.map((query) => ({ query, filter: '', f: {} })),
      { query: '', filter: 'status=outcome_unknown', f: { status: 'outcome_unknown' } },
      { query: 'Olsen', filter: 'mode=sandbox', f: { mode: 'sandbox' } },
      { query: '', filter: 'from 2024-01-02 to 2024-01-03', f: { from: '2024-01-02', to: '2024-01-03' } }
    ]
    for (const c of cases) {
      const list = () => repo.list({ query: c.query, limit: 100, offset: 0, ...c.f })
      const count = () => repo.count({ query: c.query, ...c.f })
      const n = count()
      if (!c.filter && JSON.stringify(list().items.map((s) => s.id)) !== JSON.stringify((direct(c.query) as { id: string }[]).map((s) => s.id))) {
        throw new Error(`the app and the hand-written query disagree on "${c.query}"`)
      }
      const app: number[] = []
      const sql: number[] = []
      const counts: number[] = []
      for (let i = 0; i < runs; i++) {
        // Interleaved, so all see the same cache and machine state.
        app.push(timeSync(list))
        if (!c.filter) sql.push(timeSync(() => direct(c.query)))
        counts.push(timeSync(count))
      }
      const a = stats(app)
      const s = sql.length ? stats(sql).p50 : NaN
      results.push({ shipments: size, query: c.query, filter: c.filter, appP50: a.p50, appP95: a.p95, sqlP50: s, ratio: a.p50 / s, countP50: stats(counts).p50, total: `${n.total}${n.totalExact ? '' : '+'}` })
    }
    db.close()
  }
  printTable(
    `History search: a page of 100 newest first (${runs} runs each, ms; sqlite = best hand-written query for the same page; count = the separate capped count)`,
    ['shipments', 'query', 'filter', 'app p50', 'app p95', 'sqlite p50', 'ratio', 'count p50', 'matches'],
    results.map((r) => [r.shipments.toLocaleString('en'), r.query === '' ? '(none)' : r.query, r.filter || '—', ms(r.appP50), ms(r.appP95), Number.isNaN(r.sqlP50) ? '—' : ms(r.sqlP50), Number.isNaN(r.sqlP50) ? '—' : ratio(r.appP50, r.sqlP50), ms(r.countP50), r.total])
  )
  return results
}
