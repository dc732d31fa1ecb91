import type { Db } from './db'
import { consignmentPrice, type ConsignmentTracking } from '@shared/domain/tracking'
import type { Mode } from '@shared/domain/mode'
import { trackingRow, type SpendRow, type TrackingColumns, type TrackingRow, type TrackingStore } from '../tracking'
import { promised } from './promised'
import { addCounts, noCounts, parseCounts, recordDeltas, recordEntrySchema, type RecordCounts, type RecordEntry, type RecordKey } from '@shared/domain/delivery-record'

/** A tracking row as SQLite holds it (packages as JSON text). */
export type TrackingDbRow = TrackingColumns & { packages_json: string; eta: string | null; pickup_json: string | null }

const toRow = (r: TrackingDbRow): TrackingRow => trackingRow(r, JSON.parse(r.packages_json))

/**
 * "Needs attention": something went wrong (deviation, attempted delivery, customs, on its way back),
 * returned to the sender, waiting at a pickup point for more than N days, or nothing heard N days
 * after booking — until the clerk marks it handled in that state. One SQL condition (on the tracking
 * table, alias t) for the count and the Shipments filter.
 */
export const attentionCondition = `((t.state IN ('deviation', 'attempted_delivery', 'customs', 'returning', 'returned')
  OR (t.state = 'ready_for_pickup' AND t.state_since <= @pickupCutoff)
  OR (t.state IN ('not_found', 'pre_notified') AND t.booked_at <= @silentCutoff AND t.next_due IS NOT NULL))
  AND (t.handled_state IS NULL OR t.handled_state <> t.state))`

/** Tracking state per shipment; domain types in and out. */
export function createTrackingRepo(db: Db) {
  const byId = db.prepare<[string], TrackingDbRow>('SELECT * FROM tracking WHERE shipment_id = ?')
  return {
    enrol(t: { shipmentId: string; consignmentNumber: string; mode: Mode; bookedAt: string; nextDue: string }): void {
      db.prepare(`INSERT OR IGNORE INTO tracking (shipment_id, consignment_number, mode, booked_at, state, state_since, next_due) VALUES (?, ?, ?, ?, 'not_found', ?, ?)`).run(t.shipmentId, t.consignmentNumber, t.mode, t.bookedAt, t.bookedAt, t.nextDue)
    },
    get: (shipmentId: string): TrackingRow | null => {
      const r = byId.get(shipmentId)
      return r ? toRow(r) : null
    },
    /** Due for a check, oldest due first. */
    due: (now: string, limit: number, skip: string[] = []): TrackingRow[] =>
      db
        .prepare<[string, string, number], TrackingDbRow>('SELECT * FROM tracking WHERE next_due IS NOT NULL AND next_due <= ? AND shipment_id NOT IN (SELECT value FROM json_each(?)) ORDER BY next_due LIMIT ?')
        .all(now, JSON.stringify(skip), limit)
        .map(toRow),
    saveResult(shipmentId: string, result: ConsignmentTracking, at: string, nextDue: string | null): void {
      const before = byId.get(shipmentId)
      const changed = !before || before.state !== result.state
      const price = consignmentPrice(result)
      db.prepare(`UPDATE tracking SET state = @state, state_since = CASE WHEN @changed THEN @at ELSE state_since END, checked_at = @at, next_due = @nextDue, failures = 0, last_error = NULL, error_at = NULL, gone_at = NULL,
        eta = @eta, pickup_json = @pickup, price = coalesce(@price, price), currency = coalesce(@currency, currency), packages_json = @packages WHERE shipment_id = @id`).run({
        id: shipmentId,
        state: result.state,
        changed: changed ? 1 : 0,
        at,
        nextDue,
        eta: result.packages.find((p) => p.eta)?.eta ?? null,
        pickup: JSON.stringify(result.packages.find((p) => p.pickupPoint)?.pickupPoint ?? null),
        price,
        currency: result.packages.find((p) => p.currency)?.currency ?? null,
        packages: JSON.stringify(result.packages)
      })
    },
    saveGone(shipmentId: string, at: string, nextDue: string | null): void {
      db.prepare('UPDATE tracking SET checked_at = @at, gone_at = coalesce(gone_at, @at), next_due = @nextDue, failures = 0, last_error = NULL, error_at = NULL WHERE shipment_id = @id').run({ id: shipmentId, at, nextDue })
    },
    saveFailure(shipmentId: string, error: string, at: string, nextDue: string): void {
      db.prepare('UPDATE tracking SET error_at = ?, next_due = ?, failures = failures + 1, last_error = ? WHERE shipment_id = ?').run(at, nextDue, error, shipmentId)
    },
    markHandled: (shipmentId: string, note: string, at: string): boolean =>
      db.prepare('UPDATE tracking SET handled_state = state, handled_at = ?, handled_note = ? WHERE shipment_id = ?').run(at, note, shipmentId).changes > 0,
    needsAttention: (shipmentId: string, cutoffs: { pickupCutoff: string; silentCutoff: string }): boolean =>
      Boolean(db.prepare(`SELECT 1 FROM tracking t WHERE t.shipment_id = @id AND ${attentionCondition}`).get({ id: shipmentId, ...cutoffs })),
    stop(shipmentId: string): void {
      db.prepare('UPDATE tracking SET next_due = NULL WHERE shipment_id = ?').run(shipmentId)
    },
    /** Everything due now, e.g. "Refresh now" for the visible list. */
    makeDue(shipmentIds: string[], now: string): number {
      const stmt = db.prepare('UPDATE tracking SET next_due = ? WHERE shipment_id = ?')
      return db.transaction(() => shipmentIds.reduce((n, id) => n + stmt.run(now, id).changes, 0))()
    },
    attentionCount: (cutoffs: { pickupCutoff: string; silentCutoff: string }): number =>
      db.prepare<[{ pickupCutoff: string; silentCutoff: string }], { n: number }>(`SELECT count(*) AS n FROM tracking t WHERE ${attentionCondition}`).get(cutoffs)!.n,
    /**
     * Spend per month × customer number × service from the prices authenticated tracking returned.
     * Shipments without a price yet are counted apart (unpriced), never as 0.
     */
    spend: (): SpendRow[] =>
      db
        .prepare<[], SpendRow>(
          `SELECT month, customerNumber, productId, count(*) AS shipments, count(price) AS priced, count(*) - count(price) AS unpriced,
             round(coalesce(sum(price), 0), 2) AS total, coalesce(max(currency), 'NOK') AS currency,
             count(quoted) AS quoted, round(coalesce(sum(quoted), 0), 2) AS quotedTotal, round(coalesce(sum(CASE WHEN quoted IS NOT NULL THEN price END), 0), 2) AS actualForQuoted
           FROM (SELECT substr(t.booked_at, 1, 7) AS month, s.customer_number AS customerNumber, s.product_id AS productId, t.price, t.currency,
                   CASE WHEN t.price IS NOT NULL AND json_extract(s.form_json, '$.quotedPrice.productId') = s.product_id
                     AND json_extract(s.form_json, '$.quotedPrice.currency') = coalesce(t.currency, 'NOK')
                     THEN json_extract(s.form_json, '$.quotedPrice.amount') END AS quoted
                 FROM tracking t JOIN shipments s ON s.id = t.shipment_id)
           GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`
        )
        .all(),
    countByState: (): Record<string, number> => Object.fromEntries(db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM tracking GROUP BY state').all().map((r) => [r.state, r.n])),
    recordDelivery(shipmentId: string, entry: RecordEntry): void {
      db.transaction(() => {
        const row = db.prepare<[string], { record_json: string | null }>('SELECT record_json FROM tracking WHERE shipment_id = ?').get(shipmentId)
        if (!row) return
        for (const { key, counts } of recordDeltas(row.record_json ? recordEntrySchema.parse(JSON.parse(row.record_json)) : null, entry)) {
          const params = { mode: key.mode, month: key.month, product: key.productId, customer: key.customerNumber, country: key.country, area: key.area }
          const had = db.prepare<[typeof params], { counts_json: string }>(`SELECT counts_json FROM delivery_record WHERE ${groupIs}`).get(params)
          const sum = addCounts(had ? parseCounts(had.counts_json) : noCounts(), counts)
          db.prepare(`INSERT INTO delivery_record (mode, month, product_id, customer_number, country, area, counts_json) VALUES (@mode, @month, @product, @customer, @country, @area, @counts)
            ON CONFLICT DO UPDATE SET counts_json = excluded.counts_json`).run({ ...params, counts: JSON.stringify(sum) })
        }
        db.prepare('UPDATE tracking SET record_json = ? WHERE shipment_id = ?').run(JSON.stringify(entry), shipmentId)
      })()
    },
    deliveryTotals(q: { mode: Mode; from: string; to: string; productIds?: string[]; country?: string; area?: string }): { key: RecordKey; counts: RecordCounts }[] {
      return db
        .prepare<[Record<string, string | null>], GroupRow>(
          `SELECT * FROM delivery_record WHERE mode = @mode AND month BETWEEN @from AND @to
             AND (@products IS NULL OR product_id IN (SELECT value FROM json_each(@products))) AND (@country IS NULL OR country = @country) AND (@area IS NULL OR area = @area)`
        )
        .all({ mode: q.mode, from: q.from, to: q.to, products: q.productIds ? JSON.stringify(q.productIds) : null, country: q.country ?? null, area: q.area ?? null })
        .map(groupTotals)
    },
    unrecorded: (limit: number): TrackingRow[] =>
      db.prepare<[number], TrackingDbRow>(`SELECT * FROM tracking WHERE record_json IS NULL AND packages_json <> '[]' LIMIT ?`).all(limit).map(toRow)
  }
}

const groupIs = 'mode = @mode AND month = @month AND product_id = @product AND customer_number = @customer AND country = @country AND area = @area'
type GroupRow = { mode: Mode; month: string; product_id: string; customer_number: string; country: string; area: string; counts_json: string }
const groupTotals = (r: GroupRow): { key: RecordKey; counts: RecordCounts } => ({
  key: { mode: r.mode, month: r.month, productId: r.product_id, customerNumber: r.customer_number, country: r.country, area: r.area },
  counts: parseCounts(r.counts_json)
})
export type TrackingRepo = ReturnType<typeof createTrackingRepo>

/** The SQLite tracking table as the tracking store (statements run at once; the promise only carries the answer). */
export const sqliteTrackingStore = (repo: TrackingRepo): TrackingStore => ({ ...promised(repo), engine: 'sqlite' })
