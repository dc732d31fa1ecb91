// One contract, two engines: the embedded SQLite repository and the shared PostgreSQL store must
// behave alike for everything the booking service and the history screens ask of them.
import { describe, expect, it } from 'vitest'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { DuplicateRequestError, type ShipmentsStore } from '../../../../src/main/services/store/shipments'
import { sqliteShipmentsStore } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { pgShipmentsStore } from '../../../../src/main/services/store/postgres/shipments-store'
import { TOTAL_CAP } from '../../../../src/main/services/store/engine'
import { domesticForm } from '../../../helpers/booking-form'
import { storeEngines } from '../../../helpers/store-engines'

const recipient = (name: string, postalCode = '5003', city = 'BERGEN', reference = 'ORDER-1') => ({
  recipient: { name, addressLine: 'Bryggen 1', postalCode, city, countryCode: 'NO', reference }
})
const messages = { notSent: 'not sent', unknown: 'unknown' }

type Clock = { now: Date }

// Every store made in one test shares one database: on PostgreSQL two stores are two desks.
const engines = () =>
  storeEngines<[clock: Clock, desk?: string], ShipmentsStore>({
    sqlite: (db, clock) => sqliteShipmentsStore(createShipmentsRepo(db, () => clock.now)),
    postgres: (db, clock, desk = 'Desk A') => pgShipmentsStore(db, desk, { now: () => clock.now })
  })

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`shipments store contract: ${engine}`, () => {
    it('keeps a pending booking with its full form and request, finds it by id and by client request id', async () => {
      const clock = { now: new Date('2026-11-02T10:00:00Z') }
      const store = await factory()(clock)
      const form = domesticForm({ additionalServices: ['1280'] })
      const created = await store.insertPending(form, { consignments: [{ correlationId: form.clientRequestId }] }, 'test')
      expect(created).toMatchObject({ status: 'pending', mode: 'test', recipientName: 'Kari Mottaker', reference: 'ORDER-1001', createdAt: '2026-11-02T10:00:00.000Z', hasLabel: false, confirmation: null })
      expect((await store.get(created.id))!.form).toEqual(form)
      expect((await store.get(created.id))!.request).toEqual({ consignments: [{ correlationId: form.clientRequestId }] })
      expect((await store.findByClientRequest(form.clientRequestId))!.id).toBe(created.id)
      expect(await store.get('no-such-id')).toBeNull()
      expect(await store.findByClientRequest('no-such-request')).toBeNull()
    })

    it('one form is one booking: a second insert of the same client request id is refused, from any desk', async () => {
      const clock = { now: new Date() }
      const make = factory()
      const deskA = await make(clock, 'Desk A')
      const deskB = await make(clock, 'Desk B')
      const form = domesticForm()
      await deskA.insertPending(form, {}, 'live')
      await expect(deskA.insertPending(form, {}, 'live')).rejects.toBeInstanceOf(DuplicateRequestError)
      await expect(deskB.insertPending(form, {}, 'live')).rejects.toBeInstanceOf(DuplicateRequestError)
      expect((await deskA.list({ query: '', limit: 10, offset: 0 })).items).toHaveLength(1)
    })

    it('walks a booking through sending, booked, label file; a failed one through renew and replace', async () => {
      const clock = { now: new Date('2026-11-02T10:00:00Z') }
      const store = await factory()(clock)
      const a = await store.insertPending(domesticForm(), {}, 'test')
      await store.markSending(a.id)
      expect((await store.get(a.id))!.status).toBe('sending')
      clock.now = new Date('2026-11-02T10:00:05Z')
      await store.markBooked(a.id, { consignmentNumber: '70438101000000001', packageNumbers: ['370438101000000011', '370438101000000012'], trackingUrl: 'https://tracking.bring.com/tracking/70438101000000001' })
      const booked = (await store.get(a.id))!
      expect(booked).toMatchObject({ status: 'booked', consignmentNumber: '70438101000000001', updatedAt: '2026-11-02T10:00:05.000Z', error: null })
      expect(booked.confirmation).toMatchObject({ consignmentNumber: '70438101000000001', packageNumbers: ['370438101000000011', '370438101000000012'] })
      expect(await store.labelFile(a.id)).toBeNull()
      expect(await store.bookedLabelFiles()).toEqual([{ id: a.id, labelFile: null }])
      await store.setLabelFile(a.id, 'label-1.pdf')
      expect(await store.labelFile(a.id)).toBe('label-1.pdf')
      expect((await store.get(a.id))!.hasLabel).toBe(true)

      const b = await store.insertPending(domesticForm(recipient('Ola Hansen')), {}, 'test')
      await store.markStatus(b.id, 'failed', { code: 'BRING_REJECTED', message: 'Postal code unknown' })
      expect((await store.get(b.id))!.error).toEqual({ code: 'BRING_REJECTED', message: 'Postal code unknown' })
      const before = (await store.get(b.id))!.form.clientRequestId
      const fresh = await store.renewClientRequest(b.id)
      expect(fresh).not.toBe(before)
      expect((await store.get(b.id))!.form.clientRequestId).toBe(fresh)
      expect((await store.findByClientRequest(fresh))!.id).toBe(b.id)
      const fixed = domesticForm({ ...recipient('Ola Hansen', '7010', 'TRONDHEIM'), clientRequestId: fresh })
      await store.replaceRequest(b.id, fixed, { again: true }, 'sandbox')
      expect(await store.get(b.id)).toMatchObject({ status: 'pending', mode: 'sandbox', recipientCity: 'TRONDHEIM', request: { again: true }, error: null })
    })

    it('after a crash: pending rows were never sent, sending rows have an unknown outcome', async () => {
      const clock = { now: new Date() }
      const store = await factory()(clock)
      const pending = await store.insertPending(domesticForm(), {}, 'live')
      const sending = await store.insertPending(domesticForm(), {}, 'live')
      await store.markSending(sending.id)
      expect(await store.recoverInterrupted(messages)).toEqual({ notSent: 1, unknown: 1 })
      expect((await store.get(pending.id))!).toMatchObject({ status: 'not_sent', error: { code: 'NOT_SENT', message: 'not sent' } })
      expect((await store.get(sending.id))!).toMatchObject({ status: 'outcome_unknown', error: { code: 'INTERRUPTED' } })
      expect(await store.recoverInterrupted(messages)).toEqual({ notSent: 0, unknown: 0 })
    })

    it('search: substrings of any length in name, postal code, city, reference, consignment and package numbers, any case, newest first', async () => {
      const clock = { now: new Date('2026-11-02T10:00:00Z') }
      const store = await factory()(clock)
      const add = async (form: ReturnType<typeof domesticForm>) => {
        clock.now = new Date(clock.now.getTime() + 1000)
        return store.insertPending(form, {}, 'test')
      }
      await add(domesticForm(recipient('Per Test', '0150', 'OSLO', '123456/234567')))
      const kari = await add(domesticForm(recipient('Kari Mottaker', '5003', 'BERGEN', 'ORDER-1001')))
      const ola = await add(domesticForm(recipient('Ola Hansen', '7010', 'TRONDHEIM', 'PO-77')))
      const siri = await add(domesticForm(recipient('Siri Ødegård', '9008', 'TROMSØ', 'WEB-5')))
      await add(domesticForm(recipient('Rabatt 100% AS', '0150', 'OSLO', 'A_B')))
      await store.markBooked(ola.id, { consignmentNumber: '70438101999999999', packageNumbers: ['370438101234567890'] })
      const names = async (query: string) => (await store.list({ query, limit: 10, offset: 0 })).items.map((s) => s.recipientName)

      expect(await names('')).toEqual(['Rabatt 100% AS', 'Siri Ødegård', 'Ola Hansen', 'Kari Mottaker', 'Per Test'])
      expect(await names('ns')).toEqual(['Ola Hansen'])
      expect(await names('ø')).toEqual(['Siri Ødegård'])
      expect(await names('Ø')).toEqual(['Siri Ødegård'])
      expect(await names('ØDEGÅRD')).toEqual(['Siri Ødegård'])
      expect(await names('ttak')).toEqual(['Kari Mottaker'])
      expect(await names('trondh')).toEqual(['Ola Hansen'])
      expect(await names('ORDER-10')).toEqual(['Kari Mottaker'])
      expect(await names('1234567')).toEqual(['Ola Hansen']) // the package number; Per Test's reference only has pieces of it
      expect(await names('99999')).toEqual(['Ola Hansen'])
      expect(await names('70438101999999999')).toEqual(['Ola Hansen'])
      expect(await names('-5')).toEqual(['Siri Ødegård'])
      expect(await names('%')).toEqual(['Rabatt 100% AS']) // the user's text, never a wildcard
      expect(await names('_')).toEqual(['Rabatt 100% AS'])
      expect(await names('zz')).toEqual([])
      expect(await names('BERGEN5003')).toEqual([]) // never across two values
      expect(await names('"; DROP TABLE shipments; --')).toEqual([])
      await store.markStatus(kari.id, 'failed', { code: 'X', message: 'x' })
      expect(await names('Mott')).toEqual(['Kari Mottaker'])
      await store.replaceRequest(siri.id, domesticForm(recipient('Siri Nilsen', '9008', 'TROMSØ')), {}, 'test')
      expect(await names('Ødeg')).toEqual([])
      expect(await names('Nils')).toEqual(['Siri Nilsen'])
    })

    it('filters by status, mode and date range, pages with offset, counts exactly up to the cap', async () => {
      const clock = { now: new Date('2026-03-01T10:00:00Z') }
      const store = await factory()(clock)
      const ids: string[] = []
      for (let day = 1; day <= 10; day++) {
        clock.now = new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`)
        ids.push((await store.insertPending(domesticForm(recipient(`Day ${day}`)), {}, day % 2 ? 'test' : 'sandbox')).id)
      }
      await store.markBooked(ids[2], { consignmentNumber: '70438101000000003', packageNumbers: [] })
      const names = async (f: Partial<Parameters<ShipmentsStore['list']>[0]>) => (await store.list({ query: '', limit: 100, offset: 0, ...f })).items.map((s) => s.recipientName)
      expect(await names({ from: '2026-03-03', to: '2026-03-05' })).toEqual(['Day 5', 'Day 4', 'Day 3'])
      expect(await names({ from: '2026-03-09' })).toEqual(['Day 10', 'Day 9'])
      expect(await names({ to: '2026-03-01' })).toEqual(['Day 1'])
      expect(await names({ mode: 'sandbox', from: '2026-03-05' })).toEqual(['Day 10', 'Day 8', 'Day 6'])
      expect(await names({ status: 'booked' })).toEqual(['Day 3'])
      expect(await names({ query: 'Day', mode: 'test', to: '2026-03-04' })).toEqual(['Day 3', 'Day 1'])
      expect(await names({ query: 'Day', limit: 3, offset: 3 })).toEqual(['Day 7', 'Day 6', 'Day 5'])
      expect(await store.count({ query: 'Day' })).toEqual({ total: 10, totalExact: true })
      expect(await store.count({ query: 'Day', mode: 'sandbox', from: '2026-03-05' })).toEqual({ total: 3, totalExact: true })
      expect(await store.count({ query: '', status: 'booked' })).toEqual({ total: 1, totalExact: true })
    })

    it('a search whose matches are all long ago: newest first across months and years, pages with offset, filters and counts', async () => {
      const clock = { now: new Date('2024-01-03T08:00:00Z') }
      const store = await factory()(clock)
      // Two years, a shipment every 5 days: "Hansen 4…" only in 2024, every other shipment since is someone else.
      const made: { name: string; at: string; mode: 'test' | 'sandbox' }[] = []
      for (let i = 0; i < 146; i++) {
        clock.now = new Date(Date.UTC(2024, 0, 3 + i * 5, 8))
        const name = i < 60 && i % 3 === 0 ? `Ola Hansen ${4000 + i}` : `Kari Nordmann ${4000 + i}`
        const mode = i % 2 ? 'test' : 'sandbox'
        await store.insertPending(domesticForm(recipient(name)), {}, mode)
        made.push({ name, at: clock.now.toISOString(), mode })
      }
      const expected = made.filter((m) => m.name.startsWith('Ola Hansen 4')).reverse()
      const names = async (f: Partial<Parameters<ShipmentsStore['list']>[0]>) => (await store.list({ query: 'Hansen 4', limit: 100, offset: 0, ...f })).items.map((s) => s.recipientName)
      expect(await names({})).toEqual(expected.map((m) => m.name))
      expect(await names({ limit: 4, offset: 5 })).toEqual(expected.slice(5, 9).map((m) => m.name))
      expect(await names({ offset: 5 })).toEqual(expected.slice(5).map((m) => m.name))
      expect(await names({ mode: 'test' })).toEqual(expected.filter((m) => m.mode === 'test').map((m) => m.name))
      expect(await names({ from: '2024-03-01', to: '2024-05-31' })).toEqual(expected.filter((m) => m.at >= '2024-03-01' && m.at < '2024-06-01').map((m) => m.name))
      expect(await names({ query: 'hansen 4003' })).toEqual(['Ola Hansen 4003'])
      expect(await names({ query: 'hansen 9' })).toEqual([])
      // Three characters, a space inside, the status and mode as filters, and nothing at all: the same newest-first pages.
      expect(await names({ query: 'Ola' })).toEqual(expected.map((m) => m.name))
      expect(await names({ query: 'Ola', limit: 3, offset: 6 })).toEqual(expected.slice(6, 9).map((m) => m.name))
      expect(await names({ query: 'a h' })).toEqual(expected.map((m) => m.name))
      expect(await names({ query: 'Ola', status: 'pending', mode: 'sandbox' })).toEqual(expected.filter((m) => m.mode === 'sandbox').map((m) => m.name))
      expect(await names({ query: 'Ola', status: 'booked' })).toEqual([])
      expect(await names({ query: 'Ola Hansen', limit: 2, offset: 0, mode: 'test' })).toEqual(expected.filter((m) => m.mode === 'test').slice(0, 2).map((m) => m.name))
      expect(await names({ query: 'zqx' })).toEqual([])
      expect(await store.count({ query: 'zqx' })).toEqual({ total: 0, totalExact: true })
      expect(await store.count({ query: 'Ola', mode: 'sandbox' })).toEqual({ total: expected.filter((m) => m.mode === 'sandbox').length, totalExact: true })
      expect(await store.count({ query: 'Hansen 4' })).toEqual({ total: expected.length, totalExact: true })
      expect(await store.count({ query: 'Hansen 4', from: '2024-03-01', to: '2024-05-31' })).toEqual({ total: expected.filter((m) => m.at >= '2024-03-01' && m.at < '2024-06-01').length, totalExact: true })
    })

    it(`says "${TOTAL_CAP}+" rather than counting every match`, async () => {
      const clock = { now: new Date('2026-03-01T10:00:00Z') }
      const store = await factory()(clock)
      for (let i = 0; i <= TOTAL_CAP + 2; i++) await store.insertPending(domesticForm(recipient(`Mottaker ${i}`)), {}, 'test')
      expect(await store.count({ query: 'Mottaker' })).toEqual({ total: TOTAL_CAP, totalExact: false })
      expect(await store.count({ query: 'Mottaker 100' })).toEqual({ total: 4, totalExact: true }) // 100, 1000, 1001, 1002
    }, 60_000)
  })
}
