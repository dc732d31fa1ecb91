// Tracking: (1) 10,000 active shipments refreshed by the scheduler against the simulator, which
// enforces the tracking rate per API user: the pace achieved, 429s, and how long a full round takes;
// (2) the "needs attention" filter and its count at 1,000,000 shipments (a third of them tracked).
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../src/main/services/store/sqlite/shipments-repo'
import { createTrackingRepo, sqliteTrackingStore } from '../../src/main/services/store/sqlite/tracking-repo'
import { createTrackingService } from '../../src/main/services/tracking/tracking-service'
import { createSimulator } from '../../src/main/services/bring-simulator/engine'
import { createInProcessFetch } from '../../src/main/services/bring-simulator/in-process-fetch'
import { createBringHttp } from '../../src/main/services/bring/bring-http'
import { bringRateLimits } from '../../src/main/services/bring/rate-limiter'
import { trackConsignment } from '../../src/main/services/bring/tracking'
import { sandboxAccount } from '../../src/main/services/bring-simulator/demo-data'
import { createLogger } from '../../src/main/services/log/logger'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seededDatabase } from './search'
import { printTable, ms, quick, stats, timeSync } from '../lib'

export async function benchTracking() {
  const ACTIVE = 10_000
  const seconds = quick ? 5 : 20
  const dir = mkdtempSync(path.join(tmpdir(), 'fraktdesk-bench-tracking-'))
  const db = openDatabase(dir)
  const repo = createTrackingRepo(db)
  const sim = createSimulator()
  const logger = createLogger({ write: () => true }, 'silent')
  const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.bench', logger })
  const shipments = createShipmentsRepo(db)
  const past = new Date(Date.now() - 3_600_000).toISOString()
  db.transaction(() => {
    for (let i = 0; i < ACTIVE; i++) {
      const s = shipments.insertPending({ clientRequestId: crypto.randomUUID(), customerNumber: '5', productId: '5800', additionalServices: [], serviceDetails: { dangerousGoods: [], installationDetails: [] }, sender: { name: 'A', addressLine: 'B', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } }, recipient: { name: `R ${i}`, addressLine: 'B', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', contact: {} }, packages: [{ weightInKg: 1, lengthInCm: 30, widthInCm: 20, heightInCm: 10 }], shippingDate: '2026-11-29', shippingTime: '12:00' }, {}, 'sandbox')
      repo.enrol({ shipmentId: s.id, consignmentNumber: `70438101${String(i).padStart(9, '0')}`, mode: 'sandbox', bookedAt: past, nextDue: past })
    }
  })()
  // One round sized to take about `seconds` at the configured rate.
  const service = createTrackingService({ repo: sqliteTrackingStore(repo), track: (_m, cn) => trackConsignment(http, cn, 'en'), logger, perTick: bringRateLimits.tracking * seconds })
  const started = performance.now()
  const { checked } = await service.tick()
  const elapsed = (performance.now() - started) / 1000
  const calls = sim.requests.filter((r) => r.routeId === 'tracking.track')
  const tooMany = calls.filter((r) => r.status === 429).length
  const rate = calls.length / elapsed
  db.close()
  rmSync(dir, { recursive: true, force: true })

  // Needs attention at a million shipments.
  const size = quick ? 10_000 : 1_000_000
  const big = openDatabase(seededDatabase(size))
  const list = createShipmentsRepo(big)
  const days = { pickupDays: 5, silentDays: 3 }
  const runs = quick ? 20 : 100
  const page = stats(Array.from({ length: runs }, () => timeSync(() => list.list({ query: '', limit: 100, offset: 0, attention: true, attentionDays: days }))))
  const count = stats(Array.from({ length: runs }, () => timeSync(() => list.count({ query: '', attention: true, attentionDays: days }))))
  const withSearch = stats(Array.from({ length: runs }, () => timeSync(() => list.list({ query: 'Kari', limit: 100, offset: 0, attention: true, attentionDays: days }))))
  big.close()

  printTable(`Tracking: ${ACTIVE.toLocaleString('en')} active shipments for ${seconds} s against the simulator (limit ${bringRateLimits.tracking}/s per API user)`, ['measure', 'value'], [
    ['tracking calls', calls.length],
    ['achieved calls/s', rate.toFixed(2)],
    ['ratio to the limit', (rate / bringRateLimits.tracking).toFixed(3)],
    ['429 responses', tooMany],
    ['time for one round of all 10,000 (min)', (ACTIVE / Math.max(rate, 0.01) / 60).toFixed(1)]
  ])
  printTable(`Needs attention filter at ${size.toLocaleString('en')} shipments (p50 / p95 ms)`, ['query', 'p50', 'p95'], [
    ['page of 100', ms(page.p50), ms(page.p95)],
    ['count (capped)', ms(count.p50), ms(count.p95)],
    ['page with search "Kari"', ms(withSearch.p50), ms(withSearch.p95)]
  ])
  return { calls: calls.length, ratePerSecond: rate, tooMany, checked, attention: { size, page, count, withSearch } }
}
