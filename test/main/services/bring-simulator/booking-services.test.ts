// The Sandbox refuses what Bring refuses about additional services, with Bring's codes, and takes what
// the app's request builder sends for every service it offers.
import { describe, expect, it } from 'vitest'
import { serviceErrors } from '../../../../src/main/services/bring-simulator/routes/booking-services'
import { buildBookingRequest } from '../../../../src/main/services/bring/booking'
import { bookingFormSchema } from '../../../../src/shared/domain/booking'
import { catalogueProductIds } from '../../../../src/shared/catalogue/products'
import { serviceFitsProduct, servicesForProducts } from '../../../../src/shared/catalogue/additional-services'
import { domesticForm } from '../../../helpers/booking-form'
import { exampleForms } from '../../../helpers/service-examples'

const err = (code: string) => ({ code, message: code })
const codes = (c: Record<string, unknown>) => serviceErrors(c, err).map((e) => e.code)

/** A consignment as the app builds it, on a product that takes the service. */
function built(id: string, values: Record<string, unknown> = exampleForms[id]?.values ?? {}) {
  const { serviceDetails, ...rest } = values as { serviceDetails?: object }
  const formWith = (productId: unknown) => bookingFormSchema.safeParse({ ...domesticForm(), ...rest, productId, additionalServices: [id], serviceDetails: { ...serviceDetails } })
  // The example's product, else the first product that takes the service and books from Norway to Norway.
  const candidates = values.productId ? [values.productId] : catalogueProductIds().filter((p) => serviceFitsProduct(id, p))
  const form = candidates.map(formWith).find((r) => r.success)?.data
  if (!form) throw new Error(`no product books ${id} with a domestic form`)
  return buildBookingRequest(form, 'test').consignments[0] as unknown as Record<string, unknown> & { product: Record<string, unknown>; parties: Record<string, unknown> }
}

describe('additional services at the simulated Booking API', () => {
  it('takes every service Quote and Book offer, as the app sends it', () => {
    const offered = servicesForProducts(catalogueProductIds(), 'en')
    const refused = offered.map((v) => ({ id: v.code, codes: codes(built(v.code)) })).filter((r) => r.codes.length > 0)
    expect(refused).toEqual([])
  })

  it('refuses a service in the wrong place: delivery attempts, a pickup point or a delivery day sent as additional services', () => {
    for (const id of ['1283', 'SELECT_PICKUP_POINT', 'PREFERRED_DELIVERY_DAY']) {
      const c = built(id)
      c.product.additionalServices = [{ id }]
      expect(codes(c), id).toContain('BOOK-INPUT-080')
    }
  })

  it('refuses what a service needs and was not given, with Bring’s codes', () => {
    const without = (id: string, strip: (entry: Record<string, unknown>) => void) => {
      const c = built(id)
      const entries = c.product.additionalServices as Record<string, unknown>[]
      strip(entries[0])
      return codes(c)
    }
    expect(without('0039', (e) => delete e.message)).toEqual(['BOOK-INPUT-062'])
    expect(without('1163', (e) => delete e.message)).toEqual(['BOOK-INPUT-093'])
    expect(without('1095', (e) => (delete e.email, delete e.mobile))).toEqual(['BOOK_VALIDATION-035'])
    expect(without('1245', (e) => delete e.unNumber)).toEqual(['BOOK-INPUT-048'])
    expect(without('1245', (e) => (e.unNumber = '32'))).toEqual(['BOOK-INPUT-091'])
    expect(without('1245', (e) => delete e.commodity)).toEqual(['BOOK-INPUT-049'])
    expect(without('1245', (e) => delete e.weightInGrams)).toEqual(['BOOK-INPUT-050'])
    expect(without('1000', (e) => ((e.currencyCode = 'SEK'), (e.accountType = null)))).toEqual(['BOOK-INPUT-044'])
  })

  it('limited quantities by boat (Norway to Finland) need the gross weight; by road they do not', () => {
    const toFinland = built('0003', { serviceDetails: {} })
    ;(toFinland.parties.recipient as Record<string, unknown>).countryCode = 'FI'
    expect(codes(toFinland)).toEqual(['BOOK-VALIDATION-030'])
    expect(codes(built('0003', { serviceDetails: {} }))).toEqual([])
  })

  it('refuses a delivery option or a pickup point the product does not take', () => {
    const c = built('1283')
    c.product.id = '5800'
    expect(codes(c)).toEqual(['BOOK_VALIDATION-018'])
    const p = built('SELECT_PICKUP_POINT')
    p.product.id = '5600'
    expect(codes(p)).toEqual(['BOOK-INPUT-047'])
  })
})
