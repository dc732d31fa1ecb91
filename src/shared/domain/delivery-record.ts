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
