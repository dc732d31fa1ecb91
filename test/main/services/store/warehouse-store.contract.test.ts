// One contract, two engines: warehouse messages and stock on the desk's SQLite file and on the team's PostgreSQL.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { type ShipmentsStore } from '../../../../src/main/services/store/shipments'
import { sqliteShipmentsStore } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createWarehouseRepo } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { type WarehouseStore } from '../../../../src/main/services/store/warehouse'
import { sqliteWarehouseStore } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import { pgWarehouseStore } from '../../../../src/main/services/store/postgres/warehouse-store'
import { parseWarehouseMessage } from '../../../../src/main/services/warehousing/gs1'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable } from '../../../helpers/postgres'
import { storeEngines } from '../../../helpers/store-engines'

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/warehousing', name), 'utf8')
const parsed = (xml: string) => {
  const p = parseWarehouseMessage(xml, 'xml')
  if (!p.ok) throw new Error(p.reason)
  return p.message
}

type Desk = { warehouse: WarehouseStore; shipments: ShipmentsStore }

const engines = () =>
  storeEngines<[name?: string], Desk>({
    sqlite: (db) => ({ warehouse: sqliteWarehouseStore(createWarehouseRepo(db)), shipments: sqliteShipmentsStore(createShipmentsRepo(db)) }),
    postgres: (db, name = 'Desk A') => ({ warehouse: pgWarehouseStore(db, name), shipments: pgShipmentsStore(db, name) })
  })

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`warehouse store contract: ${engine}`, () => {
    it('stores a message once (same instance id or same body is the same message, answered with the first request id); keeps rejected bodies', async () => {
      const { warehouse } = await factory()()
      const body = fixture('despatch-advice.xml')
      const first = await warehouse.store(parsed(body), body, 'application/xml')
      expect(first.duplicate).toBe(false)
      expect(await warehouse.store(parsed(body), body, 'application/xml')).toEqual({ requestId: first.requestId, duplicate: true })
      const sameInstance = body.replace('</StandardBusinessDocument>', '<!-- resent --></StandardBusinessDocument>')
      expect(await warehouse.store(parsed(sameInstance), sameInstance, 'application/xml')).toEqual({ requestId: first.requestId, duplicate: true })
      await warehouse.reject('Not GS1 XML', 'x'.repeat(100_000), 'application/xml')
      expect((await warehouse.rejected()).map((r) => r.reason)).toEqual(['Not GS1 XML'])
      expect(await warehouse.counts()).toEqual({ stored: 1, rejected: 1, last: expect.any(String) })
    })

    it('lists newest first, finds by order, article (1–2 characters too) and tracking number, filters by kind; a tracked shipment in the history is linked', async () => {
      const { warehouse, shipments } = await factory()()
      for (const name of ['inventory-report.xml', 'inventory-adjustment.xml', 'despatch-advice.xml']) await warehouse.store(parsed(fixture(name)), fixture(name), 'application/xml')
      const find = async (query: string, kind?: 'order') => (await warehouse.list({ query, kind, limit: 10, offset: 0 })).items.map((m) => m.kind)
      expect(await find('')).toEqual(['order', 'adjustment', 'inventory'])
      expect(await find('WEB-1001')).toEqual(['order'])
      expect(await find('cup-wh')).toEqual(['order', 'adjustment', 'inventory'])
      expect(await find('70438101234567890')).toEqual(['order'])
      expect(await find('CU')).toEqual(['order', 'adjustment', 'inventory'])
      expect(await find('', 'order')).toEqual(['order'])
      expect(await warehouse.count({ query: 'cup' })).toEqual({ total: 3, totalExact: true })

      const order = (await warehouse.list({ query: 'WEB-1001', limit: 1, offset: 0 })).items[0]
      expect((await warehouse.get(order.id))!.shipmentId).toBeNull()
      const s = await shipments.insertPending(domesticForm(), {}, 'test')
      await shipments.markBooked(s.id, { consignmentNumber: '70438101234567890', packageNumbers: [], trackingUrl: 'https://tracking.bring.com/x' })
      const linked = (await warehouse.get(order.id))!
      expect(linked.shipmentId).toBe(s.id)
      expect(linked.raw).toContain('WEB-1001')
      expect(await warehouse.get('no-such')).toBeNull()
    })

    it('a stock report sets quantities, an adjustment changes one and is listed under it', async () => {
      const { warehouse } = await factory()()
      for (const name of ['inventory-report.xml', 'inventory-adjustment.xml']) await warehouse.store(parsed(fixture(name)), fixture(name), 'application/xml')
      const inv = await warehouse.inventory()
      expect(inv.map((i) => [i.article, i.quantity])).toEqual([
        ['CUP-WHITE', 34],
        ['TEA-GREEN-100', 120]
      ])
      expect(inv[0].adjustments).toEqual([{ at: '2026-11-27T15:30:00+01:00', delta: -2, reason: 'DAMAGED' }])
    })
  })
}

describe.skipIf(postgresUnavailable() !== '')('one warehouse for every desk (PostgreSQL)', () => {
  const make = engines()[1][1]
  it('the same message received by two desks at once is stored once, both answered with one request id', async () => {
    const desk = make()
    const a = await desk('Desk A')
    const b = await desk('Desk B')
    const body = fixture('despatch-advice.xml')
    const [ra, rb] = await Promise.all([a.warehouse.store(parsed(body), body, 'application/xml'), b.warehouse.store(parsed(body), body, 'application/xml')])
    expect(ra.requestId).toBe(rb.requestId)
    expect([ra.duplicate, rb.duplicate].sort()).toEqual([false, true])
    expect((await b.warehouse.counts()).stored).toBe(1)
  })
})
