import { randomUUID } from 'node:crypto'
import type { PickupOrderFormValues } from '../../src/shared/domain/pickup'
import { osloDate } from '../../src/shared/domain/fields'

/** The next Monday–Friday after today, as YYYY-MM-DD (a date Bring picks up on). */
export function nextWorkday(): string {
  const d = new Date()
  do d.setDate(d.getDate() + 1)
  while (d.getDay() === 0 || d.getDay() === 6)
  return osloDate(d)
}

/** A valid PARCEL pickup order from the shop in Oslo, as the form sends it, with overrides. */
export function pickupFormValues(overrides: Partial<PickupOrderFormValues> = {}): PickupOrderFormValues {
  return {
    clientRequestId: randomUUID(),
    customerNumber: '5',
    type: 'PARCEL',
    countryCode: 'NO',
    companyName: 'Nordisk Te AS',
    street: 'Testsvingen 12',
    postalCode: '0150',
    city: 'OSLO',
    email: 'lager@example.no',
    phoneNumber: '+47 12 34 56 78',
    message: 'Bakdøra',
    pickupDate: nextWorkday(),
    packagesCount: 3,
    packagesWeightKg: 7.5,
    ...overrides
  }
}
