import { afterEach, describe, expect, it } from 'vitest'
import requestExample from '../../../fixtures/bring/pickup-create-request.example.json'
import responseExample from '../../../fixtures/bring/pickup-create-response.example.json'
import optionsExample from '../../../fixtures/bring/pickup-options-response.example.json'
import { buildPickupRequest, cancelPickup, createPickup, getPickupOptions, modifyPickup } from '../../../../src/main/services/bring/pickup'
import { pickupOrderFormSchema, type PickupOrderForm } from '../../../../src/shared/domain/pickup'
import type { FetchLike } from '../../../../src/main/services/bring/bring-http'
import { createBringHttp } from '../../../../src/main/services/bring/bring-http'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, dataOf } from '../../../helpers/app-core'
import { captureLogger } from '../../../helpers/log-capture'
import { domesticForm } from '../../../helpers/booking-form'
import { nextWorkday, pickupFormValues } from '../../../helpers/pickup-form'

function orderForm(overrides: Partial<PickupOrderForm> = {}): PickupOrderForm {
  return pickupOrderFormSchema.parse(pickupFormValues(overrides))
}

/** A fetch that answers one canned response, recording what was asked. */
function canned(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch: FetchLike = async (url, init) => (calls.push({ url, init }), new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
  const http = createBringHttp({ fetch, baseUrl: 'https://api.bring.test', auth: async () => ({ apiUid: 'u', apiKey: 'k-123456' }), clientUrl: 'x', logger: captureLogger().logger, sleep: async () => undefined })
  return { http, calls }
}

describe('Pickup API requests and responses', () => {
  it('create: the documented body, grams and dm³, test indicator as a header', async () => {
    const body = buildPickupRequest(orderForm({ type: 'CARGO', packagesCount: 2, packagesWeightKg: 1, packagesVolumeLitres: 40 }))
    for (const key of Object.keys(body)) expect(Object.keys(requestExample)).toContain(key)
    expect(body.pickupDetails).toEqual(requestExample.pickupDetails)
    expect(body.pickupAddress).toMatchObject({ street: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', email: 'lager@example.no', phoneNumber: '+4712345678', message: 'Bakdøra' })
    expect(body.service).toBe('CARGO')
    const { http, calls } = canned(200, responseExample)
    const confirmation = await createPickup(http, body, 'test')
    expect(confirmation).toMatchObject({ packageNumber: '123456789012345678', url: 'https://www.mybring.com/order-pickup/receipt/xxxxxxxxx' })
    expect(new Headers(calls[0].init.headers).get('X-Bring-Test-Indicator')).toBe('true')
    await createPickup(http, body, 'live')
    expect(new Headers(calls[1].init.headers).get('X-Bring-Test-Indicator')).toBe('false')
  })

  it('options: documented query parameters and the example response', async () => {
    const { http, calls } = canned(200, optionsExample)
    const res = await getPickupOptions(http, { type: 'PARCEL', countryCode: 'NO', postalCode: '0150', shippingDate: '2026-05-15', numberOfAlternativePickupDates: 3, customerNumber: '5' })
    const url = new URL(calls[0].url)
    expect(url.pathname).toBe('/pickup/api/pickup-options')
    expect(Object.fromEntries(url.searchParams)).toEqual({ type: 'PARCEL', countryCode: 'NO', postalCode: '0150', shippingDate: '2026-05-15', numberOfAlternativePickupDates: '3', customerNumber: '5' })
    expect(res.options).toHaveLength(4)
    expect(res.price).toEqual({ amountWithVAT: 535, amountWithoutVAT: 428, vat: 107 })
  })

  it('modify and cancel: documented paths, methods and bodies', async () => {
    const m = canned(200, { status: 'ACCEPTED' })
    await modifyPickup(m.http, '70438101', '2026-05-06')
    expect([m.calls[0].init.method, new URL(m.calls[0].url).pathname, m.calls[0].init.body]).toEqual(['PUT', '/pickup/api/modify/70438101', '{"date":"2026-05-06"}'])
    const c = canned(200, { status: 'ACCEPTED' })
    await cancelPickup(c.http, '70438101')
    expect([c.calls[0].init.method, new URL(c.calls[0].url).pathname]).toEqual(['DELETE', '/pickup/api/cancel/70438101'])
  })

  it.each([
    [400, { message: 'date cannot be in the past', status: 'BAD_REQUEST' }, 'BRING_VALIDATION', 'Bring refused the request. date cannot be in the past'],
    [401, { message: 'Unauthorized', status: 'UNAUTHORIZED' }, 'BRING_AUTH', 'Bring rejected the API user or key. Check them in Settings.'],
    [404, { message: 'Not found', status: 'NOT_FOUND' }, 'BRING_NOT_FOUND', 'Bring has no active pickup with shipment number 70438101. It may already be cancelled, or it was not booked with mailbox pickup.'],
    [500, { message: 'boom', status: 'ERROR' }, 'BRING_SERVER', 'Bring is having problems (HTTP 500). Try again in a few minutes.']
  ])('HTTP %i on cancel is said in plain words', async (status, body, code, message) => {
    const { http } = canned(status, body)
    await expect(cancelPickup(http, '70438101')).rejects.toMatchObject({ code, message })
  })

  it('400 on create keeps Bring’s own messages', async () => {
    const { http } = canned(400, { errors: ['This customer number cannot be used to order Pickup'], pickupConfirmation: null })
    await expect(createPickup(http, buildPickupRequest(orderForm()), 'test')).rejects.toMatchObject({ code: 'BRING_VALIDATION', message: 'Bring refused the request. This customer number cannot be used to order Pickup' })
  })
})

describe('pickups through the app core and the HTTP simulator', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())
  async function core() {
    const c = await startCore(await tempDir(), { timeoutMs: 400 })
    close = c.close
    await c.useBringTest()
    return c
  }
  const creates = (c: Awaited<ReturnType<typeof core>>) => c.sim.requests.filter((r) => r.routeId === 'pickup.create')

  it('orders a PARCEL pickup: pending first, then ordered with Bring’s number; business pickups cannot be changed by API', async () => {
    const c = await core()
    const res = await c.invoke('pickups:order', { form: orderForm() })
    expect(res).toMatchObject({ ok: true, data: { status: 'ordered', kind: 'business', service: 'PARCEL', canModify: false, mode: 'test' } })
    const p = dataOf(res)
    expect(p.shipmentNumber).toMatch(/^7\d{17}$/)
    expect(await c.invoke('pickups:cancel', { id: p.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('contact Bring customer service') } })
    const sent = creates(c)[0].body as { pickupDetails: { packages: { count: number; weightInGrams: number } } }
    expect(sent.pickupDetails.packages).toEqual({ count: 3, weightInGrams: 7500 })
  })

  it.each([
    ['timeout', { kind: 'timeout' as const, afterHandling: true }],
    ['HTTP 503', { kind: 'status' as const, status: 503 }],
    ['reset', { kind: 'reset' as const, afterHandling: true }]
  ])('%s on create: one record, outcome unknown, no automatic resend', async (_name, fault) => {
    const c = await core()
    c.sim.faults.add({ routeId: 'pickup.create', fault })
    const res = await c.invoke('pickups:order', { form: orderForm() })
    // The cause keeps its message key, so a Norwegian window shows it in Norwegian.
    expect(res).toMatchObject({ ok: true, data: { status: 'outcome_unknown', error: { i18n: { key: expect.any(String) } } } })
    expect(creates(c)).toHaveLength(1)
    expect(await c.deps.stores.pickups.list()).toHaveLength(1)
  })

  it('an unknown pickup, checked in Mybring and not there, is ordered again as the same pickup: its record and its shipments stay its own, nothing ordered twice', async () => {
    const c = await core()
    const shipment = dataOf(await c.invoke('booking:submit', { form: domesticForm() }))
    c.sim.faults.add({ routeId: 'pickup.create', fault: { kind: 'status', status: 503 }, times: 1 })
    const unknown = dataOf(await c.invoke('pickups:order', { form: orderForm({ coversShipmentIds: [shipment.id] }) }))
    expect(unknown.status).toBe('outcome_unknown')
    // One story: Bring answered with an error; it may or may not have registered it. Never "try again in a few minutes".
    expect(unknown.error?.message).toMatch(/^Bring answered with an error \(HTTP 503\)\. Bring may or may not have registered this pickup\./)
    // Its shipments stay covered while it is unresolved: no second pickup for them can be ordered by "today's shipments".
    expect(await c.invoke('pickups:today')).toEqual({ ok: true, data: [] })
    const again = await c.invoke('pickups:resolve', { id: unknown.id, ordered: false, orderAgain: true })
    expect(again).toMatchObject({ ok: true, data: { id: unknown.id, status: 'ordered' } })
    expect(await c.deps.stores.pickups.list()).toHaveLength(1)
    expect(creates(c).filter((r) => r.status === 200)).toHaveLength(1)
    expect(await c.invoke('pickups:today')).toEqual({ ok: true, data: [] })
    // Resolved pickups cannot be resolved or ordered again.
    expect(await c.invoke('pickups:retry', { id: unknown.id })).toMatchObject({ ok: false })
    expect(await c.invoke('pickups:resolve', { id: unknown.id, ordered: true })).toMatchObject({ ok: false })
  })

  it('an unknown pickup marked ordered after checking Mybring keeps Bring’s number; one not sent is ordered again as itself', async () => {
    const c = await core()
    c.sim.faults.add({ routeId: 'pickup.create', fault: { kind: 'timeout', afterHandling: true }, times: 1 })
    const unknown = dataOf(await c.invoke('pickups:order', { form: orderForm() }))
    expect(await c.invoke('pickups:resolve', { id: unknown.id, ordered: true, shipmentNumber: '700000000000000123' })).toMatchObject({ ok: true, data: { status: 'ordered', shipmentNumber: '700000000000000123' } })
    const checked = dataOf(await c.invoke('pickups:order', { form: orderForm({ pickupDate: unknown.pickupDate }) }))
    await c.deps.stores.pickups.setState(checked.id, { status: 'not_sent', error: { code: 'NOT_SENT', message: 'Nothing reached Bring.' } })
    expect(await c.invoke('pickups:retry', { id: checked.id })).toMatchObject({ ok: true, data: { id: checked.id, status: 'ordered' } })
    expect(await c.deps.stores.pickups.list()).toHaveLength(2)
  })

  it('a mailbox-pickup booking (5900 + VAS 1073) becomes a pickup that can be moved and cancelled; 404 leaves it intact', async () => {
    const c = await core()
    const form = domesticForm({ customerNumber: '7', productId: '5900', additionalServices: ['1073'] })
    const booked = dataOf(await c.invoke('booking:submit', { form }))
    expect(booked.status).toBe('booked')
    const [mailbox] = await c.deps.stores.pickups.list()
    expect(mailbox).toMatchObject({ kind: 'mailbox', canModify: true, shipmentNumber: booked.consignmentNumber })
    const moved = await c.invoke('pickups:modify', { id: mailbox.id, date: nextWorkday() })
    expect(moved).toMatchObject({ ok: true, data: { pickupDate: nextWorkday() } })

    c.sim.faults.add({ routeId: 'pickup.cancel', fault: { kind: 'status', status: 404 }, times: 1 })
    const notFound = await c.invoke('pickups:cancel', { id: mailbox.id })
    expect(notFound).toMatchObject({ ok: false, error: { code: 'BRING_NOT_FOUND', message: expect.stringContaining(`shipment number ${booked.consignmentNumber}`) } })
    expect(await c.deps.stores.pickups.get(mailbox.id)).toMatchObject({ status: 'ordered', canModify: true })
    expect(await c.invoke('pickups:cancel', { id: mailbox.id })).toMatchObject({ ok: true, data: { status: 'cancelled', canModify: false } })
  })

  it('"today’s shipments" counts booked parcels not yet covered, and stops counting them once a pickup covers them', async () => {
    const c = await core()
    await c.invoke('booking:submit', { form: domesticForm() })
    await c.invoke('booking:submit', { form: domesticForm({ packages: [{ weightInKg: 1.5, lengthInCm: 20, widthInCm: 20, heightInCm: 10 }, { weightInKg: 4, lengthInCm: 30, widthInCm: 20, heightInCm: 10 }] }) })
    await c.invoke('booking:submit', { form: domesticForm({ customerNumber: '7', productId: '5100', packages: [{ weightInKg: 120, volumeInDm3: 500 }] }) })
    const today = dataOf(await c.invoke('pickups:today'))
    expect(today).toEqual([{ customerNumber: '5', shipmentIds: expect.any(Array), parcels: { count: 3, weightKg: 8 }, cargo: { count: 0, weightKg: 0, volumeLitres: 0 } }])
    await c.invoke('pickups:order', { form: orderForm({ packagesCount: 3, packagesWeightKg: 8, coversShipmentIds: today[0].shipmentIds }) })
    expect(await c.invoke('pickups:today')).toEqual({ ok: true, data: [] })
  })
})
