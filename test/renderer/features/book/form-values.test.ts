import { describe, expect, it } from 'vitest'
import { fromQuoteDraft, fromShipment } from '../../../../src/renderer/src/features/book/form-values'
import { bookingFormSchema, type ShipmentDetail } from '../../../../src/shared/domain/booking'
import { storedQuoteInputSchema as quoteInputSchema } from '../../../../src/shared/domain/quote'
import { domesticForm } from '../../../helpers/booking-form'

describe('booking form prefill', () => {
  it('"Book this" carries service, postal codes, packages and a date not in the past', () => {
    const quote = quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: '2020-01-01', packages: [{ weightKg: 2.5, lengthCm: 40, widthCm: 30, heightCm: 20 }], customerNumbers: ['5'] })
    const values = fromQuoteDraft({ source: 'quote', createdAt: '', customerNumber: '5', productId: '5800', productName: 'Pickup parcel', quote }, { name: 'Nordisk Te AS' })
    expect(values).toMatchObject({ customerNumber: '5', productId: '5800', sender: { name: 'Nordisk Te AS', postalCode: '0150' }, recipient: { postalCode: '5003' } })
    expect(values.packages[0]).toMatchObject({ weightInKg: 2.5, lengthInCm: 40, widthInCm: 30, heightInCm: 20 })
    expect(values.shippingDate > '2020-01-01').toBe(true)
    expect(values.quotedPrice).toBeUndefined()
  })

  it('"Book this" keeps the quoted price with the booking (for the spend report); "Book again" of that booking does not', () => {
    const quote = quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: '2030-01-01', packages: [{ weightKg: 2.5 }], customerNumbers: ['5'] })
    const quotedPrice = { productId: '5800', amount: 123.45, currency: 'NOK' }
    const values = fromQuoteDraft({ source: 'quote', createdAt: '', customerNumber: '5', productId: '5800', productName: 'Pickup parcel', quote, quotedPrice }, { name: 'Nordisk Te AS' })
    expect(values.quotedPrice).toEqual(quotedPrice)
    const booked = domesticForm({ quotedPrice })
    expect(fromShipment({ form: booked } as ShipmentDetail).quotedPrice).toBeUndefined()
  })

  it('"Book again" copies everything under a new request id, so it is a new booking', () => {
    const form = domesticForm()
    const values = fromShipment({ form } as ShipmentDetail)
    expect(values.clientRequestId).not.toBe(form.clientRequestId)
    const parsed = bookingFormSchema.parse(values)
    expect({ ...parsed, clientRequestId: form.clientRequestId, shippingDate: form.shippingDate }).toEqual(form)
  })

  it('a pickup point from a quote or an earlier shipment brings "Optional pickup point" along, so its id is shown and sent', () => {
    const quote = quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: '2030-01-01', packages: [{ weightKg: 2.5 }], customerNumbers: ['5'], pickupPointId: '736431' })
    const values = fromQuoteDraft({ source: 'quote', createdAt: '', customerNumber: '5', productId: '5800', productName: 'Pickup parcel', quote }, { name: 'Nordisk Te AS' })
    expect(values).toMatchObject({ pickupPointId: '736431', additionalServices: ['SELECT_PICKUP_POINT'] })
    // A shipment booked before the service was needed (the id alone) books again with it.
    const again = fromShipment({ form: domesticForm({ pickupPointId: '736431' }) } as ShipmentDetail)
    expect(again.additionalServices).toEqual(['SELECT_PICKUP_POINT'])
    expect(bookingFormSchema.safeParse(again).success).toBe(true)
  })
})
