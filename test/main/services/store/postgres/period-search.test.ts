import { describe, expect, it } from 'vitest'
import { periodGrams, periodsBetween } from '../../../../../src/main/services/store/postgres/period-search'

describe('the period index of the PostgreSQL search', () => {
  it('asks ten-day periods newest first, across months and years', () => {
    expect(periodsBetween('2025-01-12T10:00:00.000Z', '2024-12-25T08:00:00.000Z')).toEqual(['2025-01-1', '2025-01-0', '2024-12-3', '2024-12-2'])
    expect(periodsBetween('2024-06-05T10:00:00.000Z', '2024-06-01T10:00:00.000Z')).toEqual(['2024-06-0'])
    expect(periodsBetween('2025-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')).toHaveLength(1 + 12 * 4)
  })

  it('leaves dates it cannot read, and absurd spans, to the trigram index', () => {
    expect(periodsBetween('yesterday', '2024-01-01T00:00:00.000Z')).toBeNull()
    expect(periodsBetween('2024-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')).toBeNull()
    expect(periodsBetween('9999-12-31T00:00:00.000Z', '0001-01-01T00:00:00.000Z')).toBeNull()
  })

  it('takes 3-character pieces that cover the search, as the index holds them (lower case, spaces kept); short ones and long numbers go elsewhere', () => {
    expect(periodGrams('Hansen 4')).toEqual(['han', 'sen', 'n 4'])
    expect(periodGrams('ORDER-1012')).toEqual(['ord', '101', '012']) // at most three: first, middle, last
    expect(periodGrams('zzzz-no-match')).toEqual(['zzz', 'o-m', 'tch'])
    expect(periodGrams('ØDEG')).toEqual(['øde', 'deg'])
    expect(periodGrams('Lie')).toEqual(['lie'])
    expect(periodGrams('d a')).toEqual(['d a'])
    expect(periodGrams('Ol')).toBeNull()
    expect(periodGrams('70438101999999999')).toBeNull()
  })
})
