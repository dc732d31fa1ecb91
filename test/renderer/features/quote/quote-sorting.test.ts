import { describe, expect, it } from 'vitest'
import { highlights, sortRows } from '../../../../src/renderer/src/features/quote/useQuoteStore'
import type { QuoteRow } from '../../../../src/shared/domain/quote'

const row = (productId: string, price: number | null, date: string | null): QuoteRow => ({
  customerNumber: '5',
  productId,
  name: productId,
  listPrice: price === null ? undefined : { withoutVat: price / 1.25, vat: price - price / 1.25, withVat: price + 50, currency: 'NOK' },
  netPrice: price === null ? undefined : { withoutVat: price / 1.25, vat: price - price / 1.25, withVat: price, currency: 'NOK' },
  expectedDelivery: date === null ? undefined : { date },
  alternativeDeliveryDates: [],
  messages: price === null ? [{ code: 'X', message: 'not available' }] : []
})

describe('quote table sorting and highlights', () => {
  const rows = [row('A', 300, '2026-11-26'), row('B', 150, '2026-11-27'), row('ERR', null, null), row('C', 450, '2026-11-25')]

  it('sorts by the price the user pays (net incl. VAT), errors last', () => {
    expect(sortRows(rows, 'price').map((r) => r.productId)).toEqual(['B', 'A', 'C', 'ERR'])
  })

  it('sorts by delivery date, errors last', () => {
    expect(sortRows(rows, 'date').map((r) => r.productId)).toEqual(['C', 'A', 'B', 'ERR'])
  })

  it('marks the cheapest and the fastest bookable service', () => {
    const { cheapest, fastest } = highlights(rows)
    expect(cheapest?.productId).toBe('B')
    expect(fastest?.productId).toBe('C')
    expect(highlights([row('ERR', null, null)])).toEqual({ cheapest: undefined, fastest: undefined })
  })
})
