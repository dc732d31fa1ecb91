// One contract, two engines: batches and their rows on the embedded SQLite file and on the shared
// PostgreSQL database; then the claim rules that let several desks run one batch (PostgreSQL only).
import { describe, expect, it } from 'vitest'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { type ShipmentsStore } from '../../../../src/main/services/store/shipments'
import { sqliteShipmentsStore } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createBatchesRepo } from '../../../../src/main/services/store/sqlite/batches-repo'
import { allBatchRows } from '../../../../src/main/services/batches/batch-rows'
import { type BatchesStore } from '../../../../src/main/services/store/batches'
import { sqliteBatchesStore } from '../../../../src/main/services/store/sqlite/batches-repo'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import { pgBatchesStore } from '../../../../src/main/services/store/postgres/batches-store'
import { AppError } from '../../../../src/shared/ipc/app-error'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable } from '../../../helpers/postgres'
import { storeEngines } from '../../../helpers/store-engines'

const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: '2026-11-30', weightKg: '1,5', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' }
const row = (n: number) => ({ values: { name: `Mottaker ${n}`, addressLine: `Storgata ${n}`, postalCode: '5003', city: 'BERGEN' }, problems: null })
const invalid = (n: number) => ({ values: { name: `Mottaker ${n}`, postalCode: 'abc' }, problems: { postalCode: ['Four digits'] } })

type Desk = { batches: BatchesStore; shipments: ShipmentsStore }

const engines = () =>
  storeEngines<[name?: string, opts?: { leaseMs?: number }], Desk>({
    sqlite: (db) => ({ batches: sqliteBatchesStore(createBatchesRepo(db)), shipments: sqliteShipmentsStore(createShipmentsRepo(db)) }),
    postgres: (db, name = 'Desk A', opts = {}) => ({ batches: pgBatchesStore(db, name, opts), shipments: pgShipmentsStore(db, name) })
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`batches store contract: ${engine}`, () => {
    it('creates a batch with its rows numbered in order, appends more, lists newest first, counts ready and invalid', async () => {
      const { batches } = await factory()()
      const first = await batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1), invalid(2)] })
      await batches.appendRows(first.id, [row(3), row(4)])
      const second = await batches.create({ name: 'Kveld', mode: 'sandbox', defaults, rows: [] })
      expect(first).toMatchObject({ name: 'Morgen', mode: 'test', runState: 'idle', defaults, labelsPdf: null, resultCsv: null })
      expect((await allBatchRows(batches, first.id)).map((r) => [r.rowNo, r.values.name, r.status])).toEqual([
        [1, 'Mottaker 1', 'ready'],
        [2, 'Mottaker 2', 'invalid'],
        [3, 'Mottaker 3', 'ready'],
        [4, 'Mottaker 4', 'ready']
      ])
      expect((await allBatchRows(batches, first.id))[1].problems).toEqual({ postalCode: ['Four digits'] })
      expect(await batches.counts(first.id)).toEqual({ total: 4, invalid: 1, ready: 3, inFlight: 0, booked: 0, failed: 0, unknown: 0, notSent: 0, toCheck: 0 })
      expect(await batches.rowCount(first.id)).toBe(4)
      expect((await batches.list()).map((b) => b.id)).toEqual([second.id, first.id])
      expect(await batches.get('no-such-batch')).toBeNull()
      expect(await batches.row('no-such-row')).toBeNull()
    })

    it('the plausibility sample: every row of a small batch; of a big one, at most the number asked for, spread evenly from the first row; the last row number either way', async () => {
      const { batches } = await factory()()
      const small = await batches.create({ name: 'Liten', mode: 'test', defaults, rows: [row(1), row(2), row(3)] })
      expect(await batches.valuesSample(small.id, 10)).toEqual({ rows: (await allBatchRows(batches, small.id)).map((r) => ({ id: r.id, values: r.values })), lastRowNo: 3 })
      const big = await batches.create({ name: 'Stor', mode: 'test', defaults, rows: Array.from({ length: 1000 }, (_, i) => ({ values: row(i + 1).values, problems: null, rowNo: 2 * (i + 1) })) })
      const sample = await batches.valuesSample(big.id, 100)
      expect(sample.lastRowNo).toBe(2000)
      expect(sample.rows.map((r) => r.values.name)).toEqual(Array.from({ length: 100 }, (_, i) => `Mottaker ${10 * i + 1}`))
      expect((await batches.valuesSample(small.id, 10)).rows).toHaveLength(3)
      expect(await batches.valuesSample('no-such-batch', 10)).toEqual({ rows: [], lastRowNo: 0 })
    })

    it('edits rows, defaults, run state and files; remembers a column mapping; deleting a batch keeps its shipments', async () => {
      const { batches, shipments } = await factory()()
      const b = await batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [invalid(1), row(2)] })
      const [r1, r2] = await allBatchRows(batches, b.id)
      await batches.updateRow(r1.id, { ...r1.values, postalCode: '5003' }, null)
      expect(await batches.row(r1.id)).toMatchObject({ batchId: b.id, status: 'ready', values: { postalCode: '5003' } })
      await batches.setProblems(r2.id, { name: ['Too long'] })
      expect((await batches.row(r2.id))!.status).toBe('invalid')
      await batches.setProblemsMany([
        { id: r1.id, problems: { 'check:weightKg': ['Far heavier'] } },
        { id: r2.id, problems: null }
      ])
      expect(await batches.counts(b.id)).toMatchObject({ invalid: 1, ready: 1, toCheck: 1 })
      await batches.setProblemsMany([{ id: r1.id, problems: null }])
      expect(await batches.counts(b.id)).toMatchObject({ invalid: 0, ready: 2, toCheck: 0 })
      await batches.setDefaults(b.id, { ...defaults, productId: '3584' })
      await batches.setRunState(b.id, 'paused')
      await batches.setFiles(b.id, { labelsPdf: 'batch.pdf', resultCsv: 'batch.csv' })
      expect(await batches.get(b.id)).toMatchObject({ runState: 'paused', defaults: { productId: '3584' }, labelsPdf: 'batch.pdf', resultCsv: 'batch.csv' })
      expect(await batches.runState(b.id)).toBe('paused')

      expect(await batches.mapping('name|postnummer')).toBeNull()
      await batches.saveMapping('name|postnummer', ['name', null])
      await batches.saveMapping('name|postnummer', ['name', 'postalCode'])
      expect(await batches.mapping('name|postnummer')).toEqual(['name', 'postalCode'])

      const form = domesticForm({ clientRequestId: r2.clientRequestId })
      await shipments.insertPending(form, {}, 'test', b.id)
      expect(await batches.remove(b.id)).toBe(true)
      expect(await batches.remove(b.id)).toBe(false)
      expect(await allBatchRows(batches, b.id)).toEqual([])
      expect((await shipments.findByClientRequest(r2.clientRequestId))!.batchId).toBe(b.id)
    })

    it('a row has the status of the shipment it became: in flight, booked with its number, failed and edited since', async () => {
      const { batches, shipments } = await factory()()
      const b = await batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1), row(2)] })
      const [r1, r2] = await allBatchRows(batches, b.id)
      const s1 = await shipments.insertPending(domesticForm({ clientRequestId: r1.clientRequestId }), {}, 'test', b.id)
      expect(await batches.counts(b.id)).toMatchObject({ inFlight: 1, ready: 1 })
      await shipments.markSending(s1.id)
      await shipments.markBooked(s1.id, { consignmentNumber: '70438101000000001', packageNumbers: ['370438101000000001'], trackingUrl: 'https://tracking.bring.com/x' })
      const s2 = await shipments.insertPending(domesticForm({ clientRequestId: r2.clientRequestId }), {}, 'test', b.id)
      await shipments.markStatus(s2.id, 'failed', { code: 'BRING_VALIDATION', message: 'Refused' })
      let rows = await allBatchRows(batches, b.id)
      expect(rows[0]).toMatchObject({ status: 'booked', shipmentId: s1.id, consignmentNumber: '70438101000000001' })
      expect(rows[1]).toMatchObject({ status: 'failed', error: { code: 'BRING_VALIDATION' }, editedSinceFailure: false })
      await sleep(5) // "edited since" compares times
      await batches.updateRow(r2.id, { ...r2.values, name: 'Mottaker 2b' }, null)
      rows = await allBatchRows(batches, b.id)
      expect(rows[1].editedSinceFailure).toBe(true)
      expect(await batches.counts(b.id)).toMatchObject({ total: 2, booked: 1, failed: 1 })
    })

    it('pages of the table by filter, in file order: all, needing attention (invalid, refused, unknown), to check; counts the rows held to check', async () => {
      const { batches, shipments } = await factory()()
      const toCheck = (n: number) => ({ values: { ...row(n).values, packageCount: '60' }, problems: { 'check:packageCount': ['60 packages to one recipient'] } })
      const b = await batches.create({ name: 'Stor', mode: 'test', defaults, rows: [row(1), invalid(2), toCheck(3), row(4), row(5), toCheck(6), row(7)] })
      const all = await allBatchRows(batches, b.id)
      const refused = await shipments.insertPending(domesticForm({ clientRequestId: all[3].clientRequestId }), {}, 'test', b.id)
      await shipments.markStatus(refused.id, 'failed', { code: 'BRING_VALIDATION', message: 'Refused' })
      const unknown = await shipments.insertPending(domesticForm({ clientRequestId: all[4].clientRequestId }), {}, 'test', b.id)
      await shipments.markStatus(unknown.id, 'outcome_unknown', { code: 'BRING_TIMEOUT', message: 'No answer' })
      const booked = await shipments.insertPending(domesticForm({ clientRequestId: all[6].clientRequestId }), {}, 'test', b.id)
      await shipments.markSending(booked.id)
      await shipments.markBooked(booked.id, { consignmentNumber: '70438101000000009', packageNumbers: ['370438101000000009'], trackingUrl: 'https://tracking.bring.com/x' })

      const nos = async (filter: Parameters<BatchesStore['rowsPage']>[1], offset: number, limit: number) => (await batches.rowsPage(b.id, filter, offset, limit)).map((r) => r.rowNo)
      expect(await nos('all', 0, 3)).toEqual([1, 2, 3])
      expect(await nos('all', 5, 100)).toEqual([6, 7])
      expect(await nos('attention', 0, 100)).toEqual([2, 3, 4, 5, 6])
      expect(await nos('attention', 1, 2)).toEqual([3, 4])
      expect(await nos('check', 0, 100)).toEqual([3, 6])
      expect(await nos('unknown', 0, 100)).toEqual([5])
      expect((await batches.rowsPage(b.id, 'all', 6, 1))[0]).toMatchObject({ status: 'booked', consignmentNumber: '70438101000000009' })
      expect(await batches.counts(b.id)).toMatchObject({ total: 7, invalid: 3, toCheck: 2, failed: 1, unknown: 1, booked: 1 })

      // Confirmed, fixed, re-checked: the row leaves "to check" (or joins it) with its problems.
      await batches.confirmRow(all[2].id, all[2].values)
      await batches.updateRow(all[5].id, { ...all[5].values, packageCount: '1' }, null)
      await batches.setProblems(all[0].id, { 'check:weightKg': ['Far heavier than the other rows'] })
      expect(await nos('check', 0, 100)).toEqual([1])
      expect(await batches.counts(b.id)).toMatchObject({ invalid: 2, toCheck: 1 })
      await batches.setProblems(all[0].id, { 'check:weightKg': ['Far heavier'], postalCode: ['Four digits'] })
      expect(await batches.counts(b.id)).toMatchObject({ toCheck: 0 })

      // What "Book all" sends, in SQL as the service's isSendable says it: ready rows (3 confirmed, 6 fixed), and a
      // refused row once edited (or refused only because Bring was busy); "open" adds rows on their way. By row number.
      const after = async (filter: Parameters<BatchesStore['rowsAfter']>[1], from: number) => (await batches.rowsAfter(b.id, filter, from, 100)).map((r) => r.rowNo)
      expect(await after('sendable', 0)).toEqual([3, 6])
      await sleep(5)
      await batches.updateRow(all[3].id, { ...all[3].values, name: 'Rettet' }, null)
      expect(await after('sendable', 0)).toEqual([3, 4, 6])
      expect(await after('sendable', 3)).toEqual([4, 6])
      expect(await batches.countUnder(b.id, 'sendable')).toBe(3)
      const busy = await shipments.insertPending(domesticForm({ clientRequestId: all[2].clientRequestId }), {}, 'test', b.id)
      expect(await after('sendable', 0)).toEqual([4, 6])
      expect(await after('open', 0)).toEqual([3, 4, 6])
      await shipments.markStatus(busy.id, 'failed', { code: 'BRING_RATE_LIMITED', message: 'Busy' })
      expect(await after('sendable', 0)).toEqual([3, 4, 6])
      expect(await batches.countUnder(b.id, 'attention')).toBe(5)
    })

    it('start-up pauses a batch that was running when the app stopped', async () => {
      const { batches } = await factory()()
      const b = await batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1)] })
      await batches.setRunState(b.id, 'running')
      expect(await batches.pauseInterrupted()).toBe(1)
      expect(await batches.runState(b.id)).toBe('paused')
    })
  })
}

describe.skipIf(postgresUnavailable() !== '')('batch rows shared by desks (PostgreSQL): claims and leases', () => {
  const make = engines()[1][1]

  it('a row claimed by one desk is not another desk’s until released; the other desk sees it being worked on', async () => {
    const desk = make()
    const a = await desk('Desk A')
    const b = await desk('Desk B')
    const batch = await a.batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1), row(2)] })
    const [r1] = await allBatchRows(a.batches, batch.id)
    expect(await a.batches.claimRow(r1.id)).toEqual({ claimed: true, takenFrom: null })
    expect(await b.batches.claimRow(r1.id)).toEqual({ claimed: false, takenFrom: null })
    expect(await b.batches.othersWorking(batch.id)).toBe(1)
    expect(await a.batches.othersWorking(batch.id)).toBe(0)
    await a.batches.releaseRow(r1.id)
    expect(await b.batches.claimRow(r1.id)).toEqual({ claimed: true, takenFrom: null })
  })

  it('a lease that is renewed holds; one that runs out is taken over, naming the desk that stopped', async () => {
    const desk = make()
    const a = await desk('Desk A', { leaseMs: 600 })
    const b = await desk('Desk B', { leaseMs: 600 })
    const batch = await a.batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1)] })
    const [r1] = await allBatchRows(a.batches, batch.id)
    await a.batches.claimRow(r1.id)
    await sleep(400)
    await a.batches.renewClaims([r1.id])
    await sleep(400)
    expect((await b.batches.claimRow(r1.id)).claimed).toBe(false)
    await sleep(700)
    expect(await b.batches.othersWorking(batch.id)).toBe(0)
    expect(await b.batches.claimRow(r1.id)).toEqual({ claimed: true, takenFrom: 'Desk A' })
    // Desk A, if it was only held up, no longer renews or releases what is now desk B's.
    await a.batches.renewClaims([r1.id])
    await a.batches.releaseRow(r1.id)
    expect((await a.batches.claimRow(r1.id)).claimed).toBe(false)
  })

  it('settling an abandoned row: never sent becomes "not sent"; being sent becomes "outcome unknown"; the stopped desk can no longer send it', async () => {
    const desk = make()
    const a = await desk('Desk A')
    const b = await desk('Desk B')
    const batch = await a.batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1), row(2)] })
    const [r1, r2] = await allBatchRows(a.batches, batch.id)
    const pending = await a.shipments.insertPending(domesticForm({ clientRequestId: r1.clientRequestId }), {}, 'test', batch.id)
    const sending = await a.shipments.insertPending(domesticForm({ clientRequestId: r2.clientRequestId }), {}, 'test', batch.id)
    await a.shipments.markSending(sending.id)
    const messages = { notSent: 'Desk A stopped before sending', unknown: 'Desk A stopped while sending' }
    expect(await b.batches.settleAbandoned(r1.id, messages)).toBe('not_sent')
    expect(await b.batches.settleAbandoned(r2.id, messages)).toBe('outcome_unknown')
    expect((await b.shipments.get(sending.id))!.error).toMatchObject({ message: 'Desk A stopped while sending' })
    // A desk that was only held up finds the row taken: it sends nothing.
    const late = await a.shipments.markSending(pending.id).catch((e: unknown) => e)
    expect(late).toBeInstanceOf(AppError)
    expect((late as AppError).message).toMatch(/Another desk took this booking over/)
    expect((await b.shipments.get(pending.id))!.status).toBe('not_sent')
    // Settled rows are left alone: a booked one stays booked.
    expect(await b.batches.settleAbandoned(r2.id, messages)).toBe('outcome_unknown')
  })

  it('start-up does not pause a batch another desk is running (a live claim)', async () => {
    const desk = make()
    const a = await desk('Desk A')
    const b = await desk('Desk B')
    const batch = await a.batches.create({ name: 'Morgen', mode: 'test', defaults, rows: [row(1)] })
    await a.batches.setRunState(batch.id, 'running')
    const [r1] = await allBatchRows(a.batches, batch.id)
    await a.batches.claimRow(r1.id)
    expect(await b.batches.pauseInterrupted()).toBe(0)
    expect(await b.batches.runState(batch.id)).toBe('running')
  })
})
