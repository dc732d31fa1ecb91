// npm run bench:bulk: book a batch of 200 shipments (BENCH_ROWS to change) against the HTTP
// simulator, which enforces Bring's 18 requests per second with 429s, and print the pace achieved,
// its ratio to the limit, the 429s Bring sent and the bookings it received twice.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createAppDeps } from '../src/main/create-deps'
import { socketReportingFetch } from '../src/main/services/bring/hand-off-probe'
import { bringRateLimits } from '../src/main/services/bring/rate-limiter'
import { createSimulator } from '../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../src/main/services/bring-simulator/http-server'
import { createMemorySecretStore } from '../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../src/main/services/log/logger'
import { osloDate } from '../src/shared/domain/fields'
import { simulatorAccounts, testAccount } from '../e2e/fixtures/accounts'
import { printTable } from './lib'

const ROWS = Number(process.env.BENCH_ROWS ?? 200)
const limit = bringRateLimits.booking

const userDataDir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-bench-bulk-'))
const sim = createSimulator({ accounts: simulatorAccounts, maxRequests: ROWS * 4 })
const server = await startSimulatorServer(sim)
const deps = await createAppDeps({
  userDataDir,
  secretStore: createMemorySecretStore(),
  fetch: socketReportingFetch(),
  baseUrl: server.url,
  openExternal: async () => undefined,
  logger: createLogger({ write: () => true }, 'warn'),
  version: 'bench'
})
try {
  await deps.credentials.save({ apiUid: testAccount.apiUid, apiKey: testAccount.apiKey, sessionOnly: false })
  await deps.settings.update({ mode: 'test', defaultSender: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678' } })
  const rows = Array.from({ length: ROWS }, (_, i) => ({ name: `Mottaker ${i + 1}`, addressLine: `Storgata ${i + 1}`, postalCode: '5003', city: 'BERGEN', reference: `B-${i + 1}` }))
  const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
  const batch = await deps.batches.create({ name: 'bench', defaults, rows: rows.slice(0, 500) })
  for (let i = 500; i < ROWS; i += 500) await deps.batches.appendRows(batch.id, rows.slice(i, i + 500))

  const started = performance.now()
  await deps.batches.start(batch.id, {})
  await deps.batches.settled(batch.id)
  const elapsed = (performance.now() - started) / 1000

  const bookings = sim.requests.filter((r) => r.routeId === 'booking.book')
  const arrivals = bookings.map((r) => Date.parse(r.at)).sort((a, b) => a - b)
  const span = (arrivals.at(-1)! - arrivals[0]) / 1000
  const achieved = span > 0 ? (arrivals.length - 1) / span : 0
  const busiestSecond = Math.max(...arrivals.map((t) => arrivals.filter((x) => x >= t && x < t + 1000).length))
  const tooMany = bookings.filter((r) => r.status === 429).length
  const doubled = [...sim.state.bookings.values()].filter((n) => n > 1).length
  const done = await deps.batches.get(batch.id)
  printTable(`Bulk booking: ${ROWS} shipments against the HTTP simulator (limit ${limit} req/s)`, ['measure', 'value'], [
    ['rows booked', `${done.counts.booked}/${ROWS}`],
    ['wall time (s)', elapsed.toFixed(1)],
    ['booking requests', arrivals.length],
    ['achieved req/s (first to last request)', achieved.toFixed(2)],
    ['ratio to the limit', (achieved / limit).toFixed(3)],
    ['busiest 1 s window at Bring', busiestSecond],
    ['429 responses', tooMany],
    ['duplicate bookings at Bring', doubled]
  ])
} finally {
  deps.dispose()
  await server.close()
  await rm(userDataDir, { recursive: true, force: true })
}
