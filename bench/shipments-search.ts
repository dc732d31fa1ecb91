// Seeds 100,000 shipments into a fresh database and prints search latency (p50/p95) through the
// app's repository next to the same SQL run directly on SQLite. Run: npm run bench
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { openDatabase } from '../src/main/services/store/db'
import { createShipmentsRepo } from '../src/main/services/store/shipments-repo'

const N = Number(process.env.BENCH_SHIPMENTS ?? 100_000)
const RUNS = 200
const first = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Jonas', 'Emma', 'Henrik', 'Nora', 'Magnus', 'Sara', 'Anders']
const last = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Berg', 'Haugen', 'Mottaker']
const cities = [['0150', 'OSLO'], ['5003', 'BERGEN'], ['7010', 'TRONDHEIM'], ['4006', 'STAVANGER'], ['9008', 'TROMSØ'], ['3015', 'DRAMMEN']]

const dir = mkdtempSync(path.join(tmpdir(), 'fraktdesk-bench-'))
const db = openDatabase(dir)
const repo = createShipmentsRepo(db)

const t0 = performance.now()
const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id,
  recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, form_json, request_json)
  VALUES (?, ?, ?, ?, ?, 'booked', '5', '5800', ?, ?, ?, ?, ?, '{}', '{}')`)
db.transaction(() => {
  for (let i = 0; i < N; i++) {
    const [postal, city] = cities[i % cities.length]
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString()
    insert.run(randomUUID(), randomUUID(), at, at, i % 3 === 0 ? 'sandbox' : 'test', `${first[i % first.length]} ${last[(i * 7) % last.length]} ${i}`, postal, city, `ORDER-${100000 + i}`, `70438101${String(i).padStart(9, '0')}`)
  }
})()
console.log(`seeded ${N.toLocaleString('en')} shipments in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const queries = ['Mottaker', 'Hansen 4', '5003', 'ORDER-1234', '7043810100009', 'Ol', 'zzzz-no-match']
const direct = db.prepare(`SELECT s.* FROM shipments s WHERE s.rowid IN (SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH ?) ORDER BY s.created_at DESC LIMIT 100`)

function measure(fn: () => unknown): { p50: number; p95: number } {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now()
    fn()
    times.push(performance.now() - s)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(RUNS * 0.5)], p95: times[Math.floor(RUNS * 0.95)] }
}

console.log(`\nsearch latency over ${RUNS} runs each (ms)`)
console.log('query'.padEnd(18), 'app p50'.padStart(9), 'app p95'.padStart(9), 'sqlite p50'.padStart(11), 'sqlite p95'.padStart(11), 'hits'.padStart(6))
for (const q of queries) {
  const app = measure(() => repo.list({ query: q, limit: 100, offset: 0 }))
  const hits = repo.list({ query: q, limit: 100, offset: 0 }).total
  const raw = q.length >= 3 ? measure(() => direct.all(`"${q}"`)) : null
  const f = (n?: number) => (n === undefined ? '—' : n.toFixed(2)).padStart(9)
  console.log(q.padEnd(18), f(app.p50), f(app.p95), (raw ? raw.p50.toFixed(2) : '— (<3 chars)').padStart(11), (raw ? raw.p95.toFixed(2) : '—').padStart(11), String(hits).padStart(6))
}
const listAll = measure(() => repo.list({ query: '', limit: 100, offset: 0 }))
console.log('(no query)'.padEnd(18), listAll.p50.toFixed(2).padStart(9), listAll.p95.toFixed(2).padStart(9))

db.close()
rmSync(dir, { recursive: true, force: true })
