import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import type { InterruptedMessages } from '../interrupted'
import { recoverInterruptedRows } from './interrupted'
import type { Mode } from '@shared/domain/mode'
import type { RecordError } from '@shared/domain/booking'
import type { PickupRecord, TodaysShipments } from '@shared/domain/pickup'
import { groupTodays, pickupRecord, type NewPickup, type PickupColumns, type PickupsStore } from '../pickups'
import { promised } from './promised'

type Row = PickupColumns & { details_json: string; error_json: string | null }

const toRecord = (r: Row): PickupRecord => pickupRecord({ ...r, details: JSON.parse(r.details_json), error: r.error_json ? JSON.parse(r.error_json) : null })


/** A pickup with the count of shipments it covers. */
const SELECT_PICKUP = 'SELECT pickups.*, (SELECT COUNT(*) FROM pickup_shipments ps WHERE ps.pickup_id = pickups.id) AS shipment_count FROM pickups'

export function createPickupsRepo(db: Db, now = () => new Date()) {
  const byId = db.prepare<[string], Row>(`${SELECT_PICKUP} WHERE id = ?`)
  const byClient = db.prepare<[string], Row>(`${SELECT_PICKUP} WHERE client_request_id = ?`)
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
    coveredShipments: (pickupId: string): string[] =>
      db.prepare<[string], { id: string }>('SELECT s.id FROM pickup_shipments ps JOIN shipments s ON s.id = ps.shipment_id WHERE ps.pickup_id = ? ORDER BY s.created_at, s.id').all(pickupId).map((r) => r.id),
    requestOf: (id: string): unknown => JSON.parse((db.prepare('SELECT request_json FROM pickups WHERE id = ?').get(id) as { request_json: string }).request_json),
    setState(id: string, patch: { status: PickupRecord['status']; shipmentNumber?: string; window?: string; receiptUrl?: string; pickupDate?: string; error?: RecordError | null }): PickupRecord {
      update.run({ id, now: now().toISOString(), status: patch.status, shipmentNumber: patch.shipmentNumber ?? null, window: patch.window ?? null, receiptUrl: patch.receiptUrl ?? null, pickupDate: patch.pickupDate ?? null, error: patch.error ? JSON.stringify(patch.error) : null })
      return toRecord(byId.get(id)!)
    },
    list(mode?: Mode): PickupRecord[] {
      const rows = mode
        ? db.prepare<[string], Row>(`${SELECT_PICKUP} WHERE mode = ? ORDER BY pickup_date DESC, created_at DESC LIMIT 200`).all(mode)
        : db.prepare<[], Row>(`${SELECT_PICKUP} ORDER BY pickup_date DESC, created_at DESC LIMIT 200`).all()
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

export const sqlitePickupsStore = (repo: PickupsRepo): PickupsStore => ({
  ...promised(repo),
  engine: 'sqlite',
  handOffNow: { sending: (id) => repo.markSending(id), notHandedOff: (id) => void repo.setState(id, { status: 'pending' }) }
})
