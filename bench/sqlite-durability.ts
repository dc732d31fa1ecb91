// What synchronous = FULL costs where money moves: the three commits of one booking (pending record,
// "sending" mark, booked) through the app's repository, FULL next to NORMAL, on a real file in the
// OS temp folder. Run: npm run bench:durability
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { openDatabase } from '../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../src/main/services/store/sqlite/shipments-repo'
import { bookingFormSchema } from '../src/shared/domain/booking'
import { osloDate } from '../src/shared/domain/fields'

const RUNS = Number(process.env.BENCH_RUNS ?? 400)
const form = () =>
  bookingFormSchema.parse({
    clientRequestId: randomUUID(),
    customerNumber: '5',
    productId: '5800',
    sender: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } },
    recipient: { name: 'Kari Mottaker', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO' },
    packages: [{ weightInKg: 2.5, lengthInCm: 40, widthInCm: 30, heightInCm: 20 }],
    shippingDate: osloDate()
  })

function measure(sync: 'NORMAL' | 'FULL'): number[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'fraktdesk-durability-'))
  const db = openDatabase(dir)
  db.pragma(`synchronous = ${sync}`)
  const repo = createShipmentsRepo(db)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    const s = repo.insertPending(form(), { request: i }, 'sandbox')
    repo.markSending(s.id)
    repo.markBooked(s.id, { consignmentNumber: `70438101${String(i).padStart(9, '0')}`, packageNumbers: [] })
    times.push(performance.now() - t)
  }
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return times.sort((a, b) => a - b)
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]
const rows = (['NORMAL', 'FULL'] as const).map((mode) => {
  const t = measure(mode)
  return { mode, p50: pct(t, 0.5), p95: pct(t, 0.95), mean: t.reduce((a, b) => a + b, 0) / t.length }
})
console.log(`One booking's three commits (pending, sending, booked), ${RUNS} bookings, ${tmpdir()}`)
for (const r of rows) console.log(`${r.mode.padEnd(7)} p50 ${r.p50.toFixed(3)} ms   p95 ${r.p95.toFixed(3)} ms   mean ${r.mean.toFixed(3)} ms`)
console.log(`FULL costs ${(rows[1].p50 - rows[0].p50).toFixed(3)} ms more per booking at p50 (a Bring booking call takes hundreds of ms).`)
