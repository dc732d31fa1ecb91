// npm run bench:receiver: post 5,000 Bring Warehousing messages (BENCH_MESSAGES to change) to the
// receiver over a real socket, 8 at a time, each stored (synchronous=FULL) before its answer; prints
// messages per second and p50/p99 latency.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../src/main/services/store/sqlite/db'
import { createWarehouseRepo } from '../src/main/services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from '../src/main/services/store/sqlite/warehouse-repo'
import { createReceiver } from '../src/main/services/warehousing/receiver'
import { createLogger } from '../src/main/services/log/logger'
import { sampleDespatchAdvice } from '../src/main/services/warehousing/samples'
import { printTable, stats } from './lib'

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000)
const CONCURRENCY = 8
const KEY = 'bench-receiver-key-0123456789abcdef'

const dir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-bench-receiver-'))
const db = openDatabase(dir)
const repo = createWarehouseRepo(db)
const receiver = createReceiver({ repo: sqliteWarehouseStore(repo), credentials: () => ({ auth: 'apiKey', user: 'bring', secret: KEY }), logger: createLogger({ write: () => true }, 'silent') })
const server = await receiver.listen(0, '127.0.0.1')
try {
  const bodies = Array.from({ length: MESSAGES }, (_, i) => sampleDespatchAdvice({ instanceId: `BENCH-${i}`, orderNumber: `B-${i}`, trackingNumber: `704381010${String(i).padStart(8, '0')}` }))
  const latencies: number[] = []
  let next = 0
  let failed = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]
        const t = performance.now()
        const res = await fetch(server.url, { method: 'POST', body, headers: { 'Content-Type': 'application/xml', 'X-API-KEY': KEY } })
        await res.text()
        latencies.push(performance.now() - t)
        if (res.status !== 200) failed++
      }
    })
  )
  const seconds = (performance.now() - started) / 1000
  const s = stats(latencies)
  const p99 = [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length * 0.99)]
  printTable(`Warehousing receiver: ${MESSAGES} messages over HTTP, ${CONCURRENCY} at a time`, ['measure', 'value'], [
    ['messages per second', (MESSAGES / seconds).toFixed(0)],
    ['latency p50 (ms)', s.p50.toFixed(2)],
    ['latency p99 (ms)', p99.toFixed(2)],
    ['stored', repo.counts().stored],
    ['failed', failed]
  ])
} finally {
  await server.close()
  db.close()
  await rm(dir, { recursive: true, force: true })
}
