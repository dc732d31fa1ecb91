import type { Mode } from '@shared/domain/mode'
import { cargoProducts, storedBookingFormSchema, type RecordError } from '@shared/domain/booking'
import { cargoAdHocPickupApplies, mailboxPickupProducts, MAILBOX_PICKUP_VAS, type PickupRecord, type TodaysShipments } from '@shared/domain/pickup'
import type { StoreEngine } from './engine'
import type { InterruptedMessages } from './interrupted'

/** Pickup orders behind one async interface: the desk's SQLite file or the team's PostgreSQL. */
export interface PickupsStore {
  readonly engine: StoreEngine
  /** Written before the create call is sent, with the shipments it covers. */
  insert(p: NewPickup): Promise<PickupRecord>
  markSending(id: string): Promise<void>
  /** Only where a commit can be made synchronously (SQLite): "sending" at the socket (see ShipmentsStore). */
  handOffNow?: { sending(id: string): void; notHandedOff(id: string): void }
  /** As for shipments: pending was never handed off (not sent), sending was cut off (unknown). */
  recoverInterrupted(messages: InterruptedMessages): Promise<{ notSent: number; unknown: number }>
  /** Ids among these that are not shipments in the history. */
  unknownShipments(ids: string[]): Promise<string[]>
  get(id: string): Promise<PickupRecord | null>
  findByClientRequest(clientRequestId: string): Promise<PickupRecord | null>
  requestOf(id: string): Promise<unknown>
  setState(id: string, patch: PickupStatePatch): Promise<PickupRecord>
  list(mode?: Mode): Promise<PickupRecord[]>
  /**
   * Shipments booked today (local day) in this mode that no live pickup covers yet, per customer
   * number, split into parcels and cargo (see groupTodays).
   */
  todaysUncovered(mode: Mode, dayStart: Date, dayEnd: Date): Promise<TodaysShipments[]>
  /** The shipments this pickup was ordered for, in the order they were booked (their labels print as one job). */
  coveredShipments(pickupId: string): Promise<string[]>
  size(): Promise<number>
}

export interface PickupStatePatch {
  status: PickupRecord['status']
  shipmentNumber?: string
  window?: string
  receiptUrl?: string
  pickupDate?: string
  error?: RecordError | null
}

/** A pickup row's plain columns, the same on both engines (each adds its JSON columns). */
export interface PickupColumns {
  id: string
  created_at: string
  updated_at: string
  mode: Mode
  status: PickupRecord['status']
  kind: PickupRecord['kind']
  service: string
  customer_number: string
  pickup_date: string
  shipment_number: string | null
  pickup_window: string | null
  receipt_url: string | null
}

/** A pickup row with its JSON already read and how many shipments it covers (a count over pickup_shipments): what both engines turn into a record. */
export type PickupRowParts = PickupColumns & { details: unknown; error: unknown; shipment_count?: number | string | bigint | null }

export const pickupRecord = (r: PickupRowParts): PickupRecord => ({
  id: r.id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  mode: r.mode,
  status: r.status,
  kind: r.kind,
  service: r.service,
  customerNumber: r.customer_number,
  pickupDate: r.pickup_date,
  shipmentNumber: r.shipment_number,
  window: r.pickup_window,
  receiptUrl: r.receipt_url,
  details: r.details as PickupRecord['details'],
  error: (r.error as PickupRecord['error']) ?? null,
  shipmentCount: Number(r.shipment_count ?? 0),
  // Bring lets the API change only C2C mailbox pickups; business pickups go through customer service.
  canModify: r.kind === 'mailbox' && r.status === 'ordered' && r.shipment_number !== null
})

export interface NewPickup {
  clientRequestId: string
  mode: Mode
  kind: PickupRecord['kind']
  service: string
  customerNumber: string
  pickupDate: string
  details: PickupRecord['details']
  request: unknown
  shipmentIds: string[]
  status?: PickupRecord['status']
  shipmentNumber?: string
}

const round = (n: number): number => Math.round(n * 1000) / 1000

/**
 * Today's booked shipments no live pickup covers, per customer number, split into parcels and cargo.
 * Mailbox-pickup parcels and cargo that Bring already collects (5100 via Booking API, 5400 booked with
 * pickup, 5200/5300) are left out.
 */
export function groupTodays(rows: { id: string; customer_number: string; product_id: string; form: unknown }[]): TodaysShipments[] {
  const groups = new Map<string, TodaysShipments>()
  for (const r of rows) {
    const form = storedBookingFormSchema.parse(r.form)
    const withPickupVas = form.additionalServices.includes(MAILBOX_PICKUP_VAS)
    if (mailboxPickupProducts.has(r.product_id)) continue
    const cargo = cargoProducts.has(r.product_id)
    if (cargo && ['5100', '5200', '5300', '5400'].includes(r.product_id) && !cargoAdHocPickupApplies(r.product_id, { bookedWithPickup: withPickupVas, bookedViaBookingApi: true })) continue
    const g = groups.get(r.customer_number) ?? { customerNumber: r.customer_number, shipmentIds: [], parcels: { count: 0, weightKg: 0 }, cargo: { count: 0, weightKg: 0, volumeLitres: 0 } }
    g.shipmentIds.push(r.id)
    for (const p of form.packages) {
      if (cargo) {
        g.cargo.count += 1
        g.cargo.weightKg += p.weightInKg
        g.cargo.volumeLitres += p.volumeInDm3 ?? ((p.lengthInCm ?? 0) * (p.widthInCm ?? 0) * (p.heightInCm ?? 0)) / 1000
      } else {
        g.parcels.count += 1
        g.parcels.weightKg += p.weightInKg
      }
    }
    groups.set(r.customer_number, g)
  }
  return [...groups.values()].map((g) => ({ ...g, parcels: { ...g.parcels, weightKg: round(g.parcels.weightKg) }, cargo: { count: g.cargo.count, weightKg: round(g.cargo.weightKg), volumeLitres: round(g.cargo.volumeLitres) } }))
}

