import { z } from 'zod'
import { packageTrackingSchema, type ConsignmentTracking, type PackageTracking, type TrackingState } from '@shared/domain/tracking'
import type { Mode } from '@shared/domain/mode'
import type { StoreEngine } from './engine'
import type { RecordCounts, RecordEntry, RecordKey } from '@shared/domain/delivery-record'

/**
 * Tracking state per shipment, kept by the desk that follows it (its own SQLite file, also in team
 * mode for now; a PostgreSQL side comes with tracking shared between desks).
 */
export interface TrackingStore {
  readonly engine: StoreEngine
  enrol(t: { shipmentId: string; consignmentNumber: string; mode: Mode; bookedAt: string; nextDue: string }): Promise<void>
  get(shipmentId: string): Promise<TrackingRow | null>
  /** Due for a check, oldest due first, leaving out `skip` (being checked here already). On the shared database, taking is claiming. */
  due(now: string, limit: number, skip?: string[]): Promise<TrackingRow[]>
  /** A successful answer (already merged with what was known: see mergePackages); priced by consignmentPrice. */
  saveResult(shipmentId: string, result: ConsignmentTracking, at: string, nextDue: string | null): Promise<void>
  /** Bring answered, but no longer has the shipment: state and events stay, with a note since when. */
  saveGone(shipmentId: string, at: string, nextDue: string | null): Promise<void>
  /** Bring could not answer: the error and when; "checked" keeps the last successful check. */
  saveFailure(shipmentId: string, error: string, at: string, nextDue: string): Promise<void>
  /** The clerk has dealt with the shipment in its current state: it leaves "Needs attention" until its state moves on. */
  markHandled(shipmentId: string, note: string, at: string): Promise<boolean>
  needsAttention(shipmentId: string, cutoffs: { pickupCutoff: string; silentCutoff: string }): Promise<boolean>
  stop(shipmentId: string): Promise<void>
  /** Everything due now, e.g. "Refresh now" for the visible list. */
  makeDue(shipmentIds: string[], now: string): Promise<number>
  attentionCount(cutoffs: { pickupCutoff: string; silentCutoff: string }): Promise<number>
  /**
   * Spend per month × customer number × service from the prices authenticated tracking returned.
   * Shipments without a price yet are counted apart (unpriced), never as 0.
   */
  spend(): Promise<SpendRow[]>
  countByState(): Promise<Record<string, number>>
  /**
   * The delivery record: the shipment's entry (group, facts, price) replaces the one it had, and its
   * group's totals change by the difference, in one transaction (never by rescanning the history).
   */
  recordDelivery(shipmentId: string, entry: RecordEntry): Promise<void>
  /** The groups' totals in a mode for the months from..to (YYYY-MM, inclusive), optionally for some services only and one place. */
  deliveryTotals(q: { mode: Mode; from: string; to: string; productIds?: string[]; country?: string; area?: string }): Promise<{ key: RecordKey; counts: RecordCounts }[]>
  /** Tracked shipments with events but no entry yet (tracked before the record existed, or copied): filled in the background. */
  unrecorded(limit: number): Promise<TrackingRow[]>
}

export interface TrackingRow {
  shipmentId: string
  consignmentNumber: string
  mode: Mode
  bookedAt: string
  state: TrackingState
  stateSince: string
  /** The last successful check (null: not checked yet). */
  checkedAt: string | null
  nextDue: string | null
  failures: number
  lastError: string | null
  /** When the last failure happened (null after a success). */
  errorAt: string | null
  /** Since when Bring no longer has tracking data for it (the last known state is kept). */
  goneAt: string | null
  handled: { state: TrackingState; at: string; note: string } | null
  packages: PackageTracking[]
  price: number | null
  currency: string | null
}

/** A tracking row's columns, as both engines name them. */
export interface TrackingColumns {
  shipment_id: string
  consignment_number: string
  mode: Mode
  booked_at: string
  state: TrackingState
  state_since: string
  checked_at: string | null
  next_due: string | null
  failures: number
  last_error: string | null
  error_at: string | null
  gone_at: string | null
  handled_state: TrackingState | null
  handled_at: string | null
  handled_note: string | null
  price: number | null
  currency: string | null
}

/** A row as the domain sees it; `packages` as stored (JSON text in SQLite, jsonb in PostgreSQL: parsed by the caller), checked here. */
export const trackingRow = (r: TrackingColumns, packages: unknown): TrackingRow => ({
  shipmentId: r.shipment_id,
  consignmentNumber: r.consignment_number,
  mode: r.mode,
  bookedAt: r.booked_at,
  state: r.state,
  stateSince: r.state_since,
  checkedAt: r.checked_at,
  nextDue: r.next_due,
  failures: r.failures,
  lastError: r.last_error,
  errorAt: r.error_at,
  goneAt: r.gone_at,
  handled: r.handled_state && r.handled_at ? { state: r.handled_state, at: r.handled_at, note: r.handled_note ?? '' } : null,
  packages: z.array(packageTrackingSchema).parse(packages),
  price: r.price,
  currency: r.currency
})

export function attentionCutoffs(now: Date, days: { pickupDays: number; silentDays: number }): { pickupCutoff: string; silentCutoff: string } {
  const ago = (d: number): string => new Date(now.getTime() - d * 86_400_000).toISOString()
  return { pickupCutoff: ago(days.pickupDays), silentCutoff: ago(days.silentDays) }
}

export interface SpendRow {
  month: string
  customerNumber: string
  productId: string
  shipments: number
  priced: number
  unpriced: number
  total: number
  currency: string
  /** Shipments booked from a quote (same service) that Bring has priced: their quoted and their actual sums. */
  quoted: number
  quotedTotal: number
  actualForQuoted: number
}

