// One contract, two engines: pickup orders on the desk's SQLite file and on the team's PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { type ShipmentsStore } from '../../../../src/main/services/store/shipments'
import { sqliteShipmentsStore } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createPickupsRepo } from '../../../../src/main/services/store/sqlite/pickups-repo'
import type { NewPickup } from '../../../../src/main/services/store/pickups'
import { type PickupsStore } from '../../../../src/main/services/store/pickups'
import { sqlitePickupsStore } from '../../../../src/main/services/store/sqlite/pickups-repo'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import { pgPickupsStore } from '../../../../src/main/services/store/postgres/pickups-store'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable } from '../../../helpers/postgres'
import { storeEngines } from '../../../helpers/store-engines'
import { randomUUID } from 'node:crypto'

type Desk = { pickups: PickupsStore; shipments: ShipmentsStore }
type Clock = { now: Date }

const engines = () =>
  storeEngines<[clock: Clock, name?: string], Desk>({
    sqlite: (db, clock) => ({ pickups: sqlitePickupsStore(createPickupsRepo(db, () => clock.now)), shipments: sqliteShipmentsStore(createShipmentsRepo(db, () => clock.now)) }),
    postgres: (db, clock, name = 'Desk A') => ({ pickups: pgPickupsStore(db, name, () => clock.now), shipments: pgShipmentsStore(db, name, { now: () => clock.now }) })
  })

const pickup = (over: Partial<NewPickup> = {}): NewPickup => ({
  clientRequestId: randomUUID(),
  mode: 'test',
  kind: 'business',
  service: 'PARCEL',
  customerNumber: '5',
  pickupDate: '2026-12-01',
  details: { packagesCount: 2, packagesWeightKg: 3 },
  request: { service: 'PARCEL' },
  shipmentIds: [],
  ...over
})

async function booked(shipments: ShipmentsStore, over: Parameters<typeof domesticForm>[0] = {}, mode: 'test' | 'live' = 'test') {
  const s = await shipments.insertPending(domesticForm(over), {}, mode)
  await shipments.markSending(s.id)
  await shipments.markBooked(s.id, { consignmentNumber: `7043${Math.floor(Math.random() * 1e12)}`, packageNumbers: [], trackingUrl: 'https://tracking.bring.com/x' })
  return s
}

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`pickups store contract: ${engine}`, () => {
    it("knows the shipments an order covers, oldest booking first, and counts them on the record (the pickup's labels print as one job)", async () => {
      const clock = { now: new Date('2026-11-30T09:00:00Z') }
      const { pickups, shipments } = await factory()(clock)
      const first = await booked(shipments)
      clock.now = new Date('2026-11-30T09:05:00Z')
      const second = await booked(shipments)
      const order = await pickups.insert(pickup({ shipmentIds: [second.id, first.id] }))
      expect(order.shipmentCount).toBe(2)
      expect(await pickups.coveredShipments(order.id)).toEqual([first.id, second.id])
      const byHand = await pickups.insert(pickup())
      expect(byHand.shipmentCount).toBe(0)
      expect(await pickups.coveredShipments(byHand.id)).toEqual([])
      expect((await pickups.list()).map((p) => p.shipmentCount).sort()).toEqual([0, 2])
    })

    it('keeps an order from pending to ordered, by id and by client request id, with its request; lists by pickup date, per mode', async () => {
      const clock = { now: new Date('2026-11-30T09:00:00Z') }
      const { pickups } = await factory()(clock)
      const first = await pickups.insert(pickup({ pickupDate: '2026-12-01' }))
      const later = await pickups.insert(pickup({ pickupDate: '2026-12-03', mode: 'live' }))
      expect(first).toMatchObject({ status: 'pending', kind: 'business', service: 'PARCEL', pickupDate: '2026-12-01', details: { packagesCount: 2 }, shipmentNumber: null, canModify: false })
      expect(await pickups.requestOf(first.id)).toEqual({ service: 'PARCEL' })
      expect(await pickups.findByClientRequest('no-such-request')).toBeNull()
      await pickups.markSending(first.id)
      expect((await pickups.get(first.id))!.status).toBe('sending')
      const ordered = await pickups.setState(first.id, { status: 'ordered', shipmentNumber: '123456789012345678', window: '12:00–16:00', receiptUrl: 'https://www.mybring.com/r' })
      expect(ordered).toMatchObject({ status: 'ordered', shipmentNumber: '123456789012345678', window: '12:00–16:00', error: null })
      // A later change keeps what it does not mention.
      expect(await pickups.setState(first.id, { status: 'ordered', pickupDate: '2026-12-02' })).toMatchObject({ pickupDate: '2026-12-02', shipmentNumber: '123456789012345678', window: '12:00–16:00' })
      expect((await pickups.list()).map((p) => p.id)).toEqual([later.id, first.id])
      expect((await pickups.list('test')).map((p) => p.id)).toEqual([first.id])
      expect(await pickups.size()).toBe(2)
      expect(await pickups.get('no-such')).toBeNull()
    })

    it('finds an order by its client request id; a mailbox pickup of a booked shipment can be changed', async () => {
      const { pickups, shipments } = await factory()({ now: new Date() })
      const s = await booked(shipments)
      const p = pickup({ kind: 'mailbox', service: 'MAILBOX', status: 'ordered', shipmentNumber: '370438101000000001', shipmentIds: [s.id] })
      const saved = await pickups.insert(p)
      expect((await pickups.findByClientRequest(p.clientRequestId))!.id).toBe(saved.id)
      expect(saved).toMatchObject({ status: 'ordered', canModify: true })
    })

    it('tells which shipments are not in the history', async () => {
      const { pickups, shipments } = await factory()({ now: new Date() })
      const s = await booked(shipments)
      expect(await pickups.unknownShipments([s.id, 'not-a-shipment'])).toEqual(['not-a-shipment'])
      expect(await pickups.unknownShipments([])).toEqual([])
    })

    it("today's booked shipments without a live pickup, per customer number; a failed order covers nothing", async () => {
      const clock = { now: new Date('2026-11-30T09:00:00Z') }
      const { pickups, shipments } = await factory()(clock)
      const a = await booked(shipments)
      const b = await booked(shipments, { customerNumber: '6' })
      const covered = await booked(shipments)
      await booked(shipments, {}, 'live')
      await pickups.insert(pickup({ shipmentIds: [covered.id], status: 'ordered' }))
      await pickups.insert(pickup({ shipmentIds: [a.id], status: 'failed' }))
      const day = [new Date('2026-11-30T00:00:00Z'), new Date('2026-12-01T00:00:00Z')] as const
      const today = await pickups.todaysUncovered('test', ...day)
      expect(today.map((g) => [g.customerNumber, g.shipmentIds])).toEqual([
        ['5', [a.id]],
        ['6', [b.id]]
      ])
      expect(today[0].parcels).toEqual({ count: 1, weightKg: expect.any(Number) })
      expect(await pickups.todaysUncovered('test', new Date('2026-12-01T00:00:00Z'), new Date('2026-12-02T00:00:00Z'))).toEqual([])
    })

    it('start-up: an order never handed off is "not sent", one cut off is "outcome unknown"', async () => {
      const { pickups } = await factory()({ now: new Date() })
      const pending = await pickups.insert(pickup())
      const sending = await pickups.insert(pickup())
      await pickups.markSending(sending.id)
      expect(await pickups.recoverInterrupted({ notSent: 'not sent', unknown: 'unknown' })).toEqual({ notSent: 1, unknown: 1 })
      expect(await pickups.get(pending.id)).toMatchObject({ status: 'not_sent', error: { message: 'not sent' } })
      expect(await pickups.get(sending.id)).toMatchObject({ status: 'outcome_unknown', error: { message: 'unknown' } })
    })
  })
}

describe.skipIf(postgresUnavailable() !== '')('pickups shared by desks (PostgreSQL)', () => {
  const make = engines()[1][1]
  it("one desk's start-up recovers only its own orders; an order no longer pending is never marked sending again", async () => {
    const clock = { now: new Date() }
    const desk = make()
    const a = await desk(clock, 'Desk A')
    const b = await desk(clock, 'Desk B')
    const mine = await a.pickups.insert(pickup())
    const theirs = await b.pickups.insert(pickup())
    expect(await a.pickups.recoverInterrupted({ notSent: 'n', unknown: 'u' })).toEqual({ notSent: 1, unknown: 0 })
    expect((await b.pickups.get(theirs.id))!.status).toBe('pending')
    await expect(a.pickups.markSending(mine.id)).rejects.toThrow(/no longer waiting/)
    // Desk B sees desk A's booking in "today's shipments" too.
    await booked(a.shipments)
    expect((await b.pickups.todaysUncovered('test', new Date(Date.now() - 3600_000), new Date(Date.now() + 3600_000))).flatMap((g) => g.shipmentIds)).toHaveLength(1)
  })
})
