import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { captureLogger } from '../../../helpers/log-capture'
import { domesticForm } from '../../../helpers/booking-form'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createTrackingRepo, sqliteTrackingStore } from '../../../../src/main/services/store/sqlite/tracking-repo'
import { createTrackingService, nextCheck } from '../../../../src/main/services/tracking/tracking-service'
import { AppError } from '../../../../src/shared/ipc/app-error'
import type { ConsignmentTracking, TrackingState } from '../../../../src/shared/domain/tracking'

const MIN = 60_000
const HOUR = 60 * MIN
const result = (state: TrackingState): ConsignmentTracking => ({ consignmentNumber: 'X', state, packages: state === 'not_found' ? [] : [{ packageNumber: 'P1', state, events: [{ status: 'IN_TRANSIT', description: '', at: '2026-11-29T10:00:00Z' }] }] })

describe('tracking scheduler (fake clock)', () => {
  const tempDir = useTempDir()

  async function setup(answers: (TrackingState | Error)[], perTick = 10) {
    const db = openDatabase(await tempDir())
    const shipments = createShipmentsRepo(db)
    const repo = createTrackingRepo(db)
    let t = Date.parse('2026-11-29T08:00:00Z')
    const calls: string[] = []
    const queue = [...answers]
    const service = createTrackingService({
      repo: sqliteTrackingStore(repo),
      now: () => new Date(t),
      perTick,
      logger: captureLogger().logger,
      track: async (_mode, cn) => {
        calls.push(cn)
        const next = queue.length > 1 ? queue.shift()! : queue[0]
        if (next instanceof Error) throw next
        return { ...result(next), consignmentNumber: cn }
      }
    })
    const book = (mode: 'sandbox' | 'test' | 'live' = 'sandbox') => {
      const s = shipments.insertPending(domesticForm(), {}, mode)
      const cn = `70438101${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`
      shipments.markBooked(s.id, { consignmentNumber: cn, packageNumbers: [] })
      service.enrol({ id: s.id, mode, consignmentNumber: cn, bookedAt: new Date(t).toISOString() })
      return { id: s.id, cn }
    }
    return { repo, service, calls, book, advance: (ms: number) => (t += ms), db, createAgain: () => createTrackingService({ repo: sqliteTrackingStore(repo), now: () => new Date(t), logger: captureLogger().logger, track: async () => result('delivered') }) }
  }

  it('due times: 5 minutes after booking, then by state; test bookings are not followed; final states stop', async () => {
    const w = await setup(['not_found', 'in_transit', 'in_transit', 'delivered'])
    const s = w.book()
    w.book('test')
    expect((await w.service.tick()).checked).toBe(0)
    w.advance(5 * MIN)
    expect(await w.service.tick()).toMatchObject({ checked: 1 })
    expect(w.repo.get(s.id)?.nextDue).toBe(new Date(Date.parse('2026-11-29T08:05:00Z') + 15 * MIN).toISOString()) // not found yet: 15 min
    w.advance(15 * MIN)
    expect((await w.service.tick()).changed).toEqual([s.id])
    expect(w.repo.get(s.id)?.state).toBe('in_transit')
    w.advance(30 * MIN)
    await w.service.tick()
    w.advance(30 * MIN)
    await w.service.tick()
    expect(w.repo.get(s.id)).toMatchObject({ state: 'delivered', nextDue: null })
    w.advance(24 * HOUR)
    expect((await w.service.tick()).checked).toBe(0)
    expect(w.calls).toHaveLength(4)
  })

  it('rate cap: at most perTick calls a round, the rest next round', async () => {
    const w = await setup(['in_transit'], 3)
    for (let i = 0; i < 7; i++) w.book()
    w.advance(5 * MIN)
    expect((await w.service.tick()).checked).toBe(3)
    expect((await w.service.tick()).checked).toBe(3)
    expect((await w.service.tick()).checked).toBe(1)
  })

  it('backoff: Bring busy (503) doubles the wait per shipment; offline pauses everyone; a restart continues from the saved due times', async () => {
    const w = await setup(['unavailable', 'unavailable', 'in_transit'])
    const s = w.book()
    w.advance(5 * MIN)
    await w.service.tick()
    expect(Date.parse(w.repo.get(s.id)!.nextDue!) - Date.parse('2026-11-29T08:05:00Z')).toBe(15 * MIN)
    w.advance(15 * MIN)
    await w.service.tick()
    expect(Date.parse(w.repo.get(s.id)!.nextDue!) - Date.parse('2026-11-29T08:20:00Z')).toBe(30 * MIN)

    const offline = await setup([new AppError('BRING_UNREACHABLE', 'offline')])
    offline.book()
    offline.book()
    offline.advance(5 * MIN)
    expect((await offline.service.tick()).checked).toBe(1) // the first failure pauses the round
    offline.advance(MIN)
    expect((await offline.service.tick()).checked).toBe(0)

    // Restart: a new service over the same database asks nothing before the saved due time.
    const again = w.createAgain()
    expect((await again.tick()).checked).toBe(0)
    w.advance(30 * MIN)
    expect((await again.tick()).checked).toBe(1)
  })

  it('stops following a shipment after 60 days', () => {
    const booked = '2026-09-01T00:00:00Z'
    expect(nextCheck({ bookedAt: booked, stateSince: booked, failures: 0 }, result('in_transit'), new Date('2026-11-29T00:00:00Z'))).toBeNull()
    expect(nextCheck({ bookedAt: booked, stateSince: booked, failures: 0 }, result('in_transit'), new Date('2026-10-01T00:00:00Z'))).not.toBeNull()
  })
})

describe('needs attention', () => {
  const tempDir = useTempDir()
  it('deviation, attempted delivery, customs and returning at once; a pickup point after N days; silence N days after booking; the Shipments filter and the count agree', async () => {
    const db = openDatabase(await tempDir())
    const shipments = createShipmentsRepo(db)
    const repo = createTrackingRepo(db)
    const { attentionCutoffs } = await import('../../../../src/main/services/store/tracking')
    // The list filter reads the real clock, so the cases are placed relative to it.
    const now = new Date()
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString()
    const make = (state: TrackingState, bookedDaysAgo: number, stateDaysAgo = bookedDaysAgo) => {
      const s = shipments.insertPending(domesticForm({ recipient: { ...domesticForm().recipient, name: `${state} ${bookedDaysAgo}` } }), {}, 'sandbox')
      shipments.markBooked(s.id, { consignmentNumber: `7043810100000${Math.floor(Math.random() * 1e4)}`, packageNumbers: [] })
      repo.enrol({ shipmentId: s.id, consignmentNumber: 'x', mode: 'sandbox', bookedAt: daysAgo(bookedDaysAgo), nextDue: now.toISOString() })
      if (state !== 'not_found') repo.saveResult(s.id, result(state), daysAgo(stateDaysAgo), state === 'delivered' ? null : now.toISOString())
      return s.id
    }
    const expected = [make('deviation', 1, 0), make('attempted_delivery', 2, 1), make('ready_for_pickup', 8, 6), make('not_found', 4)]
    make('ready_for_pickup', 3, 2) // waiting two days: fine
    make('in_transit', 1)
    make('not_found', 1) // booked yesterday: Bring has not registered it yet, normal
    make('delivered', 2)
    const days = { pickupDays: 5, silentDays: 3 }
    expect(repo.attentionCount(attentionCutoffs(now, days))).toBe(4)
    const listed = shipments.list({ query: '', limit: 50, offset: 0, attention: true, attentionDays: days }).items.map((s) => s.id)
    expect(listed.sort()).toEqual(expected.sort())
  })
})

describe('spend report', () => {
  const tempDir = useTempDir()
  it('totals per month × customer × service from tracking prices; shipments without a price are counted, never as 0', async () => {
    const db = openDatabase(await tempDir())
    const shipments = createShipmentsRepo(db)
    const repo = createTrackingRepo(db)
    const add = (bookedAt: string, price?: number, productId = '5800', quotedPrice?: { productId: string; amount: number; currency: string }) => {
      const s = shipments.insertPending(domesticForm({ productId, ...(quotedPrice ? { quotedPrice } : {}) }), {}, 'sandbox')
      repo.enrol({ shipmentId: s.id, consignmentNumber: 'x', mode: 'sandbox', bookedAt, nextDue: bookedAt })
      const r = result('delivered')
      if (price !== undefined) r.packages[0].contractPrice = price
      repo.saveResult(s.id, r, bookedAt, null)
    }
    add('2026-10-03T10:00:00Z', 100.5)
    add('2026-10-20T10:00:00Z', 99.5)
    add('2026-10-21T10:00:00Z')
    add('2026-11-02T10:00:00Z', 120, '5600')
    expect(repo.spend()).toEqual([
      { month: '2026-11', customerNumber: '5', productId: '5600', shipments: 1, priced: 1, unpriced: 0, total: 120, currency: 'NOK', quoted: 0, quotedTotal: 0, actualForQuoted: 0 },
      { month: '2026-10', customerNumber: '5', productId: '5800', shipments: 3, priced: 2, unpriced: 1, total: 200, currency: 'NOK', quoted: 0, quotedTotal: 0, actualForQuoted: 0 }
    ])
  })

  it('sets Bring’s price next to the quoted one for shipments booked from a quote of the same service, once Bring has priced them', async () => {
    const db = openDatabase(await tempDir())
    const shipments = createShipmentsRepo(db)
    const repo = createTrackingRepo(db)
    const add = (price: number | undefined, quotedPrice: { productId: string; amount: number; currency: string } | undefined) => {
      const s = shipments.insertPending(domesticForm({ productId: '5800', ...(quotedPrice ? { quotedPrice } : {}) }), {}, 'sandbox')
      repo.enrol({ shipmentId: s.id, consignmentNumber: 'x', mode: 'sandbox', bookedAt: '2026-11-03T10:00:00Z', nextDue: '2026-11-03T10:00:00Z' })
      const r = result('delivered')
      if (price !== undefined) r.packages[0].contractPrice = price
      repo.saveResult(s.id, r, '2026-11-03T10:00:00Z', null)
    }
    add(110, { productId: '5800', amount: 100, currency: 'NOK' })
    add(95, { productId: '5800', amount: 90, currency: 'NOK' })
    add(undefined, { productId: '5800', amount: 80, currency: 'NOK' }) // not priced yet: no comparison
    add(70, { productId: '5600', amount: 60, currency: 'NOK' }) // quoted for another service, then changed on the form
    add(50, undefined) // typed by hand
    expect(repo.spend()).toEqual([
      { month: '2026-11', customerNumber: '5', productId: '5800', shipments: 5, priced: 4, unpriced: 1, total: 325, currency: 'NOK', quoted: 2, quotedTotal: 190, actualForQuoted: 205 }
    ])
  })
})

describe('desktop notification', () => {
  const tempDir = useTempDir()
  it('tells the user (only when chosen in Settings) when a tracked shipment enters "needs attention"', async () => {
    const { startCore } = await import('../../../helpers/app-core')
    const { createSimulator } = await import('../../../../src/main/services/bring-simulator/engine')
    const sandbox = createSimulator()
    const notified: string[] = []
    const core = await startCore(await tempDir(), { sandbox, notify: (title, body) => void notified.push(`${title}: ${body}`) })
    try {
      const booked = await core.invoke('booking:submit', { form: domesticForm({ productId: '5600' }) })
      if (!booked.ok) throw new Error(JSON.stringify(booked.error))
      const id = (booked.data as { id: string }).id
      // A consignment number whose simulated journey meets a deviation (the roll is in the 15–24 band).
      const roll = (cn: string) => [...cn].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) % 1000, 7) % 100
      let k = 0
      const numberFor = (n: number) => `704381010000${String(n).padStart(5, '0')}`
      while (roll(numberFor(k)) < 15 || roll(numberFor(k)) >= 25) k++
      const cn = numberFor(k)
      const original = (await core.deps.stores.tracking.get(id))!.consignmentNumber
      sandbox.state.consignments.set(cn, sandbox.state.consignments.get(original)!)
            const db = (await import('../../../../src/main/services/store/sqlite/db')).openDatabase(core.deps.app.userDataDir)
      db.prepare('UPDATE tracking SET consignment_number = ? WHERE shipment_id = ?').run(cn, id)
      db.close()
      sandbox.advanceClock(13 * HOUR)
      await core.invoke('tracking:refresh', { ids: [id] })
      expect((await core.deps.stores.tracking.get(id))?.state).toBe('deviation')
      expect(notified).toEqual([]) // off by default
      await core.invoke('settings:set', { attentionNotifications: true })
      sandbox.advanceClock(30 * HOUR) // the journey moves on (out of the deviation) …
      await core.invoke('tracking:refresh', { ids: [id] })
      // … so force a change back into attention: a second shipment, same journey.
      const second = await core.invoke('booking:submit', { form: domesticForm({ productId: '5600' }) })
      const id2 = (second as { ok: true; data: { id: string } }).data.id
      const original2 = (await core.deps.stores.tracking.get(id2))!.consignmentNumber
      const cn2 = cn
      sandbox.state.consignments.set(cn2, { ...sandbox.state.consignments.get(original2)!, bookedAt: new Date(Date.now() + 43 * HOUR - 13 * HOUR) })
      const db2 = (await import('../../../../src/main/services/store/sqlite/db')).openDatabase(core.deps.app.userDataDir)
      db2.prepare('UPDATE tracking SET consignment_number = ? WHERE shipment_id = ?').run(cn2, id2)
      db2.close()
      await core.invoke('tracking:refresh', { ids: [id2] })
      expect((await core.deps.stores.tracking.get(id2))?.state).toBe('deviation')
      expect(notified).toEqual([`A shipment needs attention: Kari Mottaker · ${cn2}`])
      // Heard again (in team mode another desk's check reaches every desk), then handled: nothing new to tell.
      core.deps.events.emit('tracking:changed', { shipmentIds: [id2] })
      await core.invoke('tracking:handle', { id: id2, note: '' })
      await new Promise((r) => setTimeout(r, 100))
      expect(notified).toHaveLength(1)
    } finally {
      await core.close()
    }
  }, 30_000)
})
