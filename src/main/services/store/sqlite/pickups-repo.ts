import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import { recoverInterruptedRows, type InterruptedMessages } from '../interrupted'
import type { Mode } from '@shared/domain/mode'
import { storedBookingFormSchema, type RecordError } from '@shared/domain/booking'
import { cargoProducts } from '@shared/domain/booking'
import { cargoAdHocPickupApplies, mailboxPickupProducts, MAILBOX_PICKUP_VAS, type PickupRecord, type TodaysShipments } from '@shared/domain/pickup'

interface Row {
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
  details_json: string
  error_json: string | null
}

/** A pickup row with its JSON already read: what both engines turn into a record. */
export type PickupRowParts = Omit<Row, 'details_json' | 'error_json'> & { details: unknown; error: unknown }

const toRecord = (r: Row): PickupRecord => pickupRecord({ ...r, details: JSON.parse(r.details_json), error: r.error_json ? JSON.parse(r.error_json) : null })

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

export function createPickupsRepo(db: Db, now = () => new Date()) {
  const byId = db.prepare<[string], Row>('SELECT * FROM pickups WHERE id = ?')
  const byClient = db.prepare<[string], Row>('SELECT * FROM pickups WHERE client_request_id = ?')
  const update = db.prepare(`UPDATE pickups SET status = @status, updated_at = @now, shipment_number = COALESCE(@shipmentNumber, shipment_number),
    pickup_window = COALESCE(@window, pickup_window), receipt_url = COALESCE(@receiptUrl, receipt_url), pickup_date = COALESCE(@pickupDate, pickup_date), error_json = @error WHERE id = @id`)

  return {
    /** Written before the create call is sent, with the shipments it covers. */
    insert(p: NewPickup): PickupRecord {
      const id = randomUUID()
      const at = now().toISOString()
      db.transaction(() => {
        db.prepare(`INSERT INTO pickups (id, client_request_id, created_at, updated_at, mode, status, kind, service, customer_number, pickup_date, shipment_number, details_json, request_json)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, p.clientRequestId, at, at, p.mode, p.status ?? 'pending', p.kind, p.service, p.customerNumber, p.pickupDate, p.shipmentNumber ?? null, JSON.stringify(p.details), JSON.stringify(p.request))
        const link = db.prepare('INSERT INTO pickup_shipments (pickup_id, shipment_id) VALUES (?, ?)')
        for (const s of p.shipmentIds) link.run(id, s)
      })()
      return toRecord(byId.get(id)!)
    },
    markSending(id: string): void {
      db.prepare(`UPDATE pickups SET status = 'sending', updated_at = ? WHERE id = ?`).run(now().toISOString(), id)
    },
    /** As for shipments: pending was never handed off (not sent), sending was cut off (unknown). */
    recoverInterrupted: (messages: InterruptedMessages) => recoverInterruptedRows(db, 'pickups', messages, now().toISOString()),
    /** Ids among these that are not shipments in the history. */
    unknownShipments(ids: string[]): string[] {
      const has = db.prepare<[string], { id: string }>('SELECT id FROM shipments WHERE id = ?')
      return ids.filter((id) => !has.get(id))
    },
    get: (id: string): PickupRecord | null => {
      const r = byId.get(id)
      return r ? toRecord(r) : null
    },
    findByClientRequest: (clientRequestId: string): PickupRecord | null => {
      const r = byClient.get(clientRequestId)
      return r ? toRecord(r) : null
    },
    requestOf: (id: string): unknown => JSON.parse((db.prepare('SELECT request_json FROM pickups WHERE id = ?').get(id) as { request_json: string }).request_json),
    setState(id: string, patch: { status: PickupRecord['status']; shipmentNumber?: string; window?: string; receiptUrl?: string; pickupDate?: string; error?: RecordError | null }): PickupRecord {
      update.run({ id, now: now().toISOString(), status: patch.status, shipmentNumber: patch.shipmentNumber ?? null, window: patch.window ?? null, receiptUrl: patch.receiptUrl ?? null, pickupDate: patch.pickupDate ?? null, error: patch.error ? JSON.stringify(patch.error) : null })
      return toRecord(byId.get(id)!)
    },
    list(mode?: Mode): PickupRecord[] {
      const rows = mode
        ? db.prepare<[string], Row>('SELECT * FROM pickups WHERE mode = ? ORDER BY pickup_date DESC, created_at DESC LIMIT 200').all(mode)
        : db.prepare<[], Row>('SELECT * FROM pickups ORDER BY pickup_date DESC, created_at DESC LIMIT 200').all()
      return rows.map(toRecord)
    },

    /**
     * Shipments booked today (local day) in this mode that no live pickup covers yet, per customer
     * number, split into parcels and cargo. Mailbox-pickup parcels and cargo that Bring already
     * collects (5100 via Booking API, 5400 booked with pickup, 5200/5300) are left out.
     */
    todaysUncovered(mode: Mode, dayStart: Date, dayEnd: Date): TodaysShipments[] {
      const rows = db
        .prepare<[string, string, string], { id: string; customer_number: string; product_id: string; form_json: string }>(
          `SELECT s.id, s.customer_number, s.product_id, s.form_json FROM shipments s
           WHERE s.status = 'booked' AND s.mode = ? AND s.created_at >= ? AND s.created_at < ?
             AND NOT EXISTS (SELECT 1 FROM pickup_shipments ps JOIN pickups p ON p.id = ps.pickup_id
                             WHERE ps.shipment_id = s.id AND p.status IN ('pending', 'sending', 'ordered', 'outcome_unknown'))
           ORDER BY s.created_at`
        )
        .all(mode, dayStart.toISOString(), dayEnd.toISOString())
      return groupTodays(rows.map((r) => ({ ...r, form: JSON.parse(r.form_json) })))
    },
    size: (): number => (db.prepare('SELECT COUNT(*) AS n FROM pickups').get() as { n: number }).n
  }
}
export type PickupsRepo = ReturnType<typeof createPickupsRepo>

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

