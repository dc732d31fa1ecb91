import { describe, expect, it } from 'vitest'
import { quoteInputSchema } from '../../src/shared/domain/quote'

const today = new Date().toISOString().slice(0, 10)
const fields = (input: unknown): string[] => {
  const r = quoteInputSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'))
}

describe('quote form: one "Get prices" shows every problem', () => {
  const base = { fromCountryCode: 'NO', toCountryCode: 'NO', shippingDate: today, customerNumbers: ['5'] }

  it('empty postal codes are reported together with a missing weight (were hidden until the weight was fixed)', () => {
    const found = fields({ ...base, fromPostalCode: '', toPostalCode: '', packages: [{ weightKg: '' }] })
    expect(found).toEqual(expect.arrayContaining(['fromPostalCode', 'toPostalCode', 'packages.0.weightKg']))
  })

  it('a postal code that is wrong in its own way gets one message, not two', () => {
    const r = quoteInputSchema.safeParse({ ...base, fromPostalCode: '1'.repeat(11), toPostalCode: '0150', packages: [{ weightKg: 2 }] })
    expect(r.success).toBe(false)
    expect(r.error!.issues.filter((i) => i.path[0] === 'fromPostalCode')).toHaveLength(1)
  })

  it('odd input (a number for a country, no packages) is refused without the check throwing', () => {
    expect(fields({ ...base, fromCountryCode: 47, fromPostalCode: '0150', toPostalCode: '5003' })).toEqual(expect.arrayContaining(['fromCountryCode', 'packages']))
    expect(fields({ ...base, fromPostalCode: '0150', toPostalCode: '5003', packages: [{ weightKg: 2 }] })).toEqual([])
  })
})

describe('a date field answers with one message', () => {
  it('empty: "Choose a shipping date" only; impossible or over-long: "Not a real date" only', async () => {
    const { bookingFormSchema } = await import('../../src/shared/domain/booking')
    const dateMessages = (shippingDate: string): string[] => {
      const r = bookingFormSchema.safeParse({ shippingDate })
      return r.success ? [] : r.error.issues.filter((i) => i.path[0] === 'shippingDate').map((i) => i.message)
    }
    expect(dateMessages('')).toEqual(['Choose a shipping date'])
    expect(dateMessages('2026-02-30')).toEqual(['Not a real date (YYYY-MM-DD)'])
    expect(dateMessages('2026-02-300000')).toEqual(['Not a real date (YYYY-MM-DD)'])
  })
})
