import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { bookingCodeFor, servicesForProducts, shippingGuideCode, vasCodePairs } from '../../../../src/shared/catalogue/additional-services'
import { buildShippingGuideRequest } from '../../../../src/main/services/bring/shipping-guide'
import { buildBookingRequest, customsForBring } from '../../../../src/main/services/bring/booking'
import { bookingFormSchema, type BookingFormValues } from '../../../../src/shared/domain/booking'
import { quoteInputSchema, type QuoteResult } from '../../../../src/shared/domain/quote'
import { osloDate } from '../../../../src/shared/domain/fields'
import { fieldForBookingError } from '../../../../src/main/services/bring/booking-error-fields'
import fallbackErrors from '../../../../src/main/services/bring/booking-errors.fallback.json'

const cod = { amount: '499,50', currencyCode: 'NOK', accountNumber: '1234 56 78903', kid: '123456789' }
const quote = (extra: object = {}) => quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: osloDate(), packages: [{ weightKg: 2.5, lengthCm: 30, widthCm: 20, heightCm: 10 }], customerNumbers: ['5'], ...extra })
const toSweden = (customs: object, extra: Partial<BookingFormValues> = {}) =>
  bookingFormSchema.safeParse({
    ...domesticForm(),
    productId: 'BUSINESS_PARCEL',
    recipient: { name: 'Tore Mottaker', addressLine: 'Mottakerveien 14', postalCode: '114 55', city: 'STOCKHOLM', countryCode: 'SE' },
    customs: { natureOfTransaction: 'SALE_OF_GOODS', consent: true, lines: [{ goodsDescription: 'Green tea', quantity: 4, itemNetWeightInKg: 2, tarriffLineAmount: 400, currency: 'NOK', countryOfOrigin: 'CN' }], ...customs },
    ...extra
  })
const problems = (r: ReturnType<typeof toSweden>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))

describe('additional services: the Shipping Guide’s ids out, the Booking API’s ids in', () => {
  it('maps every catalogue service with both codes both ways, e.g. POSTOPPKRAV ↔ 1000', () => {
    const pairs = vasCodePairs()
    expect(pairs.length).toBeGreaterThan(40)
    for (const { bookingCode, shippingGuideCode: sg } of pairs) {
      expect(shippingGuideCode(bookingCode)).toBe(sg)
      expect(bookingCodeFor(sg)).toBe(bookingCode)
    }
    expect(shippingGuideCode('1000')).toBe('POSTOPPKRAV')
    expect(bookingCodeFor('LORDAGSUTKJORING')).toBe('1062')
  })

  it('a quote request sends the Shipping Guide id; the services offered are those of at least one compared product', () => {
    const req = buildShippingGuideRequest(quote({ additionalServices: ['1000'], cashOnDelivery: cod }), { customerNumber: '5' }, ['5800'], 'en')
    expect(req.consignments[0].additionalServices).toEqual([{ id: 'POSTOPPKRAV' }])
    const offered = servicesForProducts(['5800', '3584'], 'en')
    expect(offered.find((v) => v.code === '1000')?.products).toEqual(['5800'])
    expect(offered.find((v) => v.code === '1081')?.products).toEqual(['3584'])
  })

  it('cash on delivery needs its amount and account in both forms; the booking carries them with the booking id', () => {
    expect(quoteInputSchema.safeParse({ ...quote(), additionalServices: ['1000'] }).success).toBe(false)
    const form = bookingFormSchema.parse({ ...domesticForm(), additionalServices: ['1000'], cashOnDelivery: cod })
    expect(bookingFormSchema.safeParse({ ...domesticForm(), additionalServices: ['1000'] }).error?.issues[0].path).toEqual(['cashOnDelivery', 'amount'])
    expect(bookingFormSchema.safeParse({ ...domesticForm(), additionalServices: ['1000'], cashOnDelivery: { ...cod, accountNumber: '1234' } }).success).toBe(false)
    expect(buildBookingRequest(form, 'test').consignments[0].product.additionalServices).toEqual([
      // Bring's example for 1000 sends accountType (null unless the amount is in SEK).
      { id: '1000', amount: 499.5, currencyCode: 'NOK', accountNumber: '12345678903', accountType: null, codMessage: { value: '123456789', type: 'kid' } }
    ])
  })
})

describe('customs: importer, IOSS and consent', () => {
  it('one function maps the form: importer is the recipient unless another is given, IOSS with the declaration', () => {
    const same = toSweden({})
    expect(customsForBring(same.data!).importer?.name).toBe('Tore Mottaker')
    const other = toSweden({}, { importer: { name: 'Import AB', addressLine: 'Hamngatan 1', postalCode: '111 47', city: 'STOCKHOLM', countryCode: 'SE', vatNumber: 'SE5560000001' } })
    expect(customsForBring(other.data!).importer).toMatchObject({ name: 'Import AB', vatNumber: 'SE5560000001' })
    const ioss = toSweden({ iossNumber: 'im1234567890' })
    expect(customsForBring(ioss.data!).ediCustomsDeclarations).toMatchObject({ natureOfTransaction: 'SALE_OF_GOODS', iossNumber: 'IM1234567890' })
    expect(buildBookingRequest(ioss.data!, 'test').consignments[0].parties.importer?.name).toBe('Tore Mottaker')
  })

  it('an export is refused until consent is given; consent is kept with the form', () => {
    expect(problems(toSweden({ consent: false }))).toEqual(['customs.consent: Confirm that the customs information is accurate and the parcel holds no dangerous or prohibited goods'])
    expect(toSweden({}).data?.customs?.consent).toBe(true)
  })

  it('each IOSS rule: IM + 10 digits, sale of goods only, EU recipients only, never with a sender reference', () => {
    expect(problems(toSweden({ iossNumber: 'IM12345' }))).toEqual(['customs.iossNumber: An IOSS number is IM followed by 10 digits'])
    expect(problems(toSweden({ iossNumber: 'IM1234567890', natureOfTransaction: 'GIFT' }))).toEqual(['customs.iossNumber: An IOSS number only goes with a sale of goods'])
    const toUk = bookingFormSchema.safeParse({ ...toSweden({}).data!, recipient: { name: 'Tom', addressLine: 'High St 1', postalCode: 'SW1A 1AA', city: 'LONDON', countryCode: 'GB' }, customs: { ...toSweden({}).data!.customs, iossNumber: 'IM1234567890' } })
    expect(problems(toUk)).toContain('customs.iossNumber: IOSS only applies to recipients in the EU')
    const withRef = toSweden({ iossNumber: 'IM1234567890' }, { sender: { ...domesticForm().sender, reference: 'ORDER-1' } })
    expect(problems(withRef)).toEqual(['customs.iossNumber: Bring does not take an IOSS number together with a sender reference: remove one of them'])
  })
})

describe('the simulator checks it as strictly as Bring, and the errors land on their fields', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  it('quote: prices include the service, a product that cannot take it says why on its row; booking: an unknown or unfit service and an incomplete cash on delivery are refused', async () => {
    const core = await startCore(await tempDir())
    close = core.close
    await core.useBringTest()
    const plain = (await core.invoke('quote:run', { input: quote() })) as { ok: true; data: QuoteResult }
    const withCod = (await core.invoke('quote:run', { input: quote({ additionalServices: ['1000'], cashOnDelivery: cod }) })) as { ok: true; data: QuoteResult }
    const price = (r: QuoteResult, id: string) => r.rows.find((x) => x.productId === id)?.netPrice?.withoutVat ?? 0
    expect(price(withCod.data, '5800')).toBeCloseTo(price(plain.data, '5800') + 59, 2)
    const unfit = withCod.data.rows.find((x) => x.productId === '3584')
    expect(unfit?.messages[0]).toMatchObject({ code: 'VAS_NOT_AVAILABLE', message: 'Cannot take the additional service: Cash on delivery' })
    const sent = core.sim.requests.filter((r) => r.routeId === 'shipping-guide.products').at(-1)!.body as { consignments: { additionalServices: unknown; products: { id: string }[] }[] }
    expect(sent.consignments[0].additionalServices).toEqual([{ id: 'POSTOPPKRAV' }])
    expect(sent.consignments[0].products.map((p) => p.id)).not.toContain('3584')

    // Past the form (a stale form, another client): Bring-shaped refusals, placed on their fields.
    const raw = buildBookingRequest(domesticForm(), 'test')
    const post = (product: object) => core.sim.handle(new Request(`${core.server.url}/booking-api/api/booking`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mybring-api-uid': 'shop@example.no', 'x-mybring-api-key': 'k3y-Secret-Value-123456', 'x-bring-client-url': 'https://x.example' }, body: JSON.stringify({ ...raw, consignments: [{ ...raw.consignments[0], product: { ...raw.consignments[0].product, ...product } }] }) }))
    const codes = async (product: object) => {
      const out = await post(product)
      return out.kind === 'reply' ? ((out.reply.body as { consignments: { errors: { code: string }[] }[] }).consignments[0].errors ?? []).map((e) => e.code) : []
    }
    expect(await codes({ additionalServices: [{ id: 'NO_SUCH_SERVICE' }] })).toEqual(['BOOK_VALIDATION-018'])
    expect(await codes({ additionalServices: [{ id: '1081' }] })).toEqual(['BOOK_VALIDATION-018'])
    expect(await codes({ additionalServices: [{ id: '1000', amount: 100 }] })).toEqual(['BOOK-INPUT-037'])
    expect(await codes({ additionalServices: [{ id: '1000', amount: 10.555, currencyCode: 'NOK', accountNumber: '12345678903' }] })).toEqual(['BOOK-INPUT-054'])
    expect(await codes({ ediCustomsDeclarations: { natureOfTransaction: 'GIFT', iossNumber: 'IM1234567890', ediCustomsDeclaration: [] } })).toEqual(['BOOK_VALIDATION-026'])
    // … and each lands on the form field it concerns.
    const field = (code: string) => fieldForBookingError(code, fallbackErrors)
    expect([field('BOOK_VALIDATION-018'), field('BOOK-INPUT-037'), field('BOOK-INPUT-054'), field('BOOK_VALIDATION-025'), field('BOOK_VALIDATION-027'), field('BOOK-INPUT-014-IMPORTER')]).toEqual([
      'additionalServices', 'cashOnDelivery.amount', 'cashOnDelivery.amount', 'customs.iossNumber', 'customs.iossNumber', 'importer.name'
    ])
  })
})
