import { describe, expect, it } from 'vitest'
import { cargoAdHocPickupApplies, createServiceFor, gramsToKg, kgToGrams, litresToDm3, pickupTypesFor } from '../../../src/shared/domain/pickup'

describe('pickup rules from the Pickup API guide', () => {
  it('offers the pickup types Bring has per country', () => {
    expect(pickupTypesFor('NO')).toEqual(['PARCEL', 'CARGO', 'MAILBOX'])
    expect(pickupTypesFor('se')).toEqual(['PARCEL_INTERNATIONAL'])
    expect(pickupTypesFor('DK')).toEqual(['PARCEL_INTERNATIONAL'])
    expect(pickupTypesFor('FI')).toEqual([])
    expect(createServiceFor('PARCEL_INTERNATIONAL')).toBe('PARCEL')
    expect(createServiceFor('MAILBOX')).toBeNull()
  })

  it('cargo ad hoc pickup: 5400 unless booked with pickup, 5100 unless booked via the Booking API, never 5200/5300', () => {
    expect(cargoAdHocPickupApplies('5400', { bookedWithPickup: false, bookedViaBookingApi: true })).toBe(true)
    expect(cargoAdHocPickupApplies('5400', { bookedWithPickup: true, bookedViaBookingApi: true })).toBe(false)
    expect(cargoAdHocPickupApplies('5100', { bookedWithPickup: false, bookedViaBookingApi: false })).toBe(true)
    expect(cargoAdHocPickupApplies('5100', { bookedWithPickup: false, bookedViaBookingApi: true })).toBe(false)
    expect(cargoAdHocPickupApplies('5200', { bookedWithPickup: false, bookedViaBookingApi: false })).toBe(false)
    expect(cargoAdHocPickupApplies('5300', { bookedWithPickup: false, bookedViaBookingApi: false })).toBe(false)
  })

  it('converts kg to grams and litres to dm³ the way Bring wants them', () => {
    expect(kgToGrams(2.5)).toBe(2500)
    expect(kgToGrams(0.0004)).toBe(0)
    expect(kgToGrams(12.3456)).toBe(12346)
    expect(gramsToKg(1500)).toBe(1.5)
    expect(litresToDm3(40)).toBe(40)
    expect(litresToDm3(0.5)).toBe(0.5)
  })
})
