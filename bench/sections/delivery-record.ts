// The delivery record for a year at 1,000,000 shipments, on SQLite and on PostgreSQL: the screen's query
// (every group of the year summed per service × customer × area and per service × month) and the quote's
// annotation (eight services to one area over the last 12 months), through the app's service and stores;
// and what recording one tracking answer costs (the shipment's entry and its group's totals, one
// transaction). The record keeps totals per group (mode, month, service, customer number, country,
// area), so it is filled as a year of 1,000,000 recorded shipments leaves it: 8 services × 3 customer
// numbers × 99 postal areas × 12 months, each group's totals the sum of its shipments' facts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createTrackingRepo, sqliteTrackingStore } from '../../src/main/services/store/sqlite/tracking-repo'
import { createShipmentsRepo, sqliteShipmentsStore } from '../../src/main/services/store/sqlite/shipments-repo'
import { openSharedDatabase } from '../../src/main/services/store/postgres/database'
import { pgTrackingStore } from '../../src/main/services/store/postgres/tracking-store'
import { pgShipmentsStore } from '../../src/main/services/store/postgres/shipments-store'
import { createDeliveryRecordService } from '../../src/main/services/delivery-record/delivery-record-service'
import { createLogger } from '../../src/main/services/log/logger'
import { addCounts, countsOf, monthsBefore, noCounts, type DeliveryFacts, type RecordCounts } from '../../src/shared/domain/delivery-record'
import { osloDate } from '../../src/shared/domain/oslo-calendar'
import type { ShipmentsStore } from '../../src/main/services/store/shipments'
import type { TrackingStore } from '../../src/main/services/store/tracking'
import { createDatabase, findPostgresBin, startPostgres } from '../../test/helpers/postgres-server'
import { domesticForm } from '../../test/helpers/booking-form'
import { printTable, quick, ms, stats } from '../lib'

const SERVICES = ['3584', '5800', '5600', '5000', '4850', 'PICKUP_PARCEL', 'HOME_DELIVERY_PARCEL', 'BUSINESS_PARCEL']
const CUSTOMERS = ['5', '6', '7']
const AREAS = Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0'))

/** One shipment's facts, drawn so a group's totals look like a year of real deliveries (mostly on time, 1–2 days). */
function facts(i: number): { facts: DeliveryFacts; price: number } {
  const r = (i * 2654435761) % 1000
  const transit = r < 600 ? 1 : r < 900 ? 2 : r < 970 ? 3 : 5
  const late = r >= 900
  const at = '2026-01-01T12:00:00.000Z'
  return {
    facts: { promisedDate: '2026-01-01', handedInAt: at, firstAttemptAt: null, deliveredAt: at, readyForPickupAt: null, collectedAt: null, returnedAt: r % 97 === 0 ? at : null, arrivedAt: at, transitWorkingDays: transit, outcome: late ? 'late' : 'on_time', lateByWorkingDays: late ? transit - 1 : 0, deviations: r % 23 === 0 ? 1 : 0, attempts: 0 },
    price: 90 + (r % 60)
  }
}

/** The groups a year of `n` recorded shipments leaves, as [key, totals]. */
function yearOfGroups(n: number, months: string[]) {
  const groups = new Map<string, RecordCounts>()
  for (let i = 0; i < n; i++) {
    const h = Math.imul(i, 2654435761) >>> 0
    const key = `${months[i % months.length]}|${SERVICES[h % SERVICES.length]}|${CUSTOMERS[(h >>> 3) % 3]}|${AREAS[(h >>> 5) % AREAS.length]}`
    const { facts: f, price } = facts(i)
    groups.set(key, addCounts(groups.get(key) ?? noCounts(), countsOf(f, price)))
  }
  return [...groups].map(([key, counts]) => {
    const [month, productId, customerNumber, area] = key.split('|')
    return { mode: 'live', month, product_id: productId, customer_number: customerNumber, country: 'NO', area, counts_json: JSON.stringify(counts) }
  })
}

async function measure(engine: string, tracking: TrackingStore, shipments: ShipmentsStore, ids: string[], runs: number, to: string) {
  const service = createDeliveryRecordService({ tracking, shipments, logger: createLogger({ write: () => true }, 'silent') })
  const from = `${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`
  const time = async (f: () => Promise<unknown>) => {
    const times: number[] = []
    await f()
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      await f()
      times.push(performance.now() - t)
    }
    return stats(times)
  }
  const report = await time(() => service.report({ from, to }, 'live'))
  const annotate = await time(() => service.annotate({ productIds: SERVICES, postalCode: '5003', countryCode: 'NO' }, 'live'))
  // Recording: each shipment's first answer, then a second (changed) one replacing it.
  const record: number[] = []
  for (const [i, id] of ids.entries()) {
    const { facts: f, price } = facts(i)
    const t = performance.now()
    await tracking.recordDelivery(id, { key: { mode: 'live', month: to, productId: '3584', customerNumber: '5', country: 'NO', area: '50' }, facts: { ...f, deviations: i % 2 }, price })
    record.push(performance.now() - t)
  }
  const groups = (await service.report({ from, to }, 'live')).groups.length
  return { engine, groups, reportP50: report.p50, reportP95: report.p95, annotateP50: annotate.p50, annotateP95: annotate.p95, recordP50: stats(record).p50 }
}

/** Shipments with tracking rows to record answers for. */
async function trackedShipments(tracking: TrackingStore, shipments: ShipmentsStore, n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const s = await shipments.insertPending(domesticForm(), {}, 'live')
    await tracking.enrol({ shipmentId: s.id, consignmentNumber: `70438101${String(i).padStart(9, '0')}`, mode: 'live', bookedAt: s.createdAt, nextDue: s.createdAt })
    ids.push(s.id)
  }
  return ids
}

export async function benchDeliveryRecord() {
  const n = quick ? 10_000 : 1_000_000
  const runs = quick ? 20 : 100
  const to = osloDate().slice(0, 7)
  const months = Array.from({ length: 12 }, (_, i) => monthsBefore(to, i))
  const rows = yearOfGroups(n, months)
  const results = []

  const dir = mkdtempSync(path.join(tmpdir(), 'fraktdesk-bench-record-'))
  const db = openDatabase(dir)
  const insert = db.prepare('INSERT INTO delivery_record (mode, month, product_id, customer_number, country, area, counts_json) VALUES (@mode, @month, @product_id, @customer_number, @country, @area, @counts_json)')
  db.transaction(() => rows.forEach((r) => insert.run(r)))()
  const sqliteTracking = sqliteTrackingStore(createTrackingRepo(db))
  const sqliteShipments = sqliteShipmentsStore(createShipmentsRepo(db))
  results.push(await measure('SQLite', sqliteTracking, sqliteShipments, await trackedShipments(sqliteTracking, sqliteShipments, 200), runs, to))
  db.close()
  rmSync(dir, { recursive: true, force: true })

  if (process.env.FRAKTDESK_BENCH_PG_URL || findPostgresBin()) {
    const server = process.env.FRAKTDESK_BENCH_PG_URL ? null : await startPostgres()
    try {
      const url = await createDatabase(process.env.FRAKTDESK_BENCH_PG_URL ?? server!.adminUrl, 'fraktdesk_bench_record')
      const shared = await openSharedDatabase({ url, tls: { enabled: false } })
      for (let i = 0; i < rows.length; i += 2000) await shared.db.insertInto('delivery_record').values(rows.slice(i, i + 2000)).execute()
      const pgTracking = pgTrackingStore(shared.db, 'Bench desk')
      const pgShipments = pgShipmentsStore(shared.db, 'Bench desk')
      results.push(await measure('PostgreSQL', pgTracking, pgShipments, await trackedShipments(pgTracking, pgShipments, 200), runs, to))
      await shared.close()
    } finally {
      await server?.stop()
    }
  } else console.log('\nDelivery record on PostgreSQL: skipped — PostgreSQL is not installed here')

  printTable(
    `Delivery record: a year of ${n.toLocaleString('en')} recorded shipments (${rows.length.toLocaleString('en')} groups; ${runs} runs, ms)`,
    ['engine', 'screen p50', 'screen p95', 'groups shown', 'quote annotation p50', 'p95', 'record one answer p50'],
    results.map((r) => [r.engine, ms(r.reportP50), ms(r.reportP95), r.groups, ms(r.annotateP50), ms(r.annotateP95), ms(r.recordP50)])
  )
  return { shipments: n, groups: rows.length, results }
}
