import { describe, expect, it } from 'vitest'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase } from '../../../../../src/main/services/store/sqlite/db'
import { migrations } from '../../../../../src/main/services/store/sqlite/migrations'
import { BOOKED_SINCE, createShipmentsRepo } from '../../../../../src/main/services/store/sqlite/shipments-repo'
import { domesticForm } from '../../../../helpers/booking-form'
import { useTempDir } from '../../../../helpers/temp-dir'

describe('shipments history (SQLite)', () => {
  const tempDir = useTempDir()

  it('uses WAL and migrates to the latest schema version, once', async () => {
    const dir = await tempDir()
    const db = openDatabase(dir)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    db.close()
    const again = openDatabase(dir)
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length)
    again.close()
  })

  it('keeps a pending booking across a crash (reopen) and searches by name, postal code, reference and number', async () => {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const repo = createShipmentsRepo(db)
    const a = repo.insertPending(domesticForm(), { any: 'request' }, 'test')
    const b = repo.insertPending(domesticForm({ recipient: { name: 'Ola Hansen', addressLine: 'Storgata 2', postalCode: '7010', city: 'TRONDHEIM', countryCode: 'NO', reference: 'PO-77' } }), {}, 'sandbox')
    repo.markBooked(b.id, { consignmentNumber: '70438101999999999', packageNumbers: ['1'] })
    db.close()

    const reopened = createShipmentsRepo(new Database(path.join(dir, 'fraktdesk.sqlite3')))
    expect(reopened.get(a.id)).toMatchObject({ status: 'pending', request: { any: 'request' } })
    const search = (query: string) => reopened.list({ query, limit: 10, offset: 0 }).items.map((s) => s.recipientName)
    expect(search('mottaker')).toEqual(['Kari Mottaker'])
    expect(search('7010')).toEqual(['Ola Hansen'])
    expect(search('PO-77')).toEqual(['Ola Hansen'])
    expect(search('99999999')).toEqual(['Ola Hansen'])
    expect(search('Ol')).toEqual(['Ola Hansen'])
    expect(search('"; DROP TABLE shipments; --')).toEqual([])
    expect(reopened.count({ query: '', mode: 'sandbox' }).total).toBe(1)
    expect(reopened.list({ query: '', status: 'pending', limit: 10, offset: 0 }).items.map((s) => s.id)).toEqual([a.id])
    const page2 = reopened.list({ query: '', limit: 1, offset: 1 })
    expect(reopened.count({ query: '' })).toEqual({ total: 2, totalExact: true })
    expect(page2.items).toHaveLength(1)
    expect(page2.items[0].id).not.toBe(reopened.list({ query: '', limit: 1, offset: 0 }).items[0].id)
  })

  it('one form is one record: the client request id is unique', async () => {
    const repo = createShipmentsRepo(openDatabase(await tempDir()))
    const form = domesticForm()
    repo.insertPending(form, {}, 'test')
    expect(() => repo.insertPending(form, {}, 'test')).toThrow(/UNIQUE/)
  })
  it("start-up's label check asks the date index for the last days' bookings, not every booked shipment (a clean start at 1,000,000 waited 0.9 s)", async () => {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const plan = db.prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${BOOKED_SINCE}`).all('2026-12-01T00:00:00.000Z').map((r) => r.detail)
    expect(plan).toEqual(['SEARCH shipments USING INDEX shipments_created (created_at>?)'])
    const repo = createShipmentsRepo(db)
    const old = repo.insertPending(domesticForm(), {}, 'test')
    repo.markBooked(old.id, { consignmentNumber: '70438101000000001', packageNumbers: [] })
    db.prepare(`UPDATE shipments SET created_at = '2024-01-01T00:00:00.000Z' WHERE id = ?`).run(old.id)
    const recent = repo.insertPending(domesticForm(), {}, 'test')
    repo.markBooked(recent.id, { consignmentNumber: '70438101000000002', packageNumbers: [] })
    expect(repo.bookedLabelFiles(new Date(Date.now() - 3 * 86_400_000).toISOString()).map((f) => f.id)).toEqual([recent.id])
    expect(repo.bookedLabelFiles().map((f) => f.id).sort()).toEqual([old.id, recent.id].sort())
    db.close()
  })
})
