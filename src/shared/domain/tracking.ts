import { z } from 'zod'

/** Bring's event statuses (Tracking API v2, "Events Description"). */
export const bringEventStatuses = [
  'ATTEMPTED_DELIVERY', 'CUSTOMS', 'COLLECTED', 'DELIVERED', 'DELIVERED_SENDER', 'DELIVERY_CANCELLED', 'DELIVERY_CHANGED', 'DELIVERY_ORDERED', 'DEVIATION',
  'HANDED_IN', 'INTERNATIONAL', 'IN_TRANSIT', 'NOTIFICATION_SENT', 'PRE_NOTIFIED', 'READY_FOR_PICKUP', 'RETURN', 'TRANSPORT_TO_RECIPIENT', 'TERMINAL', 'UNKNOWN'
] as const

/**
 * Where a shipment stands, in the clerk's words. not_found is normal right after booking (Bring has
 * not registered the number yet); unavailable is Bring too busy (503) — neither is the user's problem.
 */
export const trackingStates = [
  'pre_notified', 'in_transit', 'out_for_delivery', 'ready_for_pickup', 'attempted_delivery', 'deviation', 'customs', 'returning', 'returned', 'delivered', 'not_found', 'unavailable', 'error'
] as const
export const trackingStateSchema = z.enum(trackingStates)
export type TrackingState = z.infer<typeof trackingStateSchema>

/** Nothing more will happen: polling stops. */
export const finalTrackingStates = new Set<TrackingState>(['delivered', 'returned'])

export const trackingEventSchema = z.object({
  status: z.string(),
  description: z.string(),
  at: z.string(),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
  signature: z.string().optional()
})
export type TrackingEvent = z.infer<typeof trackingEventSchema>

export const packageTrackingSchema = z.object({
  packageNumber: z.string(),
  state: trackingStateSchema,
  /** Newest first, as Bring sends them. */
  events: z.array(trackingEventSchema),
  eta: z.string().optional(),
  pickupPoint: z.object({ name: z.string().optional(), code: z.string().optional(), shelf: z.string().optional() }).optional(),
  contractPrice: z.number().optional(),
  listPrice: z.number().optional(),
  currency: z.string().optional()
})
export type PackageTracking = z.infer<typeof packageTrackingSchema>

export const consignmentTrackingSchema = z.object({
  consignmentNumber: z.string(),
  state: trackingStateSchema,
  packages: z.array(packageTrackingSchema),
  /** Bring's price for the whole consignment (`totalContractPrice`), where it gives one. */
  totalContractPrice: z.number().optional(),
  error: z.object({ code: z.number(), message: z.string() }).optional()
})
export type ConsignmentTracking = z.infer<typeof consignmentTrackingSchema>

/** Which event decides a package's state: notifications and unknown events say nothing about where it is. */
const silent = new Set(['NOTIFICATION_SENT', 'UNKNOWN', 'DELIVERY_ORDERED', 'DELIVERY_CHANGED'])
const byStatus: Record<string, TrackingState> = {
  DELIVERED: 'delivered',
  DELIVERED_SENDER: 'returned',
  RETURN: 'returning',
  READY_FOR_PICKUP: 'ready_for_pickup',
  TRANSPORT_TO_RECIPIENT: 'out_for_delivery',
  ATTEMPTED_DELIVERY: 'attempted_delivery',
  DEVIATION: 'deviation',
  CUSTOMS: 'customs',
  PRE_NOTIFIED: 'pre_notified',
  DELIVERY_CANCELLED: 'deviation'
}

/** A package's state from its events (newest first). */
export function stateOfEvents(events: Pick<TrackingEvent, 'status'>[]): TrackingState {
  const latest = events.find((e) => !silent.has(e.status))
  if (!latest) return 'pre_notified'
  return byStatus[latest.status] ?? 'in_transit'
}

/** Needs the clerk: something went wrong or the recipient has not collected. */
export const attentionStates = new Set<TrackingState>(['deviation', 'attempted_delivery', 'customs', 'returning'])
/** Needs the clerk until they mark it handled: the above, and a parcel that came back to the sender. */
export const attentionUntilHandled = new Set<TrackingState>([...attentionStates, 'returned'])

/** A consignment's state: a package that needs attention speaks for it; otherwise the least advanced one. */
export function consignmentState(packages: Pick<PackageTracking, 'state'>[]): TrackingState {
  if (packages.length === 0) return 'not_found'
  const attention = packages.find((p) => attentionStates.has(p.state))
  if (attention) return attention.state
  const order: TrackingState[] = ['pre_notified', 'in_transit', 'customs', 'out_for_delivery', 'ready_for_pickup', 'returning', 'returned', 'delivered']
  return packages.map((p) => p.state).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]
}

/**
 * What Bring charged for a consignment: its `totalContractPrice` where it gives one (a consignment of
 * several packages carries the consignment's price on each package too: never add those up); else the
 * packages' prices added up; null while Bring has priced nothing.
 */
export function consignmentPrice(result: Pick<ConsignmentTracking, 'packages' | 'totalContractPrice'>): number | null {
  if (result.totalContractPrice !== undefined) return result.totalContractPrice
  return result.packages.reduce<number | null>((sum, p) => (p.contractPrice === undefined ? sum : (sum ?? 0) + p.contractPrice), null)
}

const eventKey = (e: TrackingEvent): string => `${e.at}|${e.status}|${e.description}`

/**
 * A new answer laid over what was known: events are only ever added (an answer with fewer events, or
 * none for a package, loses nothing), newest first; the packages Bring no longer lists are kept.
 */
export function mergePackages(before: PackageTracking[], now: PackageTracking[]): PackageTracking[] {
  const merged = now.map((p) => {
    const old = before.find((b) => b.packageNumber === p.packageNumber)
    if (!old) return p
    const seen = new Set(p.events.map(eventKey))
    const kept = old.events.filter((e) => !seen.has(eventKey(e)))
    if (kept.length === 0) return { ...old, ...p, pickupPoint: p.pickupPoint ?? old.pickupPoint, contractPrice: p.contractPrice ?? old.contractPrice, currency: p.currency ?? old.currency }
    const events = [...p.events, ...kept].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    return { ...old, ...p, events, state: stateOfEvents(events), pickupPoint: p.pickupPoint ?? old.pickupPoint, contractPrice: p.contractPrice ?? old.contractPrice, currency: p.currency ?? old.currency }
  })
  return [...merged, ...before.filter((b) => !now.some((p) => p.packageNumber === b.packageNumber))]
}

/**
 * Where a package waits for its recipient, from whatever Bring gave: the pickup point's name, else the
 * place the "ready for pickup" event names (its city, postal code); undefined when Bring said nothing.
 */
export function pickupPlace(p: Pick<PackageTracking, 'pickupPoint' | 'events'>): string | undefined {
  const name = p.pickupPoint?.name?.trim()
  if (name) return name
  const ready = p.events.find((e) => e.status === 'READY_FOR_PICKUP')
  const place = [ready?.postalCode, ready?.city].filter(Boolean).join(' ')
  return place || undefined
}
