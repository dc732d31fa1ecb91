import { z } from 'zod'

/**
 * What happened to one shipment against what Bring promised, from its tracking events: kept with the
 * tracking state and updated as events arrive. Times are Bring's event times (ISO); dates are Oslo's.
 */
export const deliveryFactsSchema = z.object({
  /** The delivery date Bring promised (booking confirmation, else the quote), or null. */
  promisedDate: z.string().nullable(),
  handedInAt: z.string().nullable(),
  firstAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readyForPickupAt: z.string().nullable(),
  /** Fetched by the recipient at the pickup point. */
  collectedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /**
   * The first time the recipient could have had it: delivered, a delivery attempt at the door, or ready
   * at the pickup point, whichever came first (for a consignment of several packages, the last of them).
   */
  arrivedAt: z.string().nullable(),
  /** Working days (Norway's) from handed in to arrived; null until both are known. */
  transitWorkingDays: z.number().int().nullable(),
  /** on_time: arrived on or before the promised date; late: after it (or the date has passed without it); unknown: no promise, or not arrived and not yet due. */
  outcome: z.enum(['on_time', 'late', 'unknown']),
  /** Working days after the promised date (so far, while it has not arrived); 0 unless late. */
  lateByWorkingDays: z.number().int(),
  deviations: z.number().int(),
  attempts: z.number().int()
})
export type DeliveryFacts = z.infer<typeof deliveryFactsSchema>

/** Which group a shipment counts in: its mode, the month it was booked (Oslo), service, customer number, and where it went. */
export interface RecordKey {
  mode: 'sandbox' | 'test' | 'live'
  month: string
  productId: string
  customerNumber: string
  country: string
  /** The postal code's first two characters: Norway's postal areas ("50" = Bergen). */
  area: string
}

export const areaOf = (postalCode: string): string => postalCode.replace(/\s/g, '').slice(0, 2).toUpperCase()

/** Longest transit kept apart: 10 means "10 working days or more". */
const TRANSIT_SLOTS = 11

/** A group's running totals (what each shipment adds; taken out again when its facts change). */
export const recordCountsSchema = z.object({
  shipments: z.number().int(),
  arrived: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  deviated: z.number().int(),
  returned: z.number().int(),
  /** How many arrived after 0, 1, … 10+ working days in transit. */
  transit: z.array(z.number().int()).length(TRANSIT_SLOTS),
  priced: z.number().int(),
  priceSum: z.number()
})
export type RecordCounts = z.infer<typeof recordCountsSchema>

const countFields = ['shipments', 'arrived', 'onTime', 'late', 'deviated', 'returned', 'priced', 'priceSum'] as const
/**
 * Totals as stored (JSON), checked field by field: the screen sums tens of thousands of groups, where a
 * schema parse per group cost more than the sums (the same rules as recordCountsSchema).
 */
export function parseCounts(json: unknown): RecordCounts {
  const c = (typeof json === 'string' ? JSON.parse(json) : json) as RecordCounts
  const ok = c && typeof c === 'object' && countFields.every((f) => typeof c[f] === 'number' && Number.isFinite(c[f])) && Array.isArray(c.transit) && c.transit.length === TRANSIT_SLOTS && c.transit.every((n) => Number.isInteger(n))
  if (!ok) throw new Error('A delivery record total is not in the expected shape')
  return c
}

export const noCounts = (): RecordCounts => ({ shipments: 0, arrived: 0, onTime: 0, late: 0, deviated: 0, returned: 0, transit: Array(TRANSIT_SLOTS).fill(0), priced: 0, priceSum: 0 })

/** What one shipment adds to its group. */
export function countsOf(facts: DeliveryFacts, price: number | null): RecordCounts {
  const c = noCounts()
  c.shipments = 1
  if (facts.arrivedAt) c.arrived = 1
  if (facts.outcome === 'on_time') c.onTime = 1
  if (facts.outcome === 'late') c.late = 1
  if (facts.deviations > 0) c.deviated = 1
  if (facts.returnedAt) c.returned = 1
  if (facts.transitWorkingDays !== null) c.transit[Math.max(0, Math.min(TRANSIT_SLOTS - 1, facts.transitWorkingDays))] = 1
  if (price !== null) {
    c.priced = 1
    c.priceSum = price
  }
  return c
}

/** a + sign × b, slot by slot, as new totals (a is left as it was). */
export const addCounts = (a: RecordCounts, b: RecordCounts, sign: 1 | -1 = 1): RecordCounts => addInto({ ...a, transit: [...a.transit] }, b, sign)

/** Adds sign × b into `into` in place (summing many groups without making a new object per group); money to the øre. */
export function addInto(into: RecordCounts, b: RecordCounts, sign: 1 | -1 = 1): RecordCounts {
  for (const f of countFields) into[f] += sign * b[f]
  for (let i = 0; i < TRANSIT_SLOTS; i++) into.transit[i] += sign * (b.transit[i] ?? 0)
  into.priceSum = Math.round(into.priceSum * 100) / 100
  return into
}

/** The month `n` months before a YYYY-MM month (across years). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7)
}

/** Below this many shipments with a known outcome, a group says "too few" instead of a rate. */
export const MIN_RECORD_SHIPMENTS = 5

/** The working days below which `share` of the arrived shipments arrived (from the per-day counts). */
function percentile(transit: number[], share: number): number | null {
  const total = transit.reduce((s, n) => s + n, 0)
  if (total === 0) return null
  let seen = 0
  for (let d = 0; d < transit.length; d++) {
    seen += transit[d]
    if (seen >= share * total) return d
  }
  return transit.length - 1
}

export const recordSummarySchema = z.object({
  shipments: z.number().int(),
  /** Shipments whose outcome is known (on time or late): what the rate is of. */
  judged: z.number().int(),
  /** null: too few to say. */
  onTimeRate: z.number().nullable(),
  medianDays: z.number().int().nullable(),
  p90Days: z.number().int().nullable(),
  deviationShare: z.number().nullable(),
  returnShare: z.number().nullable(),
  averagePrice: z.number().nullable(),
  tooFew: z.boolean()
})
export type RecordSummary = z.infer<typeof recordSummarySchema>

export function summarize(c: RecordCounts): RecordSummary {
  const judged = c.onTime + c.late
  const tooFew = judged < MIN_RECORD_SHIPMENTS
  const share = (n: number): number | null => (tooFew || c.shipments === 0 ? null : n / c.shipments)
  return {
    shipments: c.shipments,
    judged,
    onTimeRate: tooFew ? null : c.onTime / judged,
    medianDays: tooFew ? null : percentile(c.transit, 0.5),
    p90Days: tooFew ? null : percentile(c.transit, 0.9),
    deviationShare: share(c.deviated),
    returnShare: share(c.returned),
    averagePrice: tooFew || c.priced === 0 ? null : Math.round((c.priceSum / c.priced) * 100) / 100,
    tooFew
  }
}

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is YYYY-MM')

export const deliveryRecordQuerySchema = z.object({ from: month, to: month }).strict().refine((q) => q.from <= q.to, { message: 'The period ends before it starts', path: ['to'] })

export const deliveryRecordGroupSchema = z.object({
  productId: z.string(),
  customerNumber: z.string(),
  country: z.string(),
  area: z.string(),
  summary: recordSummarySchema
})
export const deliveryRecordSchema = z.object({
  groups: z.array(deliveryRecordGroupSchema),
  /** Per service and month, for the small charts: the on-time rate (null: too few). */
  months: z.array(z.object({ productId: z.string(), month: z.string(), shipments: z.number().int(), onTimeRate: z.number().nullable() })),
  minShipments: z.number().int()
})
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>

/** What the quote and the booking form show next to Bring's promise, per service (null: the history is too thin). */
export const deliveryAnnotationSchema = z.object({ onTimeRate: z.number(), medianDays: z.number().int(), shipments: z.number().int() })
export type DeliveryAnnotation = z.infer<typeof deliveryAnnotationSchema>
/** Without a postal code (a batch's default service, whose rows go everywhere): the service's record to every area of the country. */
export const deliveryAnnotationQuerySchema = z.object({ productIds: z.array(z.string().max(40)).min(1).max(60), postalCode: z.string().max(12).optional(), countryCode: z.string().regex(/^[A-Z]{2}$/) }).strict()

/** What a tracked shipment contributes: its group, facts and Bring's price (kept with its tracking state). */
export const recordEntrySchema = z.object({
  key: z.object({ mode: z.enum(['sandbox', 'test', 'live']), month: z.string(), productId: z.string(), customerNumber: z.string(), country: z.string(), area: z.string() }),
  facts: deliveryFactsSchema,
  price: z.number().nullable()
})
export type RecordEntry = z.infer<typeof recordEntrySchema>

const sameKey = (a: RecordKey, b: RecordKey): boolean => (Object.keys(a) as (keyof RecordKey)[]).every((k) => a[k] === b[k])

/** The changes to the groups' totals when a shipment's entry goes from `before` to `after` (none when nothing it adds changed). */
export function recordDeltas(before: RecordEntry | null, after: RecordEntry): { key: RecordKey; counts: RecordCounts }[] {
  const next = countsOf(after.facts, after.price)
  if (!before) return [{ key: after.key, counts: next }]
  const prev = countsOf(before.facts, before.price)
  if (!sameKey(before.key, after.key)) return [{ key: before.key, counts: addCounts(noCounts(), prev, -1) }, { key: after.key, counts: next }]
  const delta = addCounts(next, prev, -1)
  return JSON.stringify(delta) === JSON.stringify(noCounts()) ? [] : [{ key: after.key, counts: delta }]
}
