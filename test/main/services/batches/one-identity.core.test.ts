// A shipment has one identity (its id) however it is booked, resent or resolved: a batch row follows
// its shipment through "Send again" in Shipments, "Mark as booked", "It was not booked", a refused
// row fixed in place, and Cancel, and never books the same parcel twice. Run on both engines: the
// desk's own SQLite file and the shared PostgreSQL database.
import { afterEach, describe, expect, it } from 'vitest'
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore } from '../../../helpers/app-core'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { osloDate } from '../../../../src/shared/domain/fields'
import type { BatchDetail, RowValues } from '../../../../src/shared/domain/batches'
import type { ShipmentDetail } from '../../../../src/shared/domain/booking'
import type { Simulator } from '../../../../src/main/services/bring-simulator/engine'

type Core = Awaited<ReturnType<typeof startCore>>

const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contactName: 'Trond', phoneNumber: '+4712345678', email: 'trond@example.no' }
const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: 'Te' }
const row = (i: number, extra: RowValues = {}): RowValues => ({ name: `Mottaker ${i}`, addressLine: `Bryggen ${i}`, postalCode: '5003', city: 'BERGEN', reference: `ORD-${i}`, ...extra })

/** Recipients Bring booked more than once: the double booking this issue is about. */
const bookedTwice = (sim: Simulator): string[] => {
  const n = new Map<string, number>()
  for (const c of sim.state.consignments.values()) n.set(c.recipient.name, (n.get(c.recipient.name) ?? 0) + 1)
  return [...n].filter(([, k]) => k > 1).map(([name]) => name)
}
const bookingRequests = (sim: Simulator): number => sim.requests.filter((r) => r.routeId === 'booking.book').length

const data = <T>(res: { ok: boolean; data?: unknown; error?: unknown }): T => {
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data as T
}

const engines: [string, () => string][] = [
  ['SQLite', () => ''],
  ['PostgreSQL', postgresUnavailable]
]

for (const [engine, unavailable] of engines) {
  describe.skipIf(unavailable() !== '')(`${engine}: one shipment, one identity`, () => {
    const tempDir = useTempDir()
    const newDatabase = usePostgresDatabase()
    let core: Core | undefined
    afterEach(async () => {
      await core?.close()
      core = undefined
    })

    /** A desk in Bring test mode; on PostgreSQL its history is a fresh shared database. */
    async function desk(dir?: string): Promise<{ c: Core; dir: string }> {
      const userData = dir ?? (await tempDir())
      if (!dir && engine === 'PostgreSQL') {
        await writeFile(path.join(userData, 'settings.json'), JSON.stringify({ sharedDatabase: { url: await newDatabase(), tls: false, caFile: '', deskName: 'Desk A' } }))
      }
      const c = await startCore(userData, { timeoutMs: 1500 })
      core = c
      await c.useBringTest()
      await c.invoke('settings:set', { defaultSender: sender })
      return { c, dir: userData }
    }
    const create = async (c: Core, rows: RowValues[]): Promise<BatchDetail> => data(await c.invoke('batches:create', { name: 'Morgen', defaults, rows }))
    async function runToEnd(c: Core, id: string, extra: object = {}): Promise<BatchDetail> {
      data(await c.invoke('batches:start', { id, ...extra }))
      await c.deps.batches.settled(id)
      return c.deps.batches.get(id)
    }

    it('a 503 mid-batch, "Send again" in Shipments: the row shows the new consignment number, and Book all (even after a restart) sends nothing', async () => {
      const { c, dir } = await desk()
      const b = await create(c, Array.from({ length: 12 }, (_, i) => row(i + 1)))
      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 503 }, times: 2 })
      const first = await runToEnd(c, b.id)
      const unknown = first.rows.filter((r) => r.status === 'outcome_unknown')
      expect(unknown).toHaveLength(2)
      // One message, one story: Bring answered with an error, it may or may not have booked; never "try again in a few minutes".
      expect(unknown[0].error?.message).toMatch(/^Bring answered with an error \(HTTP 503\)\. Bring may or may not have booked this shipment\./)
      expect(unknown[0].error?.message).not.toMatch(/few minutes|never arrived/)

      // Shipments → the row's shipment → "Send again".
      const resent = data<ShipmentDetail>(await c.invoke('shipments:retry', { id: unknown[0].shipmentId! }))
      expect(resent.status).toBe('booked')
      expect(resent.id).toBe(unknown[0].shipmentId)
      const after = await c.deps.batches.get(b.id)
      const rowNow = after.rows.find((r) => r.id === unknown[0].id)!
      expect(rowNow).toMatchObject({ status: 'booked', shipmentId: resent.id, consignmentNumber: resent.consignmentNumber })
      expect(after.counts).toMatchObject({ booked: 11, unknown: 1, ready: 0, notSent: 0 })
      // Both request ids are the shipment's own, for ever.
      expect(await c.deps.stores.shipments.requestIds(resent.id)).toHaveLength(2)

      const sentBefore = bookingRequests(c.sim)
      const again = await c.invoke('batches:start', { id: b.id })
      expect(again.ok).toBe(false)
      await c.close()
      core = undefined
      const reopened = (await desk(dir)).c
      reopened.sim.state.consignments.clear()
      const afterRestart = await reopened.deps.batches.get(b.id)
      expect(afterRestart.rows.find((r) => r.id === unknown[0].id)).toMatchObject({ status: 'booked', consignmentNumber: resent.consignmentNumber })
      expect((await reopened.invoke('batches:start', { id: b.id })).ok).toBe(false)
      expect(bookingRequests(reopened.sim)).toBe(0)
      expect(bookingRequests(c.sim)).toBe(sentBefore)
      expect(bookedTwice(c.sim)).toEqual([])
    }, 30_000)

    it('"Mark as booked" with the number from Mybring: the row is booked with it, Book all sends nothing, and Print all labels says where its label is', async () => {
      const { c } = await desk()
      const b = await create(c, [row(1), row(2)])
      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'timeout', afterHandling: true }, times: 1 })
      const first = await runToEnd(c, b.id)
      const unknown = first.rows.find((r) => r.status === 'outcome_unknown')!
      data(await c.invoke('shipments:resolve', { id: unknown.shipmentId!, booked: true, consignmentNumber: '70438101234567890' }))
      const after = await c.deps.batches.get(b.id)
      expect(after.rows.find((r) => r.id === unknown.id)).toMatchObject({ status: 'booked', consignmentNumber: '70438101234567890' })
      const sent = bookingRequests(c.sim)
      expect((await c.invoke('batches:start', { id: b.id })).ok).toBe(false)
      expect(bookingRequests(c.sim)).toBe(sent)
      const labels = data<{ pages: number; missingRows: number[]; noLinkRows: number[] }>(await c.invoke('batches:openLabels', { id: b.id }))
      expect(labels).toMatchObject({ pages: 1, missingRows: [], noLinkRows: [unknown.rowNo] })
    }, 30_000)

    it('"It was not booked": the row waits to be sent and Book all counts and books it once; "not booked → send again now" is one step', async () => {
      const { c } = await desk()
      const b = await create(c, [row(1), row(2), row(3)])
      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'reset' }, times: 2 })
      const first = await runToEnd(c, b.id)
      const [u1, u2] = first.rows.filter((r) => r.status === 'outcome_unknown')
      expect(u2).toBeDefined()
      c.sim.state.consignments.clear() // the resets never reached Bring's books: nothing of them is there

      // Checked in Mybring, not there: the row becomes sendable, and editable.
      const checked = data<ShipmentDetail>(await c.invoke('shipments:resolve', { id: u1.shipmentId!, booked: false }))
      expect(checked.status).toBe('cancelled_by_user')
      const waiting = await c.deps.batches.get(b.id)
      expect(waiting.counts.notSent).toBe(1)
      expect(data<BatchDetail>(await c.invoke('batches:updateRow', { rowId: u1.id, values: { ...u1.values, reference: 'ORD-1b' } })).rows.find((r) => r.id === u1.id)?.status).toBe('cancelled_by_user')
      const second = await runToEnd(c, b.id)
      expect(second.rows.find((r) => r.id === u1.id)).toMatchObject({ status: 'booked', shipmentId: u1.shipmentId })
      // The other: not booked, send again now, in one step from wherever it is shown.
      const now = data<ShipmentDetail>(await c.invoke('shipments:resolve', { id: u2.shipmentId!, booked: false, sendAgain: true }))
      expect(now).toMatchObject({ id: u2.shipmentId, status: 'booked' })
      const done = await c.deps.batches.get(b.id)
      expect(done.counts).toMatchObject({ booked: 3, unknown: 0, notSent: 0 })
      expect((await c.invoke('batches:start', { id: b.id })).ok).toBe(false)
      expect(bookedTwice(c.sim)).toEqual([])
      expect(c.sim.state.consignments.size).toBe(2)
    }, 30_000)

    it('the pre-check catches what the catalogue knows; a row Bring refused is fixed in place (service changed) and booked as the same shipment', async () => {
      const { c } = await desk()
      const b = await create(c, [row(1), row(2, { countryCode: 'SE', postalCode: '41101', city: 'GÖTEBORG' }), row(3, { weightKg: '40' })])
      // Nothing sent for what the catalogue already refuses: a domestic service abroad, 40 kg on a 35 kg service.
      expect(b.rows[1]).toMatchObject({ status: 'invalid', problems: { productId: [expect.stringMatching(/only delivers within Norway/)] } })
      expect(b.rows[2]).toMatchObject({ status: 'invalid', problems: { weightKg: ['At most 35 kg per package with this service'] } })

      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 400 }, times: 1 })
      const first = await runToEnd(c, b.id)
      const refused = first.rows[0]
      expect(refused.status).toBe('failed')
      // Fixed where it failed: another service on the row; the same shipment is sent again.
      const fixed = data<BatchDetail>(await c.invoke('batches:updateRow', { rowId: refused.id, values: { ...refused.values, productId: '5600' } }))
      expect(fixed.counts.failed).toBe(1)
      const second = await runToEnd(c, b.id)
      expect(second.rows[0]).toMatchObject({ status: 'booked', shipmentId: refused.shipmentId })
      expect((await c.deps.stores.shipments.get(refused.shipmentId!))!.productId).toBe('5600')
      expect(bookedTwice(c.sim)).toEqual([])
    }, 30_000)

    it('a Swedish address on the domestic 5800 is fixed in the row: another service, then the customs the check asks for, and it is booked', async () => {
      const { c } = await desk()
      const b = await create(c, [row(1), row(2, { countryCode: 'SE', postalCode: '41101', city: 'GÖTEBORG', goodsDescription: 'Te' })])
      const swedish = b.rows[1]
      expect(swedish.problems.productId?.[0]).toMatch(/only delivers within Norway/)
      // The service the row needs: now the customs declaration is asked for, on the row's customs fields.
      const moved = data<BatchDetail>(await c.invoke('batches:updateRow', { rowId: swedish.id, values: { ...swedish.values, productId: 'PICKUP_PARCEL' } }))
      expect(Object.keys(moved.rows[1].problems)).toContain('customsValue')
      const declared = data<BatchDetail>(await c.invoke('batches:updateRow', { rowId: swedish.id, values: { ...swedish.values, productId: 'PICKUP_PARCEL', customsValue: '499', customsCode: '0902', customsConsent: 'ja' } }))
      expect(declared.rows[1]).toMatchObject({ status: 'ready', problems: {} })
      const done = await runToEnd(c, b.id)
      expect(done.rows.map((r) => r.status)).toEqual(['booked', 'booked'])
      const sent = c.sim.requests.filter((r) => r.routeId === 'booking.book').map((r) => (r.body as { consignments: { product: { id: string; customsDeclaration?: unknown; ediCustomsDeclarations?: unknown } }[] }).consignments[0].product)
      expect(sent.find((p) => p.id === 'PICKUP_PARCEL')?.ediCustomsDeclarations).toBeDefined()
    }, 30_000)

    it('Cancel is final: Book all afterwards sends nothing; only "Book the rest" sends the rows it left, each once', async () => {
      const { c } = await desk()
      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'latency', ms: 150 }, times: 1000 })
      const b = await create(c, Array.from({ length: 40 }, (_, i) => row(i + 1)))
      data(await c.invoke('batches:start', { id: b.id }))
      while (bookingRequests(c.sim) < 5) await new Promise((r) => setTimeout(r, 10))
      const cancelled = data<BatchDetail>(await c.invoke('batches:stop', { id: b.id, how: 'cancel' }))
      // Said honestly: bookings already on their way land after Cancel, and the window is told how many.
      expect(cancelled.stopping).toBe('cancel')
      expect(cancelled.counts.inFlight).toBeGreaterThan(0)
      await c.deps.batches.settled(b.id)
      const stopped = await c.deps.batches.get(b.id)
      expect(stopped.runState).toBe('cancelled')
      expect(stopped.counts.inFlight).toBe(0)
      const sent = bookingRequests(c.sim)
      const refused = await c.invoke('batches:start', { id: b.id })
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } })
      expect(bookingRequests(c.sim)).toBe(sent)
      const rest = await runToEnd(c, b.id, { rest: true })
      expect(rest.counts.booked).toBe(40)
      expect(bookedTwice(c.sim)).toEqual([])
    }, 30_000)
  })
}

describe.skipIf(postgresUnavailable() !== '')('two desks (shared PostgreSQL): desk B resolves an unknown row of desk A’s batch', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cores: Core[] = []
  afterEach(async () => {
    for (const c of cores.splice(0).reverse()) await c.close()
  })

  it('desk A’s view follows within a second, and neither desk sends the row again', async () => {
    const url = await newDatabase()
    const deskDir = async (deskName: string): Promise<string> => {
      const dir = await tempDir()
      await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url, tls: false, caFile: '', deskName }, defaultSender: sender }))
      return dir
    }
    const a = await startCore(await deskDir('Desk A'), { timeoutMs: 1500 })
    cores.push(a)
    const b = await startCore(await deskDir('Desk B'), { timeoutMs: 1500, bring: { sim: a.sim, server: a.server } })
    cores.push(b)
    await a.useBringTest()
    await b.useBringTest()

    const batch = data<BatchDetail>(await a.invoke('batches:create', { name: 'Fredag', defaults, rows: [row(1), row(2), row(3)] }))
    a.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 503 }, times: 1 })
    data(await a.invoke('batches:start', { id: batch.id }))
    await a.deps.batches.settled(batch.id)
    const unknown = (await a.deps.batches.get(batch.id)).rows.find((r) => r.status === 'outcome_unknown')!

    // Desk A is watching; desk B checked Mybring (not there) and sends it again now.
    const seenOnA = new Promise<number>((resolve) => {
      const started = Date.now()
      a.deps.events.subscribe((event, payload) => {
        if (event === 'shipments:changed' && (payload as { shipmentId: string; status: string }).shipmentId === unknown.shipmentId && (payload as { status: string }).status === 'booked') resolve(Date.now() - started)
      })
    })
    const resolved = data<ShipmentDetail>(await b.invoke('shipments:resolve', { id: unknown.shipmentId!, booked: false, sendAgain: true }))
    expect(resolved.status).toBe('booked')
    const lag = await Promise.race([seenOnA, new Promise<number>((r) => setTimeout(() => r(Infinity), 1000))])
    expect(lag).toBeLessThan(1000)
    expect((await a.deps.batches.get(batch.id)).rows.find((r) => r.id === unknown.id)).toMatchObject({ status: 'booked', consignmentNumber: resolved.consignmentNumber })

    const sent = bookingRequests(a.sim)
    expect((await a.invoke('batches:start', { id: batch.id })).ok).toBe(false)
    expect((await b.invoke('batches:start', { id: batch.id })).ok).toBe(false)
    // A's own "Send again" on the row it still had open is refused: the shipment is booked.
    expect((await a.invoke('shipments:retry', { id: unknown.shipmentId! })).ok).toBe(false)
    expect(bookingRequests(a.sim)).toBe(sent)
    expect(bookedTwice(a.sim)).toEqual([])
  }, 30_000)
})
