import { describe, expect, it } from 'vitest'
import requestExample from '../../../fixtures/bring/booking-request.example.json'
import responseExample from '../../../fixtures/bring/booking-response.example.json'
import fallback from '../../../../src/main/services/bring/booking-errors.fallback.json'
import { bookingResponseSchema, buildBookingRequest, errorCatalogueSchema, toConfirmation } from '../../../../src/main/services/bring/booking'
import { fieldForBookingError, splitCode } from '../../../../src/main/services/bring/booking-error-fields'
import { bookingFormSchema } from '../../../../src/shared/domain/booking'
import { domesticForm } from '../../../helpers/booking-form'

/** Every key path in a request must exist in the documented example or the documented schema extras. */
function keyPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => keyPaths(x, `${prefix}[]`))
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [`${prefix}.${k}`, ...keyPaths(x, `${prefix}.${k}`)])
  return []
}
const documented = new Set([
  ...keyPaths(requestExample),
  // documented in the schema (and Bring's customs guide) but absent from the example
  '.consignments[].product.additionalServices', '.consignments[].product.additionalServices[].id',
  '.consignments[].product.ediCustomsDeclarations', '.consignments[].product.ediCustomsDeclarations.natureOfTransaction',
  '.consignments[].product.ediCustomsDeclarations.ediCustomsDeclaration',
  ...['quantity', 'goodsDescription', 'customsArticleNumber', 'itemNetWeightInKg', 'tarriffLineAmount', 'currency', 'countryOfOrigin'].map((k) => `.consignments[].product.ediCustomsDeclarations.ediCustomsDeclaration[].${k}`),
  '.consignments[].packages[].goodsDescription', '.consignments[].packages[].volumeInDm3',
  '.consignments[].returnProduct', '.consignments[].returnProduct.id', '.consignments[].parties.recipient.vatNumber', '.consignments[].parties.sender.vatNumber',
  '.consignments[].parties.pickupPoint', '.consignments[].parties.pickupPoint.id', '.consignments[].parties.pickupPoint.countryCode',
  // the importer party (Bring's customsDeclarationWithImporter.json), the IOSS number (Booking API schema)
  ...keyPaths(requestExample.consignments[0].parties.recipient, '.consignments[].parties.importer'), '.consignments[].parties.importer', '.consignments[].parties.importer.vatNumber',
  '.consignments[].product.ediCustomsDeclarations.iossNumber',
  // cash on delivery (Bring's vas/1000.json)
  ...['amount', 'currencyCode', 'accountNumber', 'codMessage', 'codMessage.value', 'codMessage.type'].map((k) => `.consignments[].product.additionalServices[].${k}`)
])

const cases = {
  'domestic parcel': domesticForm({ additionalServices: ['1280'], pickupPointId: '123456' }),
  'cargo shipment': domesticForm({ customerNumber: '7', productId: '5100', packages: [{ weightInKg: 180, volumeInDm3: 900, goodsDescription: 'Pallet of tea' }] }),
  'international with customs': domesticForm({
    productId: 'BUSINESS_PARCEL',
    recipient: { name: 'Tore Mottaker', addressLine: 'Mottakerveien 14', postalCode: '114 55', city: 'STOCKHOLM', countryCode: 'SE', vatNumber: '12345' },
    customs: { natureOfTransaction: 'SALE_OF_GOODS', consent: true, lines: [{ goodsDescription: 'Green tea', quantity: 4, itemNetWeightInKg: 2, tarriffLineAmount: 400, currency: 'NOK', countryOfOrigin: 'CN' }] }
  }),
  'cargo international with incoterm': domesticForm({
    productId: 'CARGO_INTERNATIONAL',
    recipient: { name: 'Tore Mottaker', addressLine: 'Mottakerveien 14', postalCode: '10115', city: 'BERLIN', countryCode: 'DE' },
    incotermRule: 'DDP',
    packages: [{ weightInKg: 50, volumeInDm3: 200 }]
  }),
  'return': domesticForm({ productId: '9300', returnProductId: undefined, sender: { name: 'Kari Mottaker', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO' }, recipient: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO' } }),
  'outgoing with return label': domesticForm({ returnProductId: '9300' })
}

describe('Booking request', () => {
  it.each(Object.entries(cases))('%s uses only documented fields', (_name, form) => {
    const req = buildBookingRequest(form, 'test')
    const unknown = keyPaths(req).filter((p) => !documented.has(p))
    expect(unknown).toEqual([])
  })

  it('domestic parcel: parties, product, packages, date and test indicator as documented', () => {
    const req = buildBookingRequest(cases['domestic parcel'], 'test')
    const c = req.consignments[0]
    expect(req).toMatchObject({ schemaVersion: 1, testIndicator: true })
    expect(c.product).toEqual({ id: '5800', customerNumber: '5', additionalServices: [{ id: '1280' }] })
    expect(c.parties.recipient).toMatchObject({ name: 'Kari Mottaker', postalCode: '5003', countryCode: 'NO', reference: 'ORDER-1001', contact: { email: 'kari@example.no', phoneNumber: '+4791234567' } })
    expect(c.parties.pickupPoint).toEqual({ id: '123456', countryCode: 'NO' })
    expect(c.packages[0]).toMatchObject({ weightInKg: 2.5, goodsDescription: 'Tea', dimensions: { lengthInCm: 40, widthInCm: 30, heightInCm: 20 } })
    expect(new Date(c.shippingDateTime).toString()).not.toBe('Invalid Date')
  })

  it("the shipping date and time are Oslo's, whatever zone the desk runs in (these tests run in UTC)", () => {
    const at = (shippingDate: string, shippingTime: string) => buildBookingRequest({ ...cases['domestic parcel'], shippingDate, shippingTime }, 'test').consignments[0].shippingDateTime
    expect(at('2026-12-07', '15:00')).toBe('2026-12-07T14:00:00.000Z') // winter: UTC+1
    expect(at('2026-06-29', '15:00')).toBe('2026-06-29T13:00:00.000Z') // summer: UTC+2
    expect(at('2026-12-08', '00:30')).toBe('2026-12-07T23:30:00.000Z') // still the 8th in Oslo
    expect(at('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z') // the day the clocks go forward
  })

  it('the order reference reaches Bring as the sender’s reference (Bring’s order number), unless the sender has one or an IOSS number is given', () => {
    const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4722222222' } }
    const withRef = (form: Parameters<typeof buildBookingRequest>[0]) => buildBookingRequest(form, 'test').consignments[0].parties.sender.reference
    expect(withRef(domesticForm({ sender, orderReference: 'PO-77' }))).toBe('PO-77')
    expect(withRef(domesticForm({ sender: { ...sender, reference: 'OWN-1' }, orderReference: 'PO-77' }))).toBe('OWN-1')
    expect(withRef(domesticForm({ sender }))).toBeUndefined()
    const intl = cases['international with customs']
    expect(withRef({ ...intl, sender, orderReference: 'PO-77', customs: { ...intl.customs!, iossNumber: 'IM1234567890' } })).toBeUndefined()
  })

  it('testIndicator follows the mode: only live books for real', () => {
    expect(buildBookingRequest(cases['domestic parcel'], 'sandbox').testIndicator).toBe(true)
    expect(buildBookingRequest(cases['domestic parcel'], 'test').testIndicator).toBe(true)
    expect(buildBookingRequest(cases['domestic parcel'], 'live').testIndicator).toBe(false)
  })

  it('cargo uses volume instead of dimensions; international carries customs; cargo international carries consignor/consignee and incoterm', () => {
    expect(buildBookingRequest(cases['cargo shipment'], 'test').consignments[0].packages[0]).toEqual({ correlationId: expect.any(String), weightInKg: 180, goodsDescription: 'Pallet of tea', volumeInDm3: 900 })
    const intl = buildBookingRequest(cases['international with customs'], 'test').consignments[0].product
    expect(intl.ediCustomsDeclarations).toEqual({ natureOfTransaction: 'SALE_OF_GOODS', ediCustomsDeclaration: [{ quantity: 4, goodsDescription: 'Green tea', itemNetWeightInKg: 2, tarriffLineAmount: 400, currency: 'NOK', countryOfOrigin: 'CN' }] })
    const ci = buildBookingRequest(cases['cargo international with incoterm'], 'test').consignments[0]
    expect(ci.product.incotermRule).toBe('DDP')
    expect(ci.parties.consignee?.countryCode).toBe('DE')
    expect(buildBookingRequest(cases['outgoing with return label'], 'test').consignments[0].returnProduct).toEqual({ id: '9300' })
  })

  it('the form schema enforces documented limits and rules', () => {
    const long = 'x'.repeat(36)
    const bad = bookingFormSchema.safeParse({ ...cases['domestic parcel'], recipient: { ...cases['domestic parcel'].recipient, addressLine: long } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({ path: ['recipient', 'addressLine'], message: 'Address: at most 35 characters' })
    const email = bookingFormSchema.safeParse({ ...cases['domestic parcel'], recipient: { ...cases['domestic parcel'].recipient, contact: { email: `${'a'.repeat(55)}@b.com` } } })
    expect(email.error?.issues[0].message).toBe('E-mail: at most 60 characters')
    const noCustoms = bookingFormSchema.safeParse({ ...cases['international with customs'], customs: undefined })
    expect(noCustoms.error?.issues[0]).toMatchObject({ path: ['customs'] })
    const noPhone = bookingFormSchema.safeParse({ ...cases['domestic parcel'], sender: { ...cases['domestic parcel'].sender, contact: {} } })
    expect(noPhone.error?.issues[0].path).toEqual(['sender', 'contact', 'phoneNumber'])
    expect(bookingFormSchema.safeParse({ ...cases['return'], sender: { ...cases['return'].sender, contact: {} } }).success).toBe(true)
  })
})

describe('Booking response and errors', () => {
  it('reads the documentation example', () => {
    const c = toConfirmation(bookingResponseSchema.parse(responseExample))
    expect(c).toEqual({
      consignmentNumber: '70438101263797410',
      packageNumbers: ['1234'],
      labelUrl: 'http://www.bring.no/label.pdf',
      trackingUrl: 'https://sporing.posten.no/sporing/70438101263797410',
      waybillUrl: undefined,
      expectedDelivery: '2022-06-28T22:00:00.000+00:00',
      earliestPickup: undefined
    })
  })

  const catalogue = errorCatalogueSchema.parse(fallback)
  const suffixable = catalogue.errorTypes.filter((e) => e.suffixable)

  it('the bundled catalogue is Bring’s documented one', () => {
    expect(catalogue.errorTypes.length).toBe(173)
    expect(suffixable.length).toBeGreaterThan(5)
  })

  it.each(suffixable.flatMap((e) => ['SENDER', 'RECIPIENT'].map((s) => [`${e.code}-${s}`, s.toLowerCase()])))('%s maps to a %s field', (code, party) => {
    expect(fieldForBookingError(code, catalogue)).toMatch(new RegExp(`^${party}\\.`))
  })

  it('splits suffixes only off suffixable codes and maps plain codes to their field', () => {
    expect(splitCode('BOOK-INPUT-015-RECIPIENT', catalogue)).toEqual({ base: 'BOOK-INPUT-015', suffix: 'RECIPIENT' })
    expect(splitCode('BOOK-INPUT-002', catalogue)).toEqual({ base: 'BOOK-INPUT-002' })
    expect(fieldForBookingError('BOOK-INPUT-015-RECIPIENT', catalogue)).toBe('recipient.addressLine')
    expect(fieldForBookingError('BOOK_INPUT-057-SENDER', catalogue)).toBe('sender.postalCode')
    expect(fieldForBookingError('BOOK-INPUT-021', catalogue)).toBe('customerNumber')
    expect(fieldForBookingError('BOOK-INPUT-002', catalogue)).toBe('packages.0.weightInKg')
    expect(fieldForBookingError('BOOK-INPUT-005', catalogue)).toBeUndefined()
  })
})
