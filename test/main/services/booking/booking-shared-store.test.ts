// The booking service over a shared PostgreSQL history: two desks, one Bring (the simulator over HTTP).
import { afterEach, describe, expect, it } from 'vitest'
import pg from 'pg'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { testAccount } from '../../../helpers/app-core'
import { openSharedDatabase, type SharedDatabase } from '../../../../src/main/services/store/shared/shared-database'
import { pgShipmentsStore } from '../../../../src/main/services/store/shared/pg-shipments-store'
import type { ShipmentDetail } from '../../../../src/shared/domain/booking'

type Core = Awaited<ReturnType<typeof startCore>>

describe.skipIf(postgresUnavailable() !== '')('booking with a shared PostgreSQL history (two desks)', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cleanup: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f()
  })

  async function twoDesks() {
    const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }] })
    const server = await startSimulatorServer(sim)
    cleanup.push(() => server.close())
    const url = await newDatabase()
    const desk = async (name: string): Promise<{ core: Core; shared: SharedDatabase }> => {
      const shared = await openSharedDatabase({ url, tls: { enabled: false } })
      const core = await startCore(await tempDir(), { timeoutMs: 1000, sharedShipments: pgShipmentsStore(shared.db, name), bring: { sim, server } })
      cleanup.push(() => shared.close(), () => core.close())
      await core.useBringTest()
      return { core, shared }
    }
    return { sim, url, a: await desk('Desk A'), b: await desk('Desk B') }
  }
  const bookings = (sim: ReturnType<typeof createSimulator>) => sim.requests.filter((r) => r.routeId === 'booking.book')

  it('desk A books; desk B sees it in its history; the label reached only desk A’s labels folder', async () => {
    const { sim, a, b } = await twoDesks()
    const res = await a.core.invoke('booking:submit', { form: domesticForm() })
    expect(res.ok).toBe(true)
    const booked = (res as { data: ShipmentDetail }).data
    expect(booked).toMatchObject({ status: 'booked', hasLabel: true })
    const seen = await b.core.invoke('shipments:list', { query: 'Mottaker', limit: 50, offset: 0 })
    expect((seen as { data: { items: { id: string; status: string }[] } }).data.items).toEqual([expect.objectContaining({ id: booked.id, status: 'booked' })])
    expect(bookings(sim)).toHaveLength(1)
    const pdf = `${booked.confirmation!.consignmentNumber}.pdf`
    expect(existsSync(path.join(a.core.deps.app.labelsDir, pdf))).toBe(true)
    expect(existsSync(path.join(b.core.deps.app.labelsDir, pdf))).toBe(false)
  })

  it('both desks submit the same form at once: Bring receives one booking, both see that one', async () => {
    const { sim, a, b } = await twoDesks()
    const form = domesticForm()
    const [ra, rb] = await Promise.all([a.core.invoke('booking:submit', { form }), b.core.invoke('booking:submit', { form })])
    expect(ra.ok && rb.ok).toBe(true)
    const ids = [ra, rb].map((r) => (r as { data: ShipmentDetail }).data.id)
    expect(ids[0]).toBe(ids[1])
    expect(bookings(sim)).toHaveLength(1)
    const again = await b.core.invoke('booking:submit', { form })
    expect((again as { data: ShipmentDetail }).data).toMatchObject({ id: ids[0], status: 'booked' })
    expect(bookings(sim)).toHaveLength(1)
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
