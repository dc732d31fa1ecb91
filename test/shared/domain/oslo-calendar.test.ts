import { afterEach, describe, expect, it, vi } from 'vitest'
import { osloDate, osloDayBounds } from '../../../src/shared/domain/oslo-calendar'
import { shippingDate } from '../../../src/shared/domain/fields'

const originalTz = process.env.TZ

describe("Bring's calendar is Oslo's, whatever the desk's time zone", () => {
  afterEach(() => {
    vi.useRealTimers()
    process.env.TZ = originalTz
  })

  for (const tz of ['UTC', 'America/New_York']) {
    it(`at 23:30 UTC on a desk in ${tz}, "today", the shipping date window and "booked today" are Oslo's next day`, () => {
      process.env.TZ = tz
      vi.useFakeTimers({ now: new Date('2026-12-07T23:30:00Z') })
      // The desk's own clock still says the 7th (18:30 in New York)…
      expect(new Date().getDate()).toBe(7)
      // …but in Oslo it is 00:30 on the 8th: the default shipping date and a pickup today are the 8th.
      expect(osloDate()).toBe('2026-12-08')
      // The window counts from Oslo's day (one day of slack for a form left open over midnight): the 6th is past.
      expect(shippingDate().safeParse('2026-12-06').success).toBe(false)
      expect(shippingDate().safeParse('2026-12-08').success).toBe(true)
      const [start, end] = osloDayBounds()
      expect([start.toISOString(), end.toISOString()]).toEqual(['2026-12-07T23:00:00.000Z', '2026-12-08T23:00:00.000Z'])
    })
  }

  it('in summer Oslo is UTC+2: the day starts at 22:00 UTC', () => {
    vi.useFakeTimers({ now: new Date('2026-07-01T22:30:00Z') })
    expect(osloDate()).toBe('2026-07-02')
    expect(osloDayBounds()[0].toISOString()).toBe('2026-07-01T22:00:00.000Z')
  })

  it('the day the clocks go forward (29 March 2026) is 23 hours long', () => {
    vi.useFakeTimers({ now: new Date('2026-03-29T12:00:00Z') })
    const [start, end] = osloDayBounds()
    expect([start.toISOString(), end.toISOString()]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'])
  })
})
