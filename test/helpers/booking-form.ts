import { randomUUID } from 'node:crypto'
import { bookingFormSchema, type BookingForm, type BookingFormValues } from '../../src/shared/domain/booking'
import { osloDate } from '../../src/shared/domain/fields'

/** A valid domestic parcel form (customer 5, Pickup parcel 5800, Oslo → Bergen) with overrides. */
export function domesticForm(overrides: Partial<BookingFormValues> = {}): BookingForm {
  return bookingFormSchema.parse({
    clientRequestId: randomUUID(),
    customerNumber: '5',
    productId: '5800',
    sender: { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { name: 'Trond Nordmann', phoneNumber: '+4712345678', email: 'trond@example.no' } },
    recipient: { name: 'Kari Mottaker', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', reference: 'ORDER-1001', contact: { email: 'kari@example.no', phoneNumber: '+4791234567' } },
    packages: [{ weightInKg: 2.5, lengthInCm: 40, widthInCm: 30, heightInCm: 20, goodsDescription: 'Tea' }],
    shippingDate: osloDate(),
    shippingTime: '14:00',
    ...overrides
  })
}
