import type { DeliveryFacts } from '@shared/domain/delivery-record'
import type { PackageTracking } from '@shared/domain/tracking'
import { osloDate } from '@shared/domain/oslo-calendar'
import { workingDaysBetween } from '../calendar/norwegian-calendar'

type Event = PackageTracking['events'][number]

const first = (events: Event[], statuses: readonly string[]): string | null =>
  events.filter((e) => statuses.includes(e.status)).reduce<string | null>((min, e) => (min === null || e.at < min ? e.at : min), null)
const latest = (times: (string | null)[]): string | null => (times.some((t) => t === null) ? null : times.reduce<string | null>((max, t) => (max === null || t! > max ? t : max), null))
const earliest = (times: (string | null)[]): string | null => times.filter((t): t is string => t !== null).sort()[0] ?? null

/** One package's milestones; its events come newest first, as Bring sends them. */
function milestones(events: Event[]) {
  const ready = first(events, ['READY_FOR_PICKUP'])
  const delivered = first(events, ['DELIVERED'])
  const attempt = first(events, ['ATTEMPTED_DELIVERY'])
  return {
    handedIn: first(events, ['HANDED_IN', 'COLLECTED']),
    ready,
    attempt,
    // A DELIVERED after the parcel waited at a pickup point is the recipient fetching it.
    delivered: ready && delivered && delivered > ready ? null : delivered,
    collected: ready && delivered && delivered > ready ? delivered : null,
    returned: first(events, ['DELIVERED_SENDER']),
    arrived: earliest([delivered, ready, attempt])
  }
}

/** Distinct happenings of a kind across the packages (every package carries the consignment's events). */
const countOf = (packages: PackageTracking[], status: string): number => new Set(packages.flatMap((p) => p.events.filter((e) => e.status === status).map((e) => e.at))).size

/**
 * The delivery facts of a consignment from its packages' tracking events. `promisedDate` is Oslo's date
 * (YYYY-MM-DD) Bring promised; `now` decides whether an unarrived shipment is already late.
 */
export function deliveryFacts(packages: PackageTracking[], promisedDate: string | null, now: Date): DeliveryFacts {
  const each = packages.map((p) => milestones(p.events))
  const arrivedAt = each.length ? latest(each.map((m) => m.arrived)) : null
  const handedInAt = earliest(each.map((m) => m.handedIn))
  const dateOf = (iso: string): string => osloDate(new Date(iso))
  let outcome: DeliveryFacts['outcome'] = 'unknown'
  let lateByWorkingDays = 0
  if (promisedDate) {
    const reference = arrivedAt ? dateOf(arrivedAt) : osloDate(now)
    const late = workingDaysBetween(promisedDate, reference)
    if (arrivedAt) outcome = late > 0 ? 'late' : 'on_time'
    else if (reference > promisedDate && late > 0) outcome = 'late'
    lateByWorkingDays = outcome === 'late' ? late : 0
  }
  return {
    promisedDate,
    handedInAt,
    firstAttemptAt: earliest(each.map((m) => m.attempt)),
    deliveredAt: each.length ? latest(each.map((m) => m.delivered)) : null,
    readyForPickupAt: earliest(each.map((m) => m.ready)),
    collectedAt: each.length ? latest(each.map((m) => m.collected)) : null,
    returnedAt: earliest(each.map((m) => m.returned)),
    arrivedAt,
    transitWorkingDays: handedInAt && arrivedAt ? workingDaysBetween(dateOf(handedInAt), dateOf(arrivedAt)) : null,
    outcome,
    lateByWorkingDays,
    deviations: countOf(packages, 'DEVIATION'),
    attempts: countOf(packages, 'ATTEMPTED_DELIVERY')
  }
}
