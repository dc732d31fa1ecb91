// The delivery record's facts: Norway's working days (public holidays that move with Easter, a year's
// turn) and what each of the simulator's journeys (home, pickup point, deviation, attempted, return)
// says about a shipment against Bring's promise.
import { describe, expect, it } from 'vitest'
import { isWorkingDay, workingDaysBetween } from '../../../../src/main/services/calendar/norwegian-calendar'
import { deliveryFacts } from '../../../../src/main/services/delivery-record/delivery-facts'
import { trackingRoutes } from '../../../../src/main/services/bring-simulator/routes/tracking'
import { parseTracking, trackingResponseSchema } from '../../../../src/main/services/bring/tracking'
import type { SimJourney, SimState } from '../../../../src/main/services/bring-simulator/types'

describe("Norway's working days", () => {
  it('skips weekends and the public holidays, Easter and Pentecost where they fall that year', () => {
    // Easter 2026: Maundy Thursday 2 April … Easter Monday 6 April.
    expect(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-04-07'].map(isWorkingDay)).toEqual([true, false, false, false, true])
    expect(workingDaysBetween('2026-04-01', '2026-04-07')).toBe(1)
    // Easter 2027 is in March; Ascension 2025 on 29 May, Whit Monday 9 June.
    expect(['2027-03-25', '2027-03-26', '2027-03-29', '2027-03-30'].map(isWorkingDay)).toEqual([false, false, false, true])
    expect(workingDaysBetween('2025-05-28', '2025-06-02')).toBe(2)
    expect(isWorkingDay('2025-06-09')).toBe(false)
    // 1 and 17 May; 17 May on a Sunday (2026) takes no weekday.
    expect([isWorkingDay('2026-05-01'), isWorkingDay('2025-05-16'), isWorkingDay('2026-05-18')]).toEqual([false, true, true])
  })

  it('across a year’s turn; Christmas Eve and New Year’s Eve are (short) working days; same day 0, earlier negative', () => {
    expect(workingDaysBetween('2025-12-31', '2026-01-02')).toBe(1)
    expect(workingDaysBetween('2025-12-23', '2025-12-29')).toBe(2) // 24th and 29th
    expect(workingDaysBetween('2026-03-02', '2026-03-02')).toBe(0)
    expect(workingDaysBetween('2026-03-06', '2026-03-02')).toBe(-4)
  })
})

/** What the simulator's Tracking API answers for a consignment booked at `bookedAt` on a journey, `hours` later. */
function trackedAfter(journey: SimJourney, productId: string, bookedAt: string, hours: number, packages = 1) {
  const state = { bookings: new Map(), consignments: new Map(), pickups: new Map(), scriptedJourneys: [] } as unknown as SimState
  state.consignments.set('70438101000000001', { journey, correlationId: 'r', bookedAt: new Date(bookedAt), leadDays: 1, shipsAfterDays: 0, productId, packageNumbers: Array.from({ length: packages }, (_, i) => `37043810100000000${i}`), recipient: { name: 'K', postalCode: '5003', city: 'BERGEN', countryCode: 'NO' } })
  const [route] = trackingRoutes({ state } as never)
  const now = new Date(Date.parse(bookedAt) + hours * 3_600_000)
  const reply = route.handle({ url: new URL('https://api.bring.com/tracking/api/v2/tracking.json?q=70438101000000001'), headers: new Headers(), now } as never)
  return { packages: parseTracking(trackingResponseSchema.parse((reply as { body: unknown }).body), '70438101000000001').packages, now }
}

describe('delivery facts from each journey', () => {
  // Booked Tuesday 3 March 2026 at 08:00 UTC (09:00 in Oslo); Bring promised Wednesday 4 March.
  const booked = '2026-03-03T08:00:00.000Z'

  it('home delivery: handed in Tuesday, delivered Wednesday — 1 working day, on time', () => {
    const { packages, now } = trackedAfter('normal', '3584', booked, 48)
    expect(deliveryFacts(packages, '2026-03-04', now)).toMatchObject({
      handedInAt: '2026-03-03T10:00:00.000Z',
      deliveredAt: '2026-03-04T12:00:00.000Z',
      arrivedAt: '2026-03-04T12:00:00.000Z',
      readyForPickupAt: null,
      transitWorkingDays: 1,
      outcome: 'on_time',
      lateByWorkingDays: 0,
      deviations: 0,
      attempts: 0
    })
  })

  it('pickup point: ready Wednesday counts as arrived; fetched later is "collected", not late', () => {
    const { packages, now } = trackedAfter('normal', '5800', booked, 48)
    expect(deliveryFacts(packages, '2026-03-04', now)).toMatchObject({ readyForPickupAt: '2026-03-04T08:00:00.000Z', collectedAt: '2026-03-04T14:00:00.000Z', deliveredAt: null, arrivedAt: '2026-03-04T08:00:00.000Z', transitWorkingDays: 1, outcome: 'on_time' })
  })

  it('a deviation a day late: late by 1 working day, the deviation counted', () => {
    const { packages, now } = trackedAfter('deviation', '3584', booked, 72)
    expect(deliveryFacts(packages, '2026-03-04', now)).toMatchObject({ deliveredAt: '2026-03-05T12:00:00.000Z', transitWorkingDays: 2, outcome: 'late', lateByWorkingDays: 1, deviations: 1 })
  })

  it('an attempted delivery on the promised day is arrival on time (then the pickup point); the attempt counted', () => {
    const { packages, now } = trackedAfter('attempted', '3584', booked, 48)
    expect(deliveryFacts(packages, '2026-03-04', now)).toMatchObject({ firstAttemptAt: '2026-03-04T11:00:00.000Z', readyForPickupAt: '2026-03-04T14:00:00.000Z', arrivedAt: '2026-03-04T11:00:00.000Z', outcome: 'on_time', attempts: 1 })
  })

  it('returned after waiting at the pickup point: on time for the arrival, and the return kept', () => {
    const { packages, now } = trackedAfter('return', '5800', booked, 24 * 12)
    expect(deliveryFacts(packages, '2026-03-04', now)).toMatchObject({ arrivedAt: '2026-03-04T08:00:00.000Z', returnedAt: '2026-03-14T08:00:00.000Z', collectedAt: null, outcome: 'on_time' })
  })

  it('not arrived: unknown before the promised date is past, late by the working days since once it is; no promise is unknown', () => {
    const early = trackedAfter('deviation', '3584', booked, 20)
    expect(deliveryFacts(early.packages, '2026-03-04', early.now)).toMatchObject({ arrivedAt: null, transitWorkingDays: null, outcome: 'unknown' })
    // Seen on Monday 9 March, still not arrived (a consignment of two, one lost): late by 3 working days so far.
    const two = trackedAfter('normal', '3584', booked, 48, 2)
    two.packages[1].events = two.packages[1].events.filter((e) => e.status !== 'DELIVERED')
    expect(deliveryFacts(two.packages, '2026-03-04', new Date('2026-03-09T12:00:00Z'))).toMatchObject({ arrivedAt: null, outcome: 'late', lateByWorkingDays: 3 })
    const { packages, now } = trackedAfter('normal', '3584', booked, 48)
    expect(deliveryFacts(packages, null, now)).toMatchObject({ outcome: 'unknown', transitWorkingDays: 1 })
  })

  it('over Easter: handed in before, delivered after — the holidays are not transit days', () => {
    // Booked Wednesday 1 April 2026 (Maundy Thursday and Good Friday off), delivered on the journey's clock on Thursday 2 April…
    const { packages, now } = trackedAfter('normal', '3584', '2026-04-01T08:00:00.000Z', 24 * 7)
    const facts = deliveryFacts(packages, '2026-04-07', now)
    expect(facts.transitWorkingDays).toBe(0) // …which is itself a holiday: no working day passed
    expect(facts.outcome).toBe('on_time')
  })
})
