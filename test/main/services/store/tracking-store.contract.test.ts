// One contract, two engines: tracking on the desk's SQLite file and on the team's PostgreSQL, where
// the state is shared and a lease per shipment lets exactly one desk ask Bring per round.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createShipmentsRepo, sqliteShipmentsStore } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createTrackingRepo, sqliteTrackingStore } from '../../../../src/main/services/store/sqlite/tracking-repo'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import { pgTrackingStore } from '../../../../src/main/services/store/postgres/tracking-store'
import type { ShipmentsStore } from '../../../../src/main/services/store/shipments'
import { attentionCutoffs, type TrackingStore } from '../../../../src/main/services/store/tracking'
import { parseTracking, trackingResponseSchema } from '../../../../src/main/services/bring/tracking'
import { shipmentFilterSchema } from '../../../../src/shared/domain/booking'
import { domesticForm } from '../../../helpers/booking-form'
import { storeEngines } from '../../../helpers/store-engines'

type Desk = { tracking: TrackingStore; shipments: ShipmentsStore }
const engines = () =>
  storeEngines<[desk?: string, leaseMs?: number], Desk>({
    sqlite: (db) => ({ tracking: sqliteTrackingStore(createTrackingRepo(db)), shipments: sqliteShipmentsStore(createShipmentsRepo(db)) }),
    postgres: (db, desk = 'Desk A', leaseMs) => ({ tracking: pgTrackingStore(db, desk, { leaseMs }), shipments: pgShipmentsStore(db, desk) })
  })

const example = (name: string) => parseTracking(trackingResponseSchema.parse(JSON.parse(readFileSync(path.resolve('test/fixtures/bring/tracking', `${name}.json`), 'utf8'))), 'CN')
const days = { pickupDays: 5, silentDays: 3 }
const at = (iso: string) => new Date(iso).toISOString()

async function booked(d: Desk, n: number, bookedAt = '2026-11-30T08:00:00Z'): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const s = await d.shipments.insertPending(domesticForm(), {}, 'live')
    await d.shipments.markSending(s.id)
    await d.shipments.markBooked(s.id, { consignmentNumber: `70438101${String(i).padStart(9, '0')}`, packageNumbers: [] })
    await d.tracking.enrol({ shipmentId: s.id, consignmentNumber: `70438101${String(i).padStart(9, '0')}`, mode: 'live', bookedAt: at(bookedAt), nextDue: at('2026-11-30T08:05:00Z') })
    ids.push(s.id)
  }
  return ids
}

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`tracking store contract: ${engine}`, () => {
    it('enrols once, is due from its due time, keeps results, failures and "no longer at Bring" apart', async () => {
      const d = await factory()()
      const [id] = await booked(d, 1)
      await d.tracking.enrol({ shipmentId: id, consignmentNumber: 'OTHER', mode: 'live', bookedAt: at('2026-12-01T00:00:00Z'), nextDue: at('2026-12-01T00:00:00Z') })
      expect(await d.tracking.get(id)).toMatchObject({ consignmentNumber: '70438101000000000', state: 'not_found', checkedAt: null, errorAt: null, goneAt: null, handled: null, packages: [] })
      expect(await d.tracking.due(at('2026-11-30T08:04:00Z'), 10)).toEqual([])
      expect((await d.tracking.due(at('2026-11-30T08:05:00Z'), 10)).map((r) => r.shipmentId)).toEqual([id])
      const two = example('two-packages-priced')
      await d.tracking.saveResult(id, two, at('2026-11-30T09:00:00Z'), at('2026-11-30T09:30:00Z'))
      expect(await d.tracking.get(id)).toMatchObject({ state: 'in_transit', stateSince: at('2026-11-30T09:00:00Z'), checkedAt: at('2026-11-30T09:00:00Z'), price: 238.5, currency: 'NOK', failures: 0 })
      await d.tracking.saveFailure(id, 'unavailable', at('2026-11-30T09:30:00Z'), at('2026-11-30T09:45:00Z'))
      expect(await d.tracking.get(id)).toMatchObject({ state: 'in_transit', checkedAt: at('2026-11-30T09:00:00Z'), errorAt: at('2026-11-30T09:30:00Z'), lastError: 'unavailable', failures: 1, nextDue: at('2026-11-30T09:45:00Z') })
      await d.tracking.saveResult(id, two, at('2026-11-30T10:00:00Z'), at('2026-11-30T10:30:00Z'))
      expect(await d.tracking.get(id)).toMatchObject({ stateSince: at('2026-11-30T09:00:00Z'), errorAt: null, lastError: null, failures: 0 })
      await d.tracking.saveGone(id, at('2026-12-30T10:00:00Z'), null)
      expect(await d.tracking.get(id)).toMatchObject({ state: 'in_transit', goneAt: at('2026-12-30T10:00:00Z'), nextDue: null, price: 238.5 })
      expect(await d.tracking.makeDue([id], at('2026-12-30T11:00:00Z'))).toBe(1)
      expect((await d.tracking.get(id))!.nextDue).toBe(at('2026-12-30T11:00:00Z'))
      await d.tracking.stop(id)
      expect((await d.tracking.get(id))!.nextDue).toBeNull()
      expect(await d.tracking.countByState()).toEqual({ in_transit: 1 })
    })

    it('needs attention: returned stays until handled; the count, the shipment and the Shipments filter agree; spend counts a consignment once', async () => {
      const d = await factory()()
      const [returned, waiting, quiet] = await booked(d, 3)
      const base = example('delivered')
      await d.tracking.saveResult(returned, { ...base, state: 'returned', packages: base.packages.map((p) => ({ ...p, state: 'returned' })) }, at('2026-12-02T09:00:00Z'), null)
      await d.tracking.saveResult(waiting, example('waiting_at_pup'), at('2026-12-01T09:00:00Z'), at('2026-12-01T11:00:00Z'))
      await d.tracking.saveResult(quiet, example('two-packages-priced'), at('2026-12-01T09:00:00Z'), at('2026-12-01T11:00:00Z'))
      const cutoffs = attentionCutoffs(new Date('2026-12-07T10:00:00Z'), days)
      expect(await d.tracking.attentionCount(cutoffs)).toBe(2)
      expect(await d.tracking.needsAttention(returned, cutoffs)).toBe(true)
      expect(await d.tracking.needsAttention(quiet, cutoffs)).toBe(false)
      const listed = async () => (await d.shipments.list({ ...shipmentFilterSchema.parse({ attention: true }), attentionDays: days })).items.map((i) => i.id).sort()
      expect(await listed()).toEqual([returned, waiting].sort())
      expect(await d.tracking.markHandled(returned, 'Rebooked', at('2026-12-07T10:00:00Z'))).toBe(true)
      expect(await d.tracking.get(returned)).toMatchObject({ handled: { state: 'returned', at: at('2026-12-07T10:00:00Z'), note: 'Rebooked' } })
      expect(await d.tracking.attentionCount(cutoffs)).toBe(1)
      expect(await listed()).toEqual([waiting])
      expect(await d.tracking.markHandled('no-such-shipment', '', at('2026-12-07T10:00:00Z'))).toBe(false)
      expect(await d.tracking.spend()).toMatchObject([{ month: '2026-11', customerNumber: '5', shipments: 3, priced: 1, unpriced: 2, total: 238.5, currency: 'NOK' }])
    })

    it('the Needs attention list is newest first and pages, with a search, the status, the mode and dates as filters; counts agree', async () => {
      const d = await factory()()
      const made: { id: string; name: string; mode: 'live' | 'test'; attention: boolean }[] = []
      for (let i = 0; i < 8; i++) {
        const name = i % 3 === 0 ? `Ola Hansen ${i}` : `Kari Nordmann ${i}`
        const mode = i % 2 ? 'live' : 'test'
        const s = await d.shipments.insertPending(domesticForm({ recipient: { ...domesticForm().recipient, name } }), {}, mode)
        await d.shipments.markSending(s.id)
        await d.shipments.markBooked(s.id, { consignmentNumber: `70438101${String(i).padStart(9, '0')}`, packageNumbers: [] })
        await d.tracking.enrol({ shipmentId: s.id, consignmentNumber: `70438101${String(i).padStart(9, '0')}`, mode, bookedAt: at('2026-11-30T08:00:00Z'), nextDue: at('2026-11-30T08:05:00Z') })
        // A deviation (needs attention) or delivered.
        const attention = i !== 4 && i !== 7
        const base = example('delivered')
        const result = attention ? { ...base, state: 'deviation' as const, packages: base.packages.map((p) => ({ ...p, state: 'deviation' as const })) } : base
        await d.tracking.saveResult(s.id, result, at('2026-12-01T09:00:00Z'), null)
        made.push({ id: s.id, name, mode, attention })
        await new Promise((r) => setTimeout(r, 2)) // a new millisecond: created_at alone orders them
      }
      const newest = made.filter((m) => m.attention).reverse()
      const list = async (f: Record<string, unknown> = {}) => (await d.shipments.list({ ...shipmentFilterSchema.parse({ attention: true, ...f }), attentionDays: days })).items.map((i) => i.id)
      const count = async (f: Record<string, unknown> = {}) => (await d.shipments.count({ ...shipmentFilterSchema.parse({ attention: true, ...f }), attentionDays: days })).total
      expect(await list()).toEqual(newest.map((m) => m.id))
      expect(await list({ limit: 2, offset: 2 })).toEqual(newest.slice(2, 4).map((m) => m.id))
      expect(await list({ mode: 'test' })).toEqual(newest.filter((m) => m.mode === 'test').map((m) => m.id))
      expect(await list({ query: 'Ola' })).toEqual(newest.filter((m) => m.name.startsWith('Ola')).map((m) => m.id))
      expect(await list({ query: 'Ola', mode: 'live', status: 'booked' })).toEqual(newest.filter((m) => m.name.startsWith('Ola') && m.mode === 'live').map((m) => m.id))
      expect(await list({ status: 'failed' })).toEqual([])
      expect(await list({ to: '2020-01-01' })).toEqual([])
      expect([await count(), await count({ mode: 'test' }), await count({ query: 'Ola' }), await count({ status: 'failed' })]).toEqual([
        newest.length,
        newest.filter((m) => m.mode === 'test').length,
        newest.filter((m) => m.name.startsWith('Ola')).length,
        0
      ])
    })

    if (engine === 'PostgreSQL') {
      it('two desks: each shipment is claimed by one desk per round; a dead desk’s claims pass on when they run out; the state is one for both', async () => {
        const make = factory()
        const a = await make('Desk A', 400)
        const b = await make('Desk B', 400)
        const ids = await booked(a, 20)
        const [claimedA, claimedB] = await Promise.all([a.tracking.due(at('2026-11-30T09:00:00Z'), 12), b.tracking.due(at('2026-11-30T09:00:00Z'), 12)])
        const all = [...claimedA, ...claimedB].map((r) => r.shipmentId)
        expect(new Set(all).size).toBe(all.length) // none twice
        expect(all.sort()).toEqual([...ids].sort())
        // Desk B checks its share; desk A dies holding its claims.
        for (const r of claimedB) await b.tracking.saveResult(r.shipmentId, example('two-packages-priced'), at('2026-11-30T09:01:00Z'), at('2026-11-30T10:00:00Z'))
        expect(await b.tracking.due(at('2026-11-30T09:02:00Z'), 50)).toEqual([])
        await new Promise((r) => setTimeout(r, 500))
        expect((await b.tracking.due(at('2026-11-30T09:02:00Z'), 50)).map((r) => r.shipmentId).sort()).toEqual(claimedA.map((r) => r.shipmentId).sort())
        // What desk B found is desk A's too.
        expect((await a.tracking.get(claimedB[0].shipmentId))!.state).toBe('in_transit')
      })
    }
  })
}
