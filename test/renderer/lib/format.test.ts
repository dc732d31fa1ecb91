import { describe, expect, it } from 'vitest'
import { formatDate, formatDeliveryDay } from '../../../src/renderer/src/lib/format'

describe('the delivery day Bring promised, as the desk reads it', () => {
  it("reads the booking's instant on Oslo's calendar: Bring's midnight in UTC is the next day", () => {
    // From Bring's booking example: midnight in Oslo in summer, written in UTC.
    expect(formatDeliveryDay('2022-06-28T22:00:00.000+00:00', 'nb')).toBe(formatDate('2022-06-29', 'nb'))
    expect(formatDeliveryDay('2022-06-28T22:00:00.000+00:00', 'en')).toBe('Wed 29 Jun')
    // Winter: one hour ahead.
    expect(formatDeliveryDay('2026-12-09T23:00:00.000+00:00', 'nb')).toBe('tor. 10. des.')
  })

  it('shows a plain date as the quote does, and anything unreadable as it came', () => {
    expect(formatDeliveryDay('2026-12-10', 'nb')).toBe('tor. 10. des.')
    expect(formatDeliveryDay('not a date at all', 'en')).toBe('not a date at all')
  })
})
