// Two desks run "Book all" on one batch in the shared PostgreSQL database; desk A is a real process
// and is SIGKILLed mid-batch. Desk B must finish the batch: every row sent once, none lost.
import { afterEach, describe, expect, it } from 'vitest'
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, testAccount, dataOf } from '../../../helpers/app-core'
import { startDeskChild } from '../../../helpers/desk-child'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { osloDate } from '../../../../src/shared/domain/fields'
import type { BatchDetail } from '../../../../src/shared/domain/batches'

const LEASE_MS = 2000
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678' }
const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
const rows = Array.from({ length: 100 }, (_, i) => ({ name: `Mottaker ${i + 1}`, addressLine: `Storgata ${i + 1}`, postalCode: '5003', city: 'BERGEN', reference: `R-${i + 1}` }))

describe.skipIf(postgresUnavailable() !== '')('a batch run by two desks (shared PostgreSQL)', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cleanup: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  it('both press Book all on 100 rows, desk A is killed mid-batch: desk B takes over after the lease; 100 rows booked or unknown, none sent twice', async () => {
    const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }], maxRequests: 10_000 })
    // Bring answering in 150 ms: desk A has bookings in flight when it dies.
    sim.faults.add({ routeId: 'booking.book', fault: { kind: 'latency', ms: 150 }, times: 10_000 })
    const server = await startSimulatorServer(sim)
    cleanup.push(() => server.close())
    const url = await newDatabase()
    const teamSettings = async (deskName: string): Promise<string> => {
      const dir = await tempDir()
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url, tls: false, caFile: '', deskName }, defaultSender: sender }))
      return dir
    }

    const a = await startDeskChild({ userDataDir: await teamSettings('Desk A'), baseUrl: server.url, batchRowLeaseMs: LEASE_MS })
    cleanup.push(() => a.kill())
    expect((await a.invoke('credentials:save', testAccount)).ok).toBe(true)
    const b = await startCore(await teamSettings('Desk B'), { bring: { sim, server }, batchRowLeaseMs: LEASE_MS })
    cleanup.push(() => b.close())
    await b.useBringTest()

    const created = await a.invoke('batches:create', { name: 'Black Friday', defaults, rows })
    expect(created.ok).toBe(true)
    const batch = created.data as BatchDetail
    // Desk B works on the same batch, not a copy.
    const listedOnB = await b.invoke('batches:list')
    expect(dataOf(listedOnB).map((x) => x.id)).toEqual([batch.id])

    const [startA, startB] = await Promise.all([a.invoke('batches:start', { id: batch.id }), b.invoke('batches:start', { id: batch.id })])
    expect(startA.ok && startB.ok).toBe(true)
    const requests = () => sim.requests.filter((r) => r.routeId === 'booking.book')
    while (requests().length < 30) await new Promise((r) => setTimeout(r, 20))
    await a.kill()
    const killedAt = Date.now()

    await b.deps.batches.settled(batch.id)
    const done = await b.deps.batches.get(batch.id)
    // Desk B waited for desk A's lease before touching its rows.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(LEASE_MS - 500)

    const statuses = done.rows.map((r) => r.status)
    expect(statuses.filter((s) => s !== 'booked' && s !== 'outcome_unknown')).toEqual([]) // none lost
    expect(done.counts.booked + done.counts.unknown).toBe(100)
    expect(done.runState).toBe('done')
    // Only what desk A had on the wire when it died is unknown (it may have reached Bring): at most its 8 in flight.
    const unknown = done.rows.filter((r) => r.status === 'outcome_unknown')
    expect(unknown.length).toBeLessThanOrEqual(8)
    for (const r of unknown) expect(r.error?.message).toMatch(/Desk A stopped while sending this row/)
    // Never twice at Bring; every booked row booked there exactly once.
    expect([...sim.state.bookings.values()].filter((n) => n > 1)).toEqual([])
    // A 429 is answered "not processed" and retried with the same id: only the requests Bring took count.
    const correlationIds = requests().filter((r) => r.status !== 429).map((r) => (r.body as { consignments: { correlationId: string }[] }).consignments[0].correlationId)
    expect(new Set(correlationIds).size).toBe(correlationIds.length)
    expect(sim.state.bookings.size).toBeGreaterThanOrEqual(done.counts.booked)
    expect(sim.state.bookings.size).toBeLessThanOrEqual(100)
    // Both desks did part of the work.
    const byDesk = await b.invoke('shipments:list', { query: '', limit: 200, offset: 0 })
    const desks = new Set(dataOf(byDesk).items.map((s) => s.desk))
    expect([...desks].sort()).toEqual(['Desk A', 'Desk B'])
  }, 60_000)
})
