import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCore } from '../helpers/app-core'
import { domesticForm } from '../helpers/booking-form'
import { nextWorkday, pickupFormValues } from '../helpers/pickup-form'
import type { Fault } from '../../src/main/services/bring-simulator/faults'
import { osloDate } from '../../src/shared/domain/fields'
import type { BatchDetail } from '../../src/shared/domain/batches'
import { bookedTwice, mybring, resolveByPath } from '../helpers/resolve-paths'

// Every simulator fault kind on every kind of Bring call ends in the documented state: retried only
// when nothing can have happened at Bring (429, or 502/503/504 for reads); otherwise refused with a
// reason, or — for bookings and pickup orders — "outcome unknown".
const faults: Record<string, Fault> = {
  latency: { kind: 'latency', ms: 50 },
  '429': { kind: 'status', status: 429, retryAfter: '0' },
  '400': { kind: 'status', status: 400 },
  '500': { kind: 'status', status: 500 },
  '503': { kind: 'status', status: 503 },
  timeout: { kind: 'timeout' },
  'timeout after handling': { kind: 'timeout', afterHandling: true },
  reset: { kind: 'reset' },
  'reset after handling': { kind: 'reset', afterHandling: true },
  malformed: { kind: 'malformed' }
}

/** What each call must end as, per fault: a record status (money-moving calls) or ok / an error code (reads). */
const expected: Record<string, Record<string, string>> = {
  booking: { latency: 'booked', '429': 'booked', '400': 'failed', '500': 'outcome_unknown', '503': 'outcome_unknown', timeout: 'outcome_unknown', 'timeout after handling': 'outcome_unknown', reset: 'outcome_unknown', 'reset after handling': 'outcome_unknown', malformed: 'outcome_unknown' },
  pickup: { latency: 'ordered', '429': 'ordered', '400': 'failed', '500': 'outcome_unknown', '503': 'outcome_unknown', timeout: 'outcome_unknown', 'timeout after handling': 'outcome_unknown', reset: 'outcome_unknown', 'reset after handling': 'outcome_unknown', malformed: 'outcome_unknown' },
  read: { latency: 'ok', '429': 'ok', '400': 'BRING_VALIDATION', '500': 'BRING_SERVER', '503': 'ok', timeout: 'BRING_TIMEOUT', 'timeout after handling': 'BRING_TIMEOUT', reset: 'BRING_CONNECTION_LOST', 'reset after handling': 'BRING_CONNECTION_LOST', malformed: 'BRING_BAD_RESPONSE' }
}
/** How many requests reach Bring: retries only for 429 and, on reads, 503. */
const requestsFor = (kind: string, fault: string): number => (fault === '429' || (kind === 'read' && fault === '503') ? 2 : 1)

describe('fault matrix: every fault on every kind of Bring call', () => {
  let core: Awaited<ReturnType<typeof startCore>>
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-faults-'))
    core = await startCore(dir, { timeoutMs: 400 })
    await core.useBringTest()
  })
  afterAll(async () => {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  })

  const calls: Record<string, { routeId: string; kind: keyof typeof expected; run(): Promise<string> }> = {
    'booking:submit': {
      routeId: 'booking.book',
      kind: 'booking',
      run: async () => {
        const res = await core.invoke('booking:submit', { form: domesticForm() })
        return res.ok ? (res.data as { status: string }).status : (core.deps.localShipments.list({ query: '', limit: 1, offset: 0 }).items[0]?.status ?? 'none')
      }
    },
    'pickups:order': {
      routeId: 'pickup.create',
      kind: 'pickup',
      run: async () => {
        const form = pickupFormValues({ pickupDate: nextWorkday() })
        const res = await core.invoke('pickups:order', { form })
        if (res.ok) return (res.data as { status: string }).status
        // Same pickup date every time: the newest record is this one.
        return (await core.deps.stores.pickups.list())[0]?.status ?? `none (${res.error.message})`
      }
    },
    // The explicit connection check: no cache to fall back on (the customer list itself shows the cached one when Bring fails).
    'connection:check': {
      routeId: 'customer-info.customers',
      kind: 'read',
      run: async () => {
        const res = await core.invoke('connection:check')
        return res.ok ? 'ok' : res.error.code
      }
    }
  }

  const rows: string[] = []
  for (const [call, c] of Object.entries(calls)) {
    for (const [name, fault] of Object.entries(faults)) {
      it(`${call} × ${name} → ${expected[c.kind][name]}`, async () => {
        core.sim.faults.clear()
        core.sim.requests.length = 0
        core.sim.faults.add({ routeId: c.routeId, fault, times: 1 })
        const outcome = await c.run()
        const reached = core.sim.requests.filter((r) => r.routeId === c.routeId).length
        rows.push(`${call} × ${name}: ${outcome}, ${reached} request(s)`)
        expect(outcome).toBe(expected[c.kind][name])
        expect(reached).toBe(requestsFor(c.kind, name))
      })
    }
  }

  it('every fault in a batch, then a crash, then each row resolved by every path: every row booked once at Bring, none twice', async () => {
    const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678' }
    const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
    const rows = Array.from({ length: 30 }, (_, i) => ({ name: `Feil ${i + 1}`, addressLine: `Bryggen ${i + 1}`, postalCode: '5003', city: 'BERGEN' }))
    const own = await mkdtemp(path.join(tmpdir(), 'fraktdesk-faults-resolve-'))
    let c = await startCore(own, { timeoutMs: 400 })
    const server = c.server
    try {
      await c.useBringTest()
      await c.invoke('settings:set', { defaultSender: sender })
      const created = await c.invoke('batches:create', { name: 'Feil', defaults, rows })
      if (!created.ok) throw new Error(created.error.message)
      const batch = created.data as BatchDetail
      // Two of every fault, spread over the batch's requests.
      for (const fault of Object.values(faults)) c.sim.faults.add({ routeId: 'booking.book', fault, times: 2 })
      await c.invoke('batches:start', { id: batch.id })
      await c.deps.batches.settled(batch.id)
      const sim = c.sim
      // The crash: the process goes, its stores are reopened by the next start.
      c.deps.dispose()
      c = await startCore(own, { timeoutMs: 400, bring: { sim, server } })
      await c.useBringTest()
      sim.faults.clear()
      const after = await c.deps.batches.get(batch.id)
      expect(after.counts.unknown).toBeGreaterThan(4)
      // Every path, in turn, for the unknown rows; refused rows are corrected (touched) and sent by Book all.
      let path = 0
      for (const r of after.rows.filter((r) => r.status === 'outcome_unknown')) await resolveByPath(c.invokeRaw, c.deps.stores.shipments, mybring(sim), r.shipmentId!, path++, batch.id)
      for (const r of (await c.deps.batches.get(batch.id)).rows.filter((r) => r.status === 'failed')) await c.invoke('batches:updateRow', { rowId: r.id, values: { ...r.values, reference: 'rettet' } })
      await c.invoke('batches:start', { id: batch.id })
      await c.deps.batches.settled(batch.id)
      const done = await c.deps.batches.get(batch.id)
      console.log(`fault matrix, resolved by every path after a crash: ${JSON.stringify({ rows: done.counts.total, booked: done.counts.booked, pathsUsed: path, consignmentsAtBring: sim.state.consignments.size })}`)
      expect(done.counts).toMatchObject({ total: 30, booked: 30, unknown: 0, failed: 0, notSent: 0 })
      expect(await bookedTwice(sim, c.deps.stores.shipments, done.rows.map((r) => r.shipmentId!))).toEqual([])
      expect(sim.state.consignments.size).toBe(30)
    } finally {
      await c.close()
      await server.close()
      await rm(own, { recursive: true, force: true })
    }
  }, 60_000)

  it('prints the matrix', () => {
    console.log(`fault matrix (${rows.length} cells):\n${rows.join('\n')}`)
    expect(rows.length).toBe(Object.keys(calls).length * Object.keys(faults).length)
  })
})
