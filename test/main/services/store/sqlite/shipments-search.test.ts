import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import path from 'node:path'
import { openDatabase, migrate, type Db } from '../../../../../src/main/services/store/sqlite/db'
import { migrations } from '../../../../../src/main/services/store/sqlite/migrations'
import { createShipmentsRepo } from '../../../../../src/main/services/store/sqlite/shipments-repo'
import { TOTAL_CAP } from '../../../../../src/main/services/store/engine'
import { registerSearchTokens } from '../../../../../src/main/services/store/sqlite/search-tokens'
import { domesticForm } from '../../../../helpers/booking-form'
import { useTempDir } from '../../../../helpers/temp-dir'

const recipient = (name: string, postalCode = '5003', city = 'BERGEN', reference = 'ORDER-1') => ({
  recipient: { name, addressLine: 'Bryggen 1', postalCode, city, countryCode: 'NO', reference }
})

describe('history search: newest first, a page at a time', () => {
  const tempDir = useTempDir()

  it('finds substrings of any length in name, postal code, city, reference, consignment and package numbers', async () => {
    const repo = createShipmentsRepo(openDatabase(await tempDir()))
    repo.insertPending(domesticForm(recipient('Per Test', '0150', 'OSLO', '123456/234567')), {}, 'test')
    const kari = repo.insertPending(domesticForm(recipient('Kari Mottaker', '5003', 'BERGEN', 'ORDER-1001')), {}, 'test')
    const ola = repo.insertPending(domesticForm(recipient('Ola Hansen', '7010', 'TRONDHEIM', 'PO-77')), {}, 'test')
    const siri = repo.insertPending(domesticForm(recipient('Siri Ødegård', '9008', 'TROMSØ', 'WEB-5')), {}, 'test')
    repo.markBooked(ola.id, { consignmentNumber: '70438101999999999', packageNumbers: ['370438101234567890'] })
    const names = (query: string) => repo.list({ query, limit: 10, offset: 0 }).items.map((s) => s.recipientName)

    expect(names('')).toEqual(['Siri Ødegård', 'Ola Hansen', 'Kari Mottaker', 'Per Test'])
    expect(names('ns')).toEqual(['Ola Hansen']) // inside a word, 2 characters
    expect(names('ø')).toEqual(['Siri Ødegård']) // 1 character, Norwegian letter, any case
    expect(names('Ø')).toEqual(['Siri Ødegård'])
    expect(names('7')).toEqual(['Ola Hansen', 'Per Test']) // postal code 7010, PO-77, its numbers; 234567
    expect(names('ttak')).toEqual(['Kari Mottaker'])
    expect(names('trondh')).toEqual(['Ola Hansen'])
    expect(names('ORDER-10')).toEqual(['Kari Mottaker'])
    expect(names('1234567')).toEqual(['Ola Hansen']) // package number
    expect(names('99999')).toEqual(['Ola Hansen']) // consignment number
    expect(names('-5')).toEqual(['Siri Ødegård']) // punctuation in a short query
    expect(names('zz')).toEqual([])
    // Long numbers go through 6-digit windows and are then checked as a whole.
    expect(names('70438101999999999')).toEqual(['Ola Hansen'])
    expect(names('438101234567')).toEqual(['Ola Hansen'])
    expect(names('101234567890')).toEqual(['Ola Hansen'])
    expect(names('999999')).toEqual(['Ola Hansen'])
    expect(names('1234567')).toEqual(['Ola Hansen']) // Per Test has both windows of it, not the number
    expect(names('"; DROP TABLE shipments; --')).toEqual([])
    // A status change does not lose the row from the indexes; a resent form with a new name moves it.
    repo.markStatus(kari.id, 'failed', { code: 'X', message: 'x' })
    expect(names('Mott')).toEqual(['Kari Mottaker'])
    repo.replaceRequest(siri.id, domesticForm(recipient('Siri Nilsen', '9008', 'TROMSØ')), {}, 'test')
    expect(names('Ødeg')).toEqual([])
    expect(names('Nils')).toEqual(['Siri Nilsen'])
  })

  it('filters by status, mode and date range, pages with offset, newest first', async () => {
    let clock = new Date('2026-03-01T10:00:00Z')
    const repo = createShipmentsRepo(openDatabase(await tempDir()), () => clock)
    const ids: string[] = []
    for (let day = 1; day <= 10; day++) {
      clock = new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`)
      ids.push(repo.insertPending(domesticForm(recipient(`Day ${day}`)), {}, day % 2 ? 'test' : 'sandbox').id)
    }
    repo.markBooked(ids[2], { consignmentNumber: '70438101000000003', packageNumbers: [] })
    const list = (f: Partial<Parameters<typeof repo.list>[0]>) => repo.list({ query: '', limit: 100, offset: 0, ...f })
    const names = (f: Partial<Parameters<typeof repo.list>[0]>) => list(f).items.map((s) => s.recipientName)

    expect(names({ from: '2026-03-03', to: '2026-03-05' })).toEqual(['Day 5', 'Day 4', 'Day 3'])
    expect(names({ from: '2026-03-09' })).toEqual(['Day 10', 'Day 9'])
    expect(names({ to: '2026-03-01' })).toEqual(['Day 1'])
    expect(names({ from: '2026-04-01' })).toEqual([])
    expect(names({ to: '2026-02-28' })).toEqual([])
    expect(names({ mode: 'sandbox', from: '2026-03-05' })).toEqual(['Day 10', 'Day 8', 'Day 6'])
    expect(names({ status: 'booked' })).toEqual(['Day 3'])
    expect(names({ query: 'Day', mode: 'test', to: '2026-03-04' })).toEqual(['Day 3', 'Day 1'])
    expect(names({ query: 'Day 1', limit: 1, offset: 1 })).toEqual(['Day 1'])
    expect(repo.count({ query: 'Day' })).toEqual({ total: 10, totalExact: true })
    expect(repo.count({ query: 'Day', mode: 'sandbox', from: '2026-03-05' })).toEqual({ total: 3, totalExact: true })
    expect(repo.count({ query: '', status: 'booked' })).toEqual({ total: 1, totalExact: true })
    expect(list({ query: 'Day', limit: 3, offset: 3 }).items.map((s) => s.recipientName)).toEqual(['Day 7', 'Day 6', 'Day 5'])
  })

  it('keeps newest first when the clock steps back', async () => {
    let clock = new Date('2026-03-02T10:00:00Z')
    const repo = createShipmentsRepo(openDatabase(await tempDir()), () => clock)
    repo.insertPending(domesticForm(recipient('First')), {}, 'test')
    clock = new Date('2026-03-01T09:00:00Z')
    repo.insertPending(domesticForm(recipient('After the clock went back')), {}, 'test')
    expect(repo.list({ query: '', limit: 10, offset: 0 }).items.map((s) => s.recipientName)).toEqual(['After the clock went back', 'First'])
    expect(repo.list({ query: '', from: '2026-03-02', limit: 10, offset: 0 }).items).toHaveLength(2)
  })

  it(`says "${TOTAL_CAP}+" instead of counting every match`, async () => {
    const db = openDatabase(await tempDir())
    const repo = createShipmentsRepo(db)
    const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id,
      recipient_name, recipient_postal_code, recipient_city, form_json, request_json) VALUES (?, ?, ?, ?, 'test', 'booked', '5', '5800', ?, '5003', 'BERGEN', '{}', '{}')`)
    db.transaction(() => {
      for (let i = 0; i < TOTAL_CAP + 5; i++) insert.run(`id${i}`, `c${i}`, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', `Kari ${i}`)
    })()
    expect(repo.count({ query: 'Kari' })).toEqual({ total: TOTAL_CAP, totalExact: false })
    expect(repo.count({ query: 'Ka' })).toEqual({ total: TOTAL_CAP, totalExact: false })
    expect(repo.count({ query: '' })).toEqual({ total: TOTAL_CAP, totalExact: false })
    expect(repo.count({ query: 'Kari 999' })).toEqual({ total: 1, totalExact: true })
    expect(repo.list({ query: 'Kari', limit: 5, offset: 0 }).items.map((s) => s.recipientName)).toEqual(['Kari 1004', 'Kari 1003', 'Kari 1002', 'Kari 1001', 'Kari 1000'])
  })

  it('page queries never sort: every index is walked in rowid order (no temp B-tree)', async () => {
    const db = openDatabase(await tempDir())
    createShipmentsRepo(db)
    const plans = captureQueryPlans(db, () => {
      const repo = createShipmentsRepo(db)
      for (const query of ['', 'Ka', 'Kari', '70438101']) {
        repo.list({ query, limit: 10, offset: 0 })
        repo.list({ query, status: 'booked', limit: 10, offset: 0 })
        repo.list({ query, mode: 'test', from: '2026-01-01', to: '2026-12-31', limit: 10, offset: 0 })
      }
    })
    if (process.env.SHOW_PLANS) console.log(plans.join("\n"))
    expect(plans.length).toBeGreaterThanOrEqual(12)
    for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/)
  })

  it('the page size goes into the statement only as a whole number from 1 to 500', async () => {
    const repo = createShipmentsRepo(openDatabase(await tempDir()))
    expect(repo.list({ query: '', limit: 500, offset: 0 }).items).toEqual([])
    for (const limit of [0, 501, 1.5, Number.NaN, '10; DROP TABLE shipments' as unknown as number]) {
      expect(() => repo.list({ query: '', limit, offset: 0 })).toThrow(RangeError)
    }
  })

  it('a history from before this version is searchable after the upgrade, package numbers too', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'fraktdesk.sqlite3')
    const old = new Database(file)
    old.exec(migrations.slice(0, 3).map((m) => m.sql).join(';\n'))
    old.pragma('user_version = 3')
    old.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id, recipient_name,
      recipient_postal_code, recipient_city, consignment_number, form_json, request_json, confirmation_json)
      VALUES ('a', 'c', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test', 'booked', '5', '5800', 'Old Kari', '5003', 'BERGEN', '70438101000000001', '{}', '{}',
      '{"consignmentNumber":"70438101000000001","packageNumbers":["370438101000000011","370438101000000022"]}')`).run()
    old.close()
    const db = new Database(file)
    registerSearchTokens(db)
    migrate(db)
    const repo = createShipmentsRepo(db)
    const found = (query: string) => repo.list({ query, limit: 10, offset: 0 }).items.map((s) => s.id)
    expect(found('Old K')).toEqual(['a'])
    expect(found('Ol')).toEqual(['a'])
    expect(found('000000022')).toEqual(['a'])
  })
})

/** EXPLAIN QUERY PLAN of every SELECT run on `db` while `fn` runs. */
function captureQueryPlans(db: Db, fn: () => void): string[] {
  const plans: string[] = []
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    if (/^\s*SELECT/i.test(sql) && /ORDER BY/i.test(sql) && /LIMIT \d+ OFFSET @offset/.test(sql)) {
      const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(bindable(sql)) as { detail: string }[]
      plans.push(rows.map((r) => r.detail).join(' | '))
    }
    return prepare(sql)
  }) as typeof db.prepare
  try {
    fn()
  } finally {
    db.prepare = prepare
  }
  return plans
}

/** Values for exactly the named parameters a statement uses. */
function bindable(sql: string): Record<string, unknown> {
  const values: Record<string, unknown> = { match: 'Kari', digits: '704381', status: 'booked', mode: 'test', from: '2026-01-01', to: '2027-01-01', limit: 10, offset: 0 }
  return Object.fromEntries(Object.entries(values).filter(([k]) => sql.includes(`@${k}`)))
}
