import type { ConsignmentTracking, PackageTracking, TrackingState } from '@shared/domain/tracking'
import type { Mode } from '@shared/domain/mode'
import type { StoreEngine } from './engine'

/**
 * Tracking state per shipment, kept by the desk that follows it (its own SQLite file, also in team
 * mode for now; a PostgreSQL side comes with tracking shared between desks).
 */
export interface TrackingStore {
  readonly engine: StoreEngine
  enrol(t: { shipmentId: string; consignmentNumber: string; mode: Mode; bookedAt: string; nextDue: string }): Promise<void>
  get(shipmentId: string): Promise<TrackingRow | null>
  /** Due for a check, oldest due first. */
  due(now: string, limit: number): Promise<TrackingRow[]>
  saveResult(shipmentId: string, result: ConsignmentTracking, at: string, nextDue: string | null): Promise<void>
  saveFailure(shipmentId: string, error: string, at: string, nextDue: string): Promise<void>
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
}

export interface TrackingRow {
  shipmentId: string
  consignmentNumber: string
  mode: Mode
  bookedAt: string
  state: TrackingState
  stateSince: string
  checkedAt: string | null
  nextDue: string | null
  failures: number
  lastError: string | null
  packages: PackageTracking[]
  price: number | null
  currency: string | null
}

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

