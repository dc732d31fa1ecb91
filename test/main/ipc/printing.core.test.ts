import { readFile } from 'node:fs/promises'
import { PDFDocument } from 'pdf-lib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startCore } from '../../helpers/app-core'
import { cupsUnavailable, startCups, type CupsServer } from '../../helpers/cups-server'
import { useTempDir } from '../../helpers/temp-dir'
import { createCupsPrinter } from '../../../src/main/services/printing/cups-printer'
import { osloDate } from '../../../src/shared/domain/fields'
import type { BatchDetail } from '../../../src/shared/domain/batches'
import { domesticForm } from '../../helpers/booking-form'
import { pickupFormValues } from '../../helpers/pickup-form'
import { pickupOrderFormSchema } from '../../../src/shared/domain/pickup'

const unavailable = cupsUnavailable()
if (unavailable && process.env.FRAKTDESK_REQUIRE_CUPS === '1') throw new Error(`${unavailable}, but FRAKTDESK_REQUIRE_CUPS=1 requires it`)

type Core = Awaited<ReturnType<typeof startCore>>
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contactName: 'Trond', phoneNumber: '+4712345678', email: 'trond@example.no' }
const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '1,5', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: 'Te' }

describe.skipIf(unavailable !== null)('printing over IPC, through a real CUPS', () => {
  let cups: CupsServer
  let core: Core | undefined
  const tempDir = useTempDir()
  beforeAll(async () => {
    cups = await startCups()
    cups.addPrinter('Zebra_GK420d', { makeDefault: true })
  }, 30_000)
  afterAll(() => cups?.stop())
  afterEach(async () => {
    await core?.close()
    core = undefined
  })

  async function sandboxDesk(): Promise<Core> {
    core = await startCore(await tempDir(), { labelPrinter: createCupsPrinter({ env: () => cups.env }) })
    await core.call('settings:set', { defaultSender: sender, printing: { printer: 'Zebra_GK420d', paper: 'asIs', printAfterBooking: false } })
    return core
  }

  it("a 60-row batch's “Print all labels”: exactly one job of 60 pages, in row order, each shipment's print recorded", async () => {
    const c = await sandboxDesk()
    const rows = Array.from({ length: 60 }, (_, i) => ({ name: `Mottaker ${i + 1}`, addressLine: `Bryggen ${i + 1}`, postalCode: '5003', city: 'BERGEN', reference: `ORD-${i + 1}` }))
    const batch = (await c.call('batches:create', { name: 'Mandag', defaults, rows })) as BatchDetail
    await c.call('batches:start', { id: batch.id })
    await c.deps.batches.settled(batch.id)
    const booked = await c.deps.batches.get(batch.id)
    expect(booked.counts.booked).toBe(60)
    const before = cups.jobs('Zebra_GK420d').length
    const printed = await c.call('printing:batch', { id: batch.id })
    expect(printed.outcome).toMatchObject({ status: 'printed', pages: 60 })
    expect(printed.missingRows).toEqual([])
    const jobs = cups.jobs('Zebra_GK420d')
    expect(jobs).toHaveLength(before + 1)
    const bytes = await readFile(jobs.at(-1)!)
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(60)
    const text = bytes.toString('latin1')
    const positions = booked.rows.map((r) => text.indexOf(`(To: Mottaker ${r.rowNo})`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    // Printed once: the batch asks before a second job.
    expect((await c.call('printing:batch', { id: batch.id })).outcome).toMatchObject({ status: 'askAgain' })
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
    const first = booked.rows[0].shipmentId!
    expect(await c.call('printing:history', { id: first })).toMatchObject([{ printer: 'Zebra_GK420d', result: 'printed' }])
  }, 60_000)

  it('a shipment’s label by id; an id that is not a shipment is refused; with no printer chosen it says so (the window opens the viewer)', async () => {
    const c = await sandboxDesk()
    const shipment = await c.call('booking:submit', { form: domesticForm() })
    expect(shipment.status).toBe('booked')
    const before = cups.jobs('Zebra_GK420d').length
    expect(await c.call('printing:shipments', { ids: [shipment.id] })).toMatchObject({ status: 'printed', pages: 1 })
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
    const unknown = await c.invoke('printing:shipments', { ids: ['00000000-0000-4000-8000-000000000000'] })
    expect(unknown.ok).toBe(false)
    await c.call('settings:set', { printing: { printer: null, paper: 'asIs', printAfterBooking: false } })
    expect(await c.call('printing:shipments', { ids: [shipment.id], again: true })).toEqual({ status: 'noPrinter', missing: null })
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
  })

  it("a pickup ordered for today's shipments prints their labels as one job (booking order), or opens them as one PDF", async () => {
    const c = await sandboxDesk()
    const first = await c.call('booking:submit', { form: domesticForm() })
    await new Promise((r) => setTimeout(r, 5)) // booked in a later millisecond: the order is the booking order
    const second = await c.call('booking:submit', { form: domesticForm() })
    const pickup = await c.call('pickups:order', { form: pickupOrderFormSchema.parse(pickupFormValues({ coversShipmentIds: [second.id, first.id] })) })
    expect(pickup.shipmentCount).toBe(2)
    const before = cups.jobs('Zebra_GK420d').length
    expect(await c.call('printing:pickup', { id: pickup.id })).toMatchObject({ status: 'printed', pages: 2 })
    const jobs = cups.jobs('Zebra_GK420d')
    expect(jobs).toHaveLength(before + 1)
    const text = (await readFile(jobs.at(-1)!)).toString('latin1')
    expect(text.indexOf(`(Consignment ${first.confirmation!.consignmentNumber})`)).toBeGreaterThanOrEqual(0)
    expect(text.indexOf(`(Consignment ${first.confirmation!.consignmentNumber})`)).toBeLessThan(text.indexOf(`(Consignment ${second.confirmation!.consignmentNumber})`))
    expect(await c.call('labels:openPickup', { id: pickup.id })).toEqual({ opened: true, pages: 2 })
    expect(c.openedPaths.at(-1)).toMatch(/pickup-[a-z0-9]+-labels\.pdf$/)
    // A pickup ordered by hand lists no shipments: said, not an empty job.
    const byHand = await c.call('pickups:order', { form: pickupOrderFormSchema.parse(pickupFormValues()) })
    const refused = await c.invoke('printing:pickup', { id: byHand.id })
    expect(refused.ok ? null : refused.error.message).toBe('This pickup was not ordered for shipments from the history, so it has no labels here.')
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
  })
})
