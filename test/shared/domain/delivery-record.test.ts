// The delivery record's arithmetic: what a shipment adds to its group, what changes when its facts do,
// and a group too thin to give a rate.
import { describe, expect, it } from 'vitest'
import { countsOf, noCounts, addCounts, parseCounts, recordDeltas, summarize, MIN_RECORD_SHIPMENTS, type DeliveryFacts, type RecordEntry } from '../../../src/shared/domain/delivery-record'

const facts = (over: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  promisedDate: '2026-03-04', handedInAt: '2026-03-03T10:00:00.000Z', firstAttemptAt: null, deliveredAt: '2026-03-04T12:00:00.000Z', readyForPickupAt: null, collectedAt: null, returnedAt: null,
  arrivedAt: '2026-03-04T12:00:00.000Z', transitWorkingDays: 1, outcome: 'on_time', lateByWorkingDays: 0, deviations: 0, attempts: 0, ...over
})
const key = { mode: 'live' as const, month: '2026-03', productId: '3584', customerNumber: '5', country: 'NO', area: '50' }
const entry = (f: Partial<DeliveryFacts>, price: number | null = 80): RecordEntry => ({ key, facts: facts(f), price })

describe('delivery record totals', () => {
  it('a group with fewer shipments of known outcome than the minimum says "too few" (no rate, no days); from the minimum on, rates and days', () => {
    const few = Array.from({ length: MIN_RECORD_SHIPMENTS - 1 }, () => countsOf(facts(), 80)).reduce((a, b) => addCounts(a, b), noCounts())
    // Shipments not yet arrived count as shipments, not as outcomes.
    const withPending = addCounts(few, countsOf(facts({ arrivedAt: null, deliveredAt: null, transitWorkingDays: null, outcome: 'unknown' }), null))
    expect(summarize(withPending)).toMatchObject({ shipments: MIN_RECORD_SHIPMENTS, judged: MIN_RECORD_SHIPMENTS - 1, tooFew: true, onTimeRate: null, medianDays: null, averagePrice: null })
    const enough = addCounts(few, countsOf(facts({ outcome: 'late', lateByWorkingDays: 2, transitWorkingDays: 3, deviations: 1 }), 120))
    expect(summarize(enough)).toMatchObject({ shipments: 5, judged: 5, tooFew: false, onTimeRate: 0.8, medianDays: 1, p90Days: 3, deviationShare: 0.2, averagePrice: 88 })
  })

  it('a shipment’s facts changing moves its group by the difference only; the same facts again change nothing; another group moves it across', () => {
    const first = recordDeltas(null, entry({ outcome: 'unknown', arrivedAt: null, deliveredAt: null, transitWorkingDays: null }, null))
    expect(first).toHaveLength(1)
    expect(first[0].counts).toMatchObject({ shipments: 1, arrived: 0, onTime: 0 })
    const arrived = recordDeltas(entry({ outcome: 'unknown', arrivedAt: null, deliveredAt: null, transitWorkingDays: null }, null), entry({}))
    expect(arrived[0].counts).toMatchObject({ shipments: 0, arrived: 1, onTime: 1, priced: 1, priceSum: 80 })
    expect(arrived[0].counts.transit[1]).toBe(1)
    expect(recordDeltas(entry({}), entry({}))).toEqual([])
    const moved = recordDeltas(entry({}), { ...entry({}), key: { ...key, area: '70' } })
    expect(moved.map((d) => [d.key.area, d.counts.shipments])).toEqual([['50', -1], ['70', 1]])
  })

  it('stored totals that are not in the expected shape are refused with a reason, not summed', () => {
    expect(parseCounts(JSON.stringify(countsOf(facts(), 80)))).toMatchObject({ shipments: 1 })
    expect(() => parseCounts('{"shipments":1}')).toThrow(/not in the expected shape/)
    expect(() => parseCounts(JSON.stringify({ ...noCounts(), transit: [1, 2] }))).toThrow(/not in the expected shape/)
  })
})
