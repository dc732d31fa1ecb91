import { afterEach, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { useTempDir } from '../../../helpers/temp-dir'
import { allBatchRows } from '../../../../src/main/services/batches/batch-rows'
import { startCore } from '../../../helpers/app-core'
import { osloDate } from '../../../../src/shared/domain/fields'
import { BATCH_PAGE, IMPORT_CHUNK, checkRow, type BatchDetail, type BatchProgress, type RowValues } from '../../../../src/shared/domain/batches'
import { partySchema } from '../../../../src/shared/domain/booking'

type Core = Awaited<ReturnType<typeof startCore>>

const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contactName: 'Trond', phoneNumber: '+4712345678', email: 'trond@example.no' }
const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: 'Te' }
const row = (i: number, extra: RowValues = {}): RowValues => ({ name: `Mottaker ${i}`, addressLine: `Bryggen ${i}`, postalCode: '5003', city: 'BERGEN', reference: `ORD-${i}`, ...extra })

describe('batches: book many, each row once', () => {
  const tempDir = useTempDir()
  let core: Core | undefined
  afterEach(async () => {
    await core?.close()
    core = undefined
  })

  async function bringTest(dir?: string, timeoutMs = 1500): Promise<Core> {
    core = await startCore(dir ?? (await tempDir()), { timeoutMs })
    await core.useBringTest()
    await core.invoke('settings:set', { defaultSender: sender })
    return core
  }
  async function create(c: Core, rows: RowValues[]): Promise<BatchDetail> {
    const res = await c.invoke('batches:create', { name: 'Morgen', defaults, rows })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as BatchDetail
  }
  async function runToEnd(c: Core, id: string): Promise<BatchDetail> {
    const res = await c.invoke('batches:start', { id })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    await c.deps.batches.settled(id)
    return c.deps.batches.get(id)
  }

  it('checks rows with the booking schema: a 36-character address line and 100 packages are refused on their cells, the rest are ready', async () => {
    const c = await bringTest()
    const b = await create(c, [row(1), row(2, { addressLine: 'x'.repeat(36) }), row(3, { packageCount: '100' }), row(4, { postalCode: '' })])
    expect(b.rows.map((r) => r.status)).toEqual(['ready', 'invalid', 'invalid', 'invalid'])
    expect(b.rows[1].problems.addressLine?.[0]).toMatch(/35/)
    expect(b.rows[2].problems.packageCount?.[0]).toMatch(/99/)
    expect(b.rows[3].problems.postalCode).toBeDefined()
    // Fixed in place: the row becomes ready and nothing else changes.
    const fixed = await c.invoke('batches:updateRow', { rowId: b.rows[1].id, values: { ...b.rows[1].values, addressLine: 'Bryggen 2' } })
    expect(fixed.ok && (fixed.data as BatchDetail).rows[1].status).toBe('ready')
  })

  it('200 rows through injected 429s, timeouts and resets: every row booked or unknown, none doubled at Bring, progress reaches the end; Book all again sends nothing', async () => {
    const c = await bringTest(undefined, 700)
    const b = await create(
      c,
      Array.from({ length: 200 }, (_, i) => row(i + 1))
    )
    const progress: BatchProgress[] = []
    c.deps.events.subscribe((_e, p) => progress.push(p as BatchProgress))
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 3 })
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'timeout', afterHandling: true }, times: 2 })
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'reset' }, times: 2 })
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'timeout' }, times: 1 })
    const done = await runToEnd(c, b.id)

    const statuses = done.rows.map((r) => r.status)
    expect(statuses.every((s) => s === 'booked' || s === 'outcome_unknown')).toBe(true)
    const unknown = done.rows.filter((r) => r.status === 'outcome_unknown')
    expect(unknown).toHaveLength(5) // 2 timeouts after booking, 2 resets, 1 timeout before
    expect(done.counts).toMatchObject({ total: 200, booked: 195, unknown: 5, ready: 0, inFlight: 0 })
    const doubled = [...c.sim.state.bookings.values()].filter((n) => n > 1)
    expect(doubled).toEqual([])
    expect(c.sim.state.bookings.size).toBe(197) // 195 booked + the 2 Bring booked whose answer was lost
    expect(progress.at(-1)).toMatchObject({ batchId: b.id, runState: 'done', counts: { booked: 195, unknown: 5 } })

    const again = await c.invoke('batches:start', { id: b.id })
    expect(again.ok).toBe(false)
    expect([...c.sim.state.bookings.values()].filter((n) => n > 1)).toEqual([])
  }, 60_000)

  it('after a crash with rows in every state, Book all books only rows that never reached Bring and leaves the unknown ones to the user', async () => {
    const dir = await tempDir()
    let c = await bringTest(dir)
    const b = await create(c, [row(1), row(2), row(3), row(4), row(5), row(6, { postalCode: 'abc' })])
    const rows = await allBatchRows(c.deps.stores.batches, b.id)
    const senderParty = partySchema.parse({ ...sender, contact: { name: sender.contactName, phoneNumber: sender.phoneNumber, email: sender.email } })
    const formOf = (i: number) => {
      const r = checkRow(b.defaults, rows[i].values, senderParty, rows[i].clientRequestId)
      if (!r.ok) throw new Error('row should be valid')
      return r.form
    }
    const repo = c.deps.localShipments
    // Row 1 booked at Bring; row 2 saved but never sent; row 3 handed off when the app died; row 4 refused by Bring.
    await c.deps.booking.submit(formOf(0), { batchId: b.id })
    repo.insertPending(formOf(1), {}, 'test', b.id)
    const sending = repo.insertPending(formOf(2), {}, 'test', b.id)
    repo.markSending(sending.id)
    const refused = repo.insertPending(formOf(3), {}, 'test', b.id)
    repo.markStatus(refused.id, 'failed', { code: 'BRING_VALIDATION', message: 'Refused' })
    await c.deps.stores.batches.setRunState(b.id, 'running')
    await c.close()
    core = undefined

    c = await bringTest(dir)
    const before = await c.deps.batches.get(b.id)
    expect(before.runState).toBe('paused')
    expect(before.rows.map((r) => r.status)).toEqual(['booked', 'not_sent', 'outcome_unknown', 'failed', 'ready', 'invalid'])
    expect(c.deps.notices().map((n) => n.key)).toContain('batchesPaused')

    const after = await runToEnd(c, b.id)
    expect(after.rows.map((r) => r.status)).toEqual(['booked', 'booked', 'outcome_unknown', 'failed', 'booked', 'invalid'])
    const sent = c.sim.requests.filter((r) => r.routeId === 'booking.book').map((r) => (r.body as { consignments: { correlationId: string }[] }).consignments[0].correlationId)
    // Row 2 was a shipment already: sent again as that shipment, under its next request id (the first stays its own).
    const row2 = after.rows[1].shipmentId!
    const row2Requests = await c.deps.stores.shipments.requestIds(row2)
    expect(row2Requests).toHaveLength(2)
    expect(row2Requests[0]).toBe(rows[1].clientRequestId)
    expect(sent.sort()).toEqual([row2Requests[1], rows[4].clientRequestId].sort())
    // The history knows which batch each shipment came from.
    const history = c.deps.localShipments.list({ query: '', limit: 50, offset: 0 }).items
    expect(history.filter((s) => s.batchId === b.id)).toHaveLength(5)
  }, 30_000)

  it('unusual values are held as "check this" (60 packages, a weight far from the rest): Book all leaves them; "it is right" books them as they are; the flag survives a re-check until confirmed', async () => {
    const c = await bringTest()
    const rows = [...Array.from({ length: 8 }, (_, i) => row(i + 1, { weightKg: '1,5' })), row(9, { weightKg: '1,5', packageCount: '60' }), row(10, { weightKg: '30' })]
    const b = await create(c, rows)
    const byNo = (d: BatchDetail, n: number) => d.rows.find((r) => r.rowNo === n)!
    expect(byNo(b, 9)).toMatchObject({ status: 'invalid', problems: { 'check:packageCount': ['Check this: 60 packages to one recipient'] } })
    expect(byNo(b, 10)).toMatchObject({ status: 'invalid', problems: { 'check:weightKg': ["Check this: 30 kg a package, far more than this file's usual 1.5 kg"] } })
    expect(b.rows.filter((r) => r.status === 'ready')).toHaveLength(8)
    // New defaults re-check every row: still held.
    const again = await c.call('batches:setDefaults', { id: b.id, defaults: { ...defaults, goodsDescription: 'Te og kopper' } })
    expect(byNo(again, 9).status).toBe('invalid')
    const done = await runToEnd(c, b.id)
    expect(done.counts).toMatchObject({ booked: 8, invalid: 2 })
    expect(c.sim.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(8)
    // The clerk confirms row 10 (it really is 30 kg) and fixes row 9 to 6 packages.
    const confirmed = await c.call('batches:confirmRow', { rowId: byNo(done, 10).id })
    expect(byNo(confirmed, 10)).toMatchObject({ status: 'ready', problems: {} })
    const fixed = await c.call('batches:updateRow', { rowId: byNo(done, 9).id, values: { ...byNo(done, 9).values, packageCount: '6' } })
    expect(byNo(fixed, 9).status).toBe('ready')
    // Confirmation holds for those values through a re-check; a row with a real problem has nothing to confirm.
    expect(byNo(await c.call('batches:setDefaults', { id: b.id, defaults }), 10).status).toBe('ready')
    expect((await c.invoke('batches:confirmRow', { rowId: byNo(fixed, 1).id })).ok).toBe(false)
    const last = await runToEnd(c, b.id)
    expect(last.counts).toMatchObject({ booked: 10, invalid: 0 })
  })

  it('rows are numbered by their line in the file (one numbering everywhere); lines must rise and follow the rows already there', async () => {
    const c = await bringTest()
    const b = await c.call('batches:create', { name: 'Fil', defaults, rows: [row(1), row(2), row(3)], lines: [2, 4, 5] })
    expect(b.rows.map((r) => r.rowNo)).toEqual([2, 4, 5])
    const more = await c.call('batches:appendRows', { id: b.id, rows: [row(4)], lines: [9] })
    expect(more.counts.total).toBe(4)
    expect((await c.call('batches:get', { id: b.id })).rows.map((r) => r.rowNo)).toEqual([2, 4, 5, 9])
    expect((await c.invoke('batches:appendRows', { id: b.id, rows: [row(5)], lines: [7] })).ok).toBe(false)
    expect((await c.invoke('batches:create', { name: 'Fil', defaults, rows: [row(1), row(2)], lines: [3, 2] })).ok).toBe(false)
    expect((await c.invoke('batches:create', { name: 'Fil', defaults, rows: [row(1), row(2)], lines: [2] })).ok).toBe(false)
    // Rows from the address book or the history have no file: numbered 1, 2, 3 …
    expect((await c.call('batches:create', { name: 'Uten fil', defaults, rows: [row(1), row(2)] })).rows.map((r) => r.rowNo)).toEqual([1, 2])
  })

  it('a 5,000-row import in chunks of 500: each chunk is answered with the counts, not every row again (the answers were 6.6 MB together); the batch is read once at the end', async () => {
    const c = await bringTest()
    const rows = Array.from({ length: 5000 }, (_, i) => row(i + 1))
    const b = await c.call('batches:create', { name: 'Stor fil', defaults, rows: rows.slice(0, IMPORT_CHUNK) })
    let answered = 0
    for (let i = IMPORT_CHUNK; i < rows.length; i += IMPORT_CHUNK) {
      const more = await c.call('batches:appendRows', { id: b.id, rows: rows.slice(i, i + IMPORT_CHUNK) })
      answered += JSON.stringify(more).length
      expect(more.counts.total).toBe(Math.min(rows.length, i + IMPORT_CHUNK))
    }
    expect(answered).toBeLessThan(20_000)
    const whole = await c.call('batches:get', { id: b.id })
    expect(whole.counts).toMatchObject({ total: 5000, ready: 5000, invalid: 0 })
    // The batch is read a page at a time: its detail carries the first page, every other row is one page away.
    expect(whole.rows.map((r) => r.rowNo)).toEqual(Array.from({ length: BATCH_PAGE }, (_, i) => i + 1))
    expect(JSON.stringify(whole).length).toBeLessThan(100_000)
    const last = await c.call('batches:rows', { id: b.id, filter: 'all', offset: 4900, limit: 500 })
    expect(last.rows.map((r) => r.values.name)).toEqual(Array.from({ length: 100 }, (_, i) => `Mottaker ${4901 + i}`))
  }, 60_000)

  it('each chunk of an import is compared with the rows before it: a weight far from the file\'s is held to check in the fifth chunk as in the first', async () => {
    const c = await bringTest()
    const chunk = (from: number, heavy?: number) => Array.from({ length: IMPORT_CHUNK }, (_, i) => row(from + i, { weightKg: from + i === heavy ? '30' : '1,5' }))
    const b = await c.call('batches:create', { name: 'Vekter', defaults, rows: chunk(1, 3) })
    for (let n = 1; n < 5; n++) await c.call('batches:appendRows', { id: b.id, rows: chunk(n * IMPORT_CHUNK + 1, n === 4 ? 2222 : undefined) })
    const check = await c.call('batches:rows', { id: b.id, filter: 'check', offset: 0, limit: 10 })
    expect(check.rows.map((r) => [r.values.name, Object.keys(r.problems)])).toEqual([
      ['Mottaker 3', ['check:weightKg']],
      ['Mottaker 2222', ['check:weightKg']]
    ])
    expect((await c.call('batches:get', { id: b.id })).counts).toMatchObject({ total: 2500, invalid: 2, toCheck: 2 })
  })

  it('new defaults re-check every row of a big batch page by page: rows past the first pages change with them, and back', async () => {
    const c = await bringTest()
    // No row has its own weight: the default's 40 kg is over the service's limit for every one of them.
    const rows = Array.from({ length: 1200 }, (_, i) => row(i + 1, { weightKg: '' }))
    const b = await c.call('batches:create', { name: 'Tunge', defaults, rows: rows.slice(0, IMPORT_CHUNK) })
    for (let i = IMPORT_CHUNK; i < rows.length; i += IMPORT_CHUNK) await c.call('batches:appendRows', { id: b.id, rows: rows.slice(i, i + IMPORT_CHUNK) })
    const heavy = await c.call('batches:setDefaults', { id: b.id, defaults: { ...defaults, weightKg: '40' } })
    expect(heavy.counts).toMatchObject({ total: 1200, invalid: 1200, ready: 0 })
    const last = await c.call('batches:rows', { id: b.id, filter: 'attention', offset: 1199, limit: 1 })
    expect(last.rows.map((r) => [r.rowNo, Object.keys(r.problems)])).toEqual([[1200, ['weightKg']]])
    expect((await c.call('batches:setDefaults', { id: b.id, defaults })).counts).toMatchObject({ invalid: 0, ready: 1200 })
  }, 60_000)

  it('the table under a filter: rows that need attention and rows to check, paged; the counts say how many each holds', async () => {
    const c = await bringTest()
    const rows = Array.from({ length: 300 }, (_, i) => row(i + 1, i % 50 === 7 ? { postalCode: '12' } : i === 120 ? { packageCount: '60' } : {}))
    const b = await c.call('batches:create', { name: 'Filter', defaults, rows })
    const attention = await c.call('batches:rows', { id: b.id, filter: 'attention', offset: 0, limit: 4 })
    expect(attention.rows.map((r) => r.rowNo)).toEqual([8, 58, 108, 121])
    expect((await c.call('batches:rows', { id: b.id, filter: 'attention', offset: 4, limit: 100 })).rows.map((r) => r.rowNo)).toEqual([158, 208, 258])
    const check = await c.call('batches:rows', { id: b.id, filter: 'check', offset: 0, limit: 100 })
    expect(check.offset).toBe(0)
    expect(check.rows.map((r) => [r.rowNo, Object.keys(r.problems)])).toEqual([[121, ['check:packageCount']]])
    expect((await c.call('batches:get', { id: b.id })).counts).toMatchObject({ total: 300, invalid: 7, toCheck: 1 })
    expect((await c.invoke('batches:rows', { id: b.id, filter: 'everything' as 'all', offset: 0, limit: 10 })).ok).toBe(false)
    expect((await c.invoke('batches:rows', { id: b.id, filter: 'all', offset: 0, limit: 100_000 })).ok).toBe(false)
  })

  it('merges the labels of the booked rows into one PDF in row order and writes the result CSV', async () => {
    const c = await bringTest()
    const b = await create(c, [row(1), row(2, { name: '' }), row(3), row(4)])
    await runToEnd(c, b.id)
    const res = await c.invoke('batches:openLabels', { id: b.id })
    expect(res).toMatchObject({ ok: true, data: { opened: true, pages: 3, missingRows: [] } })
    const pdf = await PDFDocument.load(await readFile(c.openedPaths.at(-1)!))
    expect(pdf.getPageCount()).toBe(3)
    expect(path.dirname(c.openedPaths.at(-1)!)).toBe(await import('node:fs/promises').then((f) => f.realpath(c.deps.app.labelsDir)))

    const headers = ['Rad', 'Mottaker', 'Postnr', 'Poststed', 'Referanse', 'Sendingsnr', 'Sporing', 'Status', 'Feil']
    const csvRes = await c.invoke('batches:openResult', { id: b.id, headers, statuses: { booked: 'Booket', invalid: 'Ugyldig' } })
    expect(csvRes.ok).toBe(true)
    const csv = await readFile(c.openedPaths.at(-1)!, 'utf8')
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(lines[0]).toBe(headers.join(';'))
    expect(lines).toHaveLength(5)
    // A test booking: Bring does not track it, so the result gives no tracking link that would lead nowhere.
    expect(lines[1]).toMatch(/^1;Mottaker 1;5003;BERGEN;ORD-1;\d+;;Booket;$/)
    expect(lines[2]).toMatch(/^2;;5003;BERGEN;ORD-2;;;Ugyldig;Name is required/)
    // On a Norwegian desk the problems are written in Norwegian too, as the window shows them.
    await c.invoke('settings:set', { language: 'nb' })
    expect((await c.invoke('batches:openResult', { id: b.id, headers, statuses: { booked: 'Booket', invalid: 'Ugyldig' } })).ok).toBe(true)
    const nbLines = (await readFile(c.openedPaths.at(-1)!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/)
    expect(nbLines[2]).toMatch(/^2;;5003;BERGEN;ORD-2;;;Ugyldig;Navn må fylles ut/)
  })

  it('a 60-row batch with 5 wrong cities: the check against Bring’s postal code register flags exactly those 5 before anything is sent, and one is fixed in place', async () => {
    const c = await bringTest()
    const places = [['5003', 'BERGEN'], ['1337', 'SANDVIKA'], ['7010', 'TRONDHEIM'], ['4006', 'STAVANGER'], ['9008', 'TROMSØ'], ['0150', 'Oslo']]
    const wrong = new Set([7, 19, 23, 41, 58])
    const rows = Array.from({ length: 60 }, (_, i) => {
      const [postalCode, city] = places[i % places.length]
      return row(i + 1, { postalCode, city: wrong.has(i + 1) ? 'FEILBY' : city })
    })
    const b = await create(c, rows)
    const flagged = b.rows.filter((r) => r.status === 'invalid')
    expect(flagged.map((r) => r.rowNo)).toEqual([...wrong])
    expect(flagged.every((r) => Object.keys(r.problems).join() === 'city' && /^Bring's city for \d{4} is /.test(r.problems.city![0]))).toBe(true)
    expect(c.sim.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(0)
    // Asked once per postal code (six codes and the sender's), not once per row.
    expect(c.sim.requests.filter((r) => r.routeId === 'postal-code.lookup').length).toBeLessThanOrEqual(7)
    const fixed = await c.invoke('batches:updateRow', { rowId: flagged[0].id, values: { ...flagged[0].values, city: 'BERGEN' } })
    expect(fixed.ok && fixed.data.rows[6]).toMatchObject({ status: 'ready', problems: {} })
  })

  it('stops when nothing reaches Bring (offline): the batch pauses with the rest of the rows still unsent', async () => {
    const c = await bringTest()
    // The rows' postal codes cannot be asked (so no idle keep-alive connection to Bring is left open: a
    // booking POSTed on a socket the server has just dropped would be "outcome unknown", not "not sent").
    c.sim.faults.add({ routeId: 'postal-code.lookup', fault: { kind: 'reset' } })
    const b = await create(c, Array.from({ length: 30 }, (_, i) => row(i + 1)))
    await c.server.close()
    const done = await runToEnd(c, b.id)
    expect(done.runState).toBe('paused')
    expect(done.counts.booked).toBe(0)
    expect(done.counts.notSent + done.counts.ready).toBe(30)
    expect(done.counts.notSent).toBeLessThanOrEqual(8)
  })
})
