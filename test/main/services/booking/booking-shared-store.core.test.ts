// The booking service over a shared PostgreSQL history: two desks, one Bring (the simulator over HTTP).
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, dataOf } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { testAccount } from '../../../helpers/app-core'
import { writeFile } from 'node:fs/promises'

type Core = Awaited<ReturnType<typeof startCore>>
/** The same shop, but a desk signed in as another Bring API user. */
const otherBringUser = { apiUid: 'lager@example.no', apiKey: 'another-Secret-Key-98765' }

describe.skipIf(postgresUnavailable() !== '')('booking with a shared PostgreSQL history (two desks)', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cleanup: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  async function twoDesks() {
    const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }, { ...otherBringUser, customers: demoCustomers }] })
    const server = await startSimulatorServer(sim)
    cleanup.push(() => server.close())
    const url = await newDatabase()
    // Each desk as a user sets it up: Settings → Shared database (saved in settings.json), its own userData.
    const desk = async (name: string, bringUser = testAccount): Promise<{ core: Core }> => {
      const dir = await tempDir()
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url, tls: false, caFile: '', deskName: name } }))
      const core = await startCore(dir, { timeoutMs: 1000, bring: { sim, server } })
      cleanup.push(() => core.close())
      expect((await core.invoke('credentials:save', bringUser)).ok).toBe(true)
      return { core }
    }
    return { sim, url, desk, a: await desk('Desk A'), b: await desk('Desk B') }
  }
  const bookings = (sim: ReturnType<typeof createSimulator>) => sim.requests.filter((r) => r.routeId === 'booking.book')

  it('desk A books; desk B hears of it within a second and sees it in its history; desk B fetches the label through its own Bring connection, a desk signed in as another Bring user cannot', async () => {
    const { sim, a, b, desk } = await twoDesks()
    const heardOnB: { shipmentId: string; desk: string; status: string }[] = []
    b.core.deps.events.subscribe((event, payload) => event === 'shipments:changed' && heardOnB.push(payload as (typeof heardOnB)[number]))
    await new Promise((r) => setTimeout(r, 300)) // desk B's LISTEN is up
    const res = await a.core.invoke('booking:submit', { form: domesticForm() })
    const bookedAt = Date.now()
    expect(res.ok).toBe(true)
    const booked = dataOf(res)
    // Live: desk B hears of it within a second, without polling.
    while (!heardOnB.some((h) => h.status === 'booked') && Date.now() - bookedAt < 1000) await new Promise((r) => setTimeout(r, 10))
    // One notification per change (the label file is one more "booked" update): the states in order.
    const states = heardOnB.filter((h) => h.shipmentId === booked.id).map((h) => [h.desk, h.status])
    expect(states.filter((x, i) => i === 0 || x[1] !== states[i - 1][1])).toEqual([
      ['Desk A', 'pending'],
      ['Desk A', 'sending'],
      ['Desk A', 'booked']
    ])
    expect(booked).toMatchObject({ status: 'booked', hasLabel: true })
    const seen = await b.core.invoke('shipments:list', { query: 'Mottaker', limit: 50, offset: 0 })
    expect(dataOf(seen).items).toEqual([expect.objectContaining({ id: booked.id, status: 'booked', desk: 'Desk A' })])
    expect(bookings(sim)).toHaveLength(1)
    const pdf = `${booked.confirmation!.consignmentNumber}.pdf`
    expect(existsSync(path.join(a.core.deps.app.labelsDir, pdf))).toBe(true)
    expect(existsSync(path.join(b.core.deps.app.labelsDir, pdf))).toBe(false)
    // The label link went into the shared database sealed for this Bring user: desk B (same user) opens
    // the label, fetched through its own connection; a desk signed in as another Bring user cannot.
    expect((await a.core.invoke('labels:download', { id: booked.id })).ok).toBe(true)
    const files = sim.requests.filter((r) => r.routeId === 'booking.label-file').length
    expect(await b.core.invoke('labels:open', { id: booked.id })).toMatchObject({ ok: true })
    expect(b.core.openedPaths).toEqual([path.join(b.core.deps.app.labelsDir, pdf)])
    expect(existsSync(path.join(b.core.deps.app.labelsDir, pdf))).toBe(true)
    expect(sim.requests.filter((r) => r.routeId === 'booking.label-file').length).toBe(files + 1)
    const c = await desk('Desk C', otherBringUser)
    const fromC = await c.core.invoke('labels:open', { id: booked.id })
    expect((fromC as { error: { message: string } }).error.message).toMatch(/signed in as the Bring API user that booked it \(desk “Desk A”\)/)
    expect(fromC).toMatchObject({ error: { i18n: { key: 'labelOtherBringUser', params: { desk: 'Desk A' } } } }) // in the window's language
    expect(c.core.openedPaths).toEqual([])
  })

  it('both desks submit the same form at once: Bring receives one booking, both see that one', async () => {
    const { sim, a, b } = await twoDesks()
    const form = domesticForm()
    const [ra, rb] = await Promise.all([a.core.invoke('booking:submit', { form }), b.core.invoke('booking:submit', { form })])
    expect(ra.ok && rb.ok).toBe(true)
    const ids = [ra, rb].map((r) => dataOf(r).id)
    expect(ids[0]).toBe(ids[1])
    expect(bookings(sim)).toHaveLength(1)
    const again = await b.core.invoke('booking:submit', { form })
    expect(dataOf(again)).toMatchObject({ id: ids[0], status: 'booked' })
    expect(bookings(sim)).toHaveLength(1)
  })

  it('tracking is shared: a shipment desk A booked is followed for both desks; "Refresh now" on desk B asks Bring once and desk A sees the answer', async () => {
    const { sim, a, b } = await twoDesks()
    for (const d of [a, b]) expect((await d.core.invoke('mode:set', { mode: 'live', confirmLive: true })).ok).toBe(true)
    const booked = dataOf(await a.core.invoke('booking:submit', { form: domesticForm(), confirmLive: true }))
    expect(booked).toMatchObject({ status: 'booked', mode: 'live' })
    const tracked = () => sim.requests.filter((r) => r.routeId === 'tracking.track').length
    // Enrolled by the desk that booked, in the shared database: desk B sees it, not checked yet.
    expect(dataOf(await b.core.invoke('tracking:get', { id: booked.id }))).toMatchObject({ state: 'not_found', checkedAt: null })
    const before = tracked()
    expect(await b.core.invoke('tracking:refresh', { ids: [booked.id] })).toMatchObject({ ok: true, data: { checked: 1 } })
    expect(tracked()).toBe(before + 1)
    const state = dataOf(await a.core.invoke('tracking:get', { id: booked.id }))
    expect(state).toMatchObject({ state: expect.any(String), checkedAt: expect.any(String) })
    // Both desks' histories show the state.
    for (const d of [a, b]) {
      const listed = dataOf(await d.core.invoke('shipments:list', { query: 'Mottaker', limit: 10, offset: 0 }))
      expect(listed.items).toEqual([expect.objectContaining({ id: booked.id, desk: 'Desk A', trackingState: state!.state })])
    }
    // A test booking has no tracking at Bring: nothing to follow, nothing asked.
    for (const d of [a, b]) await d.core.invoke('mode:set', { mode: 'test' })
    const testBooking = dataOf(await a.core.invoke('booking:submit', { form: domesticForm() }))
    expect(await b.core.invoke('tracking:refresh', { ids: [testBooking.id] })).toMatchObject({ ok: true, data: { checked: 0 } })
    expect(tracked()).toBe(before + 1)
  })

  it('the shared database is gone: the booking is refused with the reason, and nothing reaches Bring', async () => {
    const { sim, url, a } = await twoDesks()
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') })
    await admin.connect()
    await admin.query(`DROP DATABASE ${new URL(url).pathname.slice(1)} WITH (FORCE)`)
    await admin.end()
    const res = await a.core.invoke('booking:submit', { form: domesticForm() })
    expect(res.ok).toBe(false)
    expect((res as { error: { message: string } }).error.message).toContain('could not be saved in the shared database, so nothing was sent to Bring')
    expect(bookings(sim)).toHaveLength(0)
  })
})
