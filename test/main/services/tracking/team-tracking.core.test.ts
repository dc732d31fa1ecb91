// Tracking shared by two desks on a real PostgreSQL: one request per shipment per round at Bring, and a
// dead desk's claims taken over within a lease period.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, dataOf, testAccount } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'

type Core = Awaited<ReturnType<typeof startCore>>
const LEASE_MS = 1500

describe.skipIf(postgresUnavailable() !== '')('tracking shared by desks (one shared PostgreSQL, one Bring API user)', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cleanup: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  async function shop() {
    const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }] })
    const server = await startSimulatorServer(sim)
    cleanup.push(() => server.close())
    const url = await newDatabase()
    const desk = async (name: string): Promise<Core> => {
      const dir = await tempDir()
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url, tls: false, caFile: '', deskName: name } }))
      const core = await startCore(dir, { timeoutMs: 2000, bring: { sim, server }, trackingLeaseMs: LEASE_MS, autoTracking: false })
      cleanup.push(() => core.close())
      expect((await core.invoke('credentials:save', testAccount)).ok).toBe(true)
      expect((await core.invoke('mode:set', { mode: 'live', confirmLive: true })).ok).toBe(true)
      return core
    }
    return { sim, a: await desk('Desk A'), b: await desk('Desk B') }
  }

  it('50 live shipments followed by both desks: one tracking request per shipment per round, at most 5 a second between them, and both desks see every answer', async () => {
    const { sim, a, b } = await shop()
    const ids: string[] = []
    for (let i = 0; i < 50; i++) ids.push(dataOf(await (i % 2 ? b : a).invoke('booking:submit', { form: domesticForm(), confirmLive: true })).id)
    const asked = () => sim.requests.filter((r) => r.routeId === 'tracking.track')
    await a.deps.stores.tracking.makeDue(ids, new Date().toISOString())
    // Both desks poll at once, tick after tick, until nothing is due: one round for every shipment.
    for (;;) {
      const [x, y] = await Promise.all([a.deps.tracking.tick(true), b.deps.tracking.tick(true)])
      if (x.checked + y.checked === 0) break
    }
    const round = asked()
    expect(round).toHaveLength(50)
    expect(new Set(round.map((r) => new URL(r.path, 'http://x').searchParams.get('q'))).size).toBe(50)
    // One budget for the API user, shared by the desks: never more than Bring's 5 a second in any second.
    const times = round.map((r) => Date.parse(r.at)).sort((x, y) => x - y)
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length))
    expect(busiest).toBeLessThanOrEqual(5)
    for (const id of [ids[0], ids[49]]) {
      const [onA, onB] = [dataOf(await a.invoke('tracking:get', { id })), dataOf(await b.invoke('tracking:get', { id }))]
      expect(onA).toEqual(onB)
      expect(onA?.checkedAt).not.toBeNull()
    }
  }, 60_000)

  it('desk A dies holding its claims: desk B takes them over within a lease period, and each shipment is still asked once', async () => {
    const { sim, a, b } = await shop()
    const ids: string[] = []
    for (let i = 0; i < 20; i++) ids.push(dataOf(await a.invoke('booking:submit', { form: domesticForm(), confirmLive: true })).id)
    await a.deps.stores.tracking.makeDue(ids, new Date().toISOString())
    // Desk A takes 12 for its round and dies before asking Bring about any of them (it does nothing more:
    // its polling is off in this test, and its claims are left as a killed process leaves them).
    const claimed = await a.deps.stores.tracking.due(new Date().toISOString(), 12)
    const diedAt = Date.now()
    expect(claimed).toHaveLength(12)
    const before = sim.requests.filter((r) => r.routeId === 'tracking.track').length
    const held = new Set(claimed.map((r) => r.consignmentNumber))
    // Desk B goes on polling: first the 8 nobody holds, then desk A's 12 once their claims run out.
    let checked = 0
    while (checked < 20 && Date.now() - diedAt < LEASE_MS + 5000) {
      checked += (await b.deps.tracking.tick(true)).checked
      await new Promise((r) => setTimeout(r, 100))
    }
    const tookMs = Date.now() - diedAt
    const asked = sim.requests.filter((r) => r.routeId === 'tracking.track').slice(before).map((r) => new URL(r.path, 'http://x').searchParams.get('q')!)
    expect(asked).toHaveLength(20)
    expect(new Set(asked).size).toBe(20)
    // A shipment desk A held is asked only once its claim has run out; the others meanwhile.
    const askedAt = sim.requests.filter((r) => r.routeId === 'tracking.track').slice(before).map((r) => ({ cn: new URL(r.path, 'http://x').searchParams.get('q')!, at: Date.parse(r.at) }))
    for (const q of askedAt.filter((x) => held.has(x.cn))) expect(q.at - diedAt).toBeGreaterThanOrEqual(LEASE_MS - 50)
    expect(askedAt[0].cn && held.has(askedAt[0].cn)).toBe(false)
    expect(tookMs).toBeLessThan(LEASE_MS + 5000)
  }, 60_000)
})
