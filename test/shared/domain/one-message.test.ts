import { describe, expect, it } from 'vitest'
import { checkRow, type BatchDefaults } from '../../../src/shared/domain/batches'

const defaults: BatchDefaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: '2026-12-08', weightKg: '1', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' }
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } }

describe('one message per problem', () => {
  it('a missing postal code says so once (it once said "Postal code is required Enter a postal code")', () => {
    const r = checkRow(defaults, { name: 'Kari', addressLine: 'Bryggen 1', city: 'BERGEN' }, sender as never, '00000000-0000-4000-8000-000000000001')
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problems.postalCode).toEqual(['Postal code is required'])
    const wrong = checkRow(defaults, { name: 'Kari', addressLine: 'Bryggen 1', postalCode: '50', city: 'BERGEN' }, sender as never, '00000000-0000-4000-8000-000000000001')
    expect(!wrong.ok && wrong.problems.postalCode).toEqual(['A postal code in NO looks like 0150'])
  })
})
