import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import requestExample from '../../../fixtures/bring/shipping-guide-request.example.json'
import responseExample from '../../../fixtures/bring/shipping-guide-response.example.json'
import { buildShippingGuideRequest, parseShippingGuideProducts, shippingGuideResponseSchema } from '../../../../src/main/services/bring/shipping-guide'
import { createBringHttp } from '../../../../src/main/services/bring/bring-http'
import { createQuoteService } from '../../../../src/main/services/quote/quote-service'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer, type SimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { storedQuoteInputSchema as quoteInputSchema, type QuoteInput } from '../../../../src/shared/domain/quote'
import type { Customer } from '../../../../src/shared/domain/customers'
import { captureLogger } from '../../../helpers/log-capture'

const input: QuoteInput = quoteInputSchema.parse({
  fromCountryCode: 'NO',
  fromPostalCode: '0150',
  toCountryCode: 'NO',
  toPostalCode: '5003',
  shippingDate: '2026-11-24',
  packages: [{ weightKg: 2.5, lengthCm: 40, widthCm: 30, heightCm: 20 }, { weightKg: '7' }],
  customerNumbers: ['5']
})

describe('Shipping Guide request', () => {
  const body = buildShippingGuideRequest(input, { customerNumber: '5' }, ['5800', '5600', '3584'], 'en')

  it('uses only field names from the documented request, with the documented value types', () => {
    const documentedTop = Object.keys(requestExample)
    for (const key of Object.keys(body)) expect(documentedTop.concat(['withEnvironmentalData'])).toContain(key)
    const documentedConsignment = Object.keys(requestExample.consignments[0]).concat(['addressLine', 'pickupPointId'])
    for (const key of Object.keys(body.consignments[0])) expect(documentedConsignment).toContain(key)
    expect(Object.keys(body.consignments[0].shippingDate).sort()).toEqual(Object.keys(requestExample.consignments[0].shippingDate).sort())
    expect(typeof body.consignments[0].shippingDate.day).toBe(typeof requestExample.consignments[0].shippingDate.day)
  })

  it('sends weight in grams, dimensions in cm, the date as Bring expects and all products in one consignment', () => {
    const c = body.consignments[0]
    expect(c.packages).toEqual([
      { id: '1', grossWeight: 2500, length: 40, width: 30, height: 20 },
      { id: '2', grossWeight: 7000 }
    ])
    expect(c.shippingDate).toEqual({ year: '2026', month: '11', day: '24', hour: '12', minute: '0' })
    expect(c.products).toEqual([
      { id: '5800', customerNumber: '5' },
      { id: '5600', customerNumber: '5' },
      { id: '3584', customerNumber: '5' }
    ])
    expect(body).toMatchObject({ withPrice: true, withExpectedDelivery: true, withGuiInformation: true, withEnvironmentalData: true, language: 'EN', numberOfAlternativeDeliveryDates: 0 })
  })
})

describe('Shipping Guide response parsing', () => {
  it('reads the documentation example: delivery date, time window, alternatives', () => {
    const rows = parseShippingGuideProducts(shippingGuideResponseSchema.parse(responseExample), '5', 'en')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      productId: '5600',
      customerNumber: '5',
      name: 'Parcel home plus',
      expectedDelivery: { date: '2022-11-16', timeWindow: '17:00–21:00', workingDays: 1 }
    })
    expect(rows[0].alternativeDeliveryDates.map((a) => a.date)).toEqual(['2022-11-16', '2022-11-16', '2022-11-22'])
    expect(rows[0].listPrice).toBeUndefined()
  })

  it('reads prices (string amounts) and per-product errors', () => {
    const res = shippingGuideResponseSchema.parse({
      consignments: [
        {
          products: [
            { id: '5800', price: { listPrice: { currencyCode: 'NOK', priceWithAdditionalServices: { amountWithoutVAT: '100.00', vat: '25.00', amountWithVAT: '125.00' } } } },
            { id: '3584', errors: [{ code: 'PACKAGE_TOO_HEAVY', description: 'Too heavy for the mailbox' }] }
          ]
        }
      ]
    })
    const [ok, failed] = parseShippingGuideProducts(res, '5', 'nb')
    expect(ok.listPrice).toEqual({ withoutVat: 100, vat: 25, withVat: 125, currency: 'NOK' })
    expect(ok.name).toBe('Pakke til hentested')
    expect(failed.messages).toEqual([{ code: 'PACKAGE_TOO_HEAVY', message: 'Too heavy for the mailbox' }])
  })

  it.each([
    ['no consignments', {}],
    ['products not a list', { consignments: [{ products: 'x' }] }],
    ['product without id', { consignments: [{ products: [{ price: {} }] }] }],
    ['price amount not a number', { consignments: [{ products: [{ id: '1', price: { listPrice: { priceWithAdditionalServices: { amountWithoutVAT: true } } } }] }] }]
  ])('rejects a malformed response (%s)', (_label, body) => {
    expect(shippingGuideResponseSchema.safeParse(body).success).toBe(false)
  })
})

describe('quoting several customer numbers', () => {
  const customers: Customer[] = [
    { customerNumber: '5', name: 'A', countryCode: 'NO', products: ['5800', '5600', '5000', '4850'] },
    { customerNumber: '6', name: 'B', countryCode: 'NO', products: ['5800', '5600', '3584', '9300'] },
    { customerNumber: '7', name: 'C', countryCode: 'NO', products: ['5100', '5400', '5000', '9000'] }
  ]
  const sim = createSimulator({ accounts: [{ apiUid: 'u@example.no', apiKey: 'key-123456', customers }] })
  let server: SimulatorServer
  beforeAll(async () => (server = await startSimulatorServer(sim)))
  afterAll(async () => server.close())
  beforeEach(() => sim.reset())
  const http = () =>
    createBringHttp({ fetch: (i, init) => fetch(i, init), baseUrl: server.url, auth: async () => ({ apiUid: 'u@example.no', apiKey: 'key-123456' }), clientUrl: 'x', logger: captureLogger().logger })
  const sgCalls = () => sim.requests.filter((r) => r.routeId === 'shipping-guide.products')

  it('12 products for 3 customer numbers make exactly 3 Shipping Guide calls', async () => {
    const service = createQuoteService()
    const result = await service.quote(http(), { ...input, customerNumbers: ['5', '6', '7'] }, customers, 'en', { refresh: false, cacheScope: 't' })
    expect(sgCalls()).toHaveLength(3)
    expect(result.rows).toHaveLength(12)
    expect(new Set(result.rows.map((r) => r.customerNumber))).toEqual(new Set(['5', '6', '7']))
    const bodies = sgCalls().map((r) => (r.body as { consignments: { products: unknown[] }[] }).consignments[0].products.length)
    expect(bodies).toEqual([4, 4, 4])
  })

  it('an identical quote within 10 minutes costs no call; refresh does', async () => {
    let t = Date.parse('2026-11-23T10:00:00Z')
    const service = createQuoteService(() => t)
    const q = (refresh = false) => service.quote(http(), input, customers, 'en', { refresh, cacheScope: 't' })
    expect((await q()).fromCache).toBe(false)
    t += 9 * 60 * 1000
    expect((await q()).fromCache).toBe(true)
    expect(sgCalls()).toHaveLength(1)
    expect((await q(true)).fromCache).toBe(false)
    t += 11 * 60 * 1000
    expect((await q()).fromCache).toBe(false)
    expect(sgCalls()).toHaveLength(3)
  })

  it('one customer failing still shows the others, naming the failed one', async () => {
    sim.faults.add({ routeId: 'shipping-guide.products', fault: { kind: 'status', status: 500 }, times: 1 })
    const result = await createQuoteService().quote(http(), { ...input, customerNumbers: ['5', '6'] }, customers, 'en', { refresh: false, cacheScope: 't' })
    expect(result.customerErrors).toHaveLength(1)
    expect(result.customerErrors[0].message).toBe('Bring is having problems (HTTP 500). Try again in a few minutes.')
    expect(result.rows.length).toBe(4)
  })

  it('the simulator prices by weight and distance and never delivers on a weekend', async () => {
    const service = createQuoteService()
    const near = await service.quote(http(), { ...input, toPostalCode: '0160' }, customers, 'en', { refresh: true, cacheScope: 't' })
    const far = await service.quote(http(), { ...input, toPostalCode: '9010' }, customers, 'en', { refresh: true, cacheScope: 't' })
    const heavier = await service.quote(http(), { ...input, toPostalCode: '0160', packages: [{ weightKg: 20 }, { weightKg: 7 }] }, customers, 'en', { refresh: true, cacheScope: 't' })
    const price = (r: typeof near, id: string) => r.rows.find((x) => x.productId === id)!.listPrice!.withVat
    expect(price(far, '5800')).toBeGreaterThan(price(near, '5800'))
    expect(price(heavier, '5800')).toBeGreaterThan(price(near, '5800'))
    for (const row of [...near.rows, ...far.rows]) {
      const day = new Date(`${row.expectedDelivery!.date}T00:00:00Z`).getUTCDay()
      expect(day).not.toBe(0)
      expect(day).not.toBe(6)
    }
  })
})
