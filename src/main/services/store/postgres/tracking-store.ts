import { sql, type Kysely, type Selectable } from 'kysely'
import { consignmentPrice, type TrackingState } from '@shared/domain/tracking'
import { trackingRow, type SpendRow, type TrackingRow, type TrackingStore } from '../tracking'
import type { SharedSchema, TrackingTable } from './schema'
import { lazyStore } from './lazy-store'
import { addCounts, noCounts, parseCounts, recordDeltas, recordEntrySchema } from '@shared/domain/delivery-record'
import type { Mode } from '@shared/domain/mode'

/** How long a desk's claim on a shipment's check lasts: a desk that dies mid-round lets go within this. */
export const DEFAULT_TRACKING_LEASE_MS = 60_000

const toRow = (r: Selectable<TrackingTable>): TrackingRow => trackingRow(r, r.packages_json)

/** "Needs attention", as the SQLite store says it (attentionCondition), on alias t. */
const attention = (c: { pickupCutoff: string; silentCutoff: string }) => sql<boolean>`((t.state IN ('deviation', 'attempted_delivery', 'customs', 'returning', 'returned')
  OR (t.state = 'ready_for_pickup' AND t.state_since <= ${c.pickupCutoff})
  OR (t.state IN ('not_found', 'pre_notified') AND t.booked_at <= ${c.silentCutoff} AND t.next_due IS NOT NULL))
  AND (t.handled_state IS NULL OR t.handled_state <> t.state))`

/** The states that can need attention: the partial index tracking_attention_newest holds only these (0014). */
const MAY_NEED_ATTENTION = ['deviation', 'attempted_delivery', 'customs', 'returning', 'returned', 'ready_for_pickup', 'not_found', 'pre_notified'] as const

/**
 * The tracking rows needing attention, read through the partial index newest first (by the shipment's
 * created_at): a page walks a few hundred index entries instead of joining every tracked shipment.
 */
export const pgNeedingAttention = (db: Kysely<SharedSchema>, c: { pickupCutoff: string; silentCutoff: string }) =>
  db.selectFrom('tracking as t').where('t.state', 'in', MAY_NEED_ATTENTION).where(attention(c))

/**
 * Tracking in the shared database: one state per shipment for every desk, and a lease per shipment so
 * exactly one desk asks Bring per round. `due` claims what it returns (skipping rows another desk holds);
 * every save lets go. Same behaviour as the SQLite store otherwise (the contract tests run both).
 */
export function pgTrackingStore(db: Kysely<SharedSchema>, desk: string, opts: { leaseMs?: number } = {}): TrackingStore {
  const leaseSeconds = (opts.leaseMs ?? DEFAULT_TRACKING_LEASE_MS) / 1000
  const released = { desk, lease_desk: null, lease_until: null }
  return {
    engine: 'postgres',
    async enrol(t) {
      await db
        .insertInto('tracking')
        .values({ shipment_id: t.shipmentId, desk, consignment_number: t.consignmentNumber, mode: t.mode, booked_at: t.bookedAt, state: 'not_found', state_since: t.bookedAt, next_due: t.nextDue, checked_at: null, last_error: null, error_at: null, gone_at: null, handled_state: null, handled_at: null, handled_note: null, eta: null, pickup_json: null, price: null, currency: null, lease_desk: null, lease_until: null })
        .onConflict((oc) => oc.column('shipment_id').doNothing())
        .execute()
    },
    async get(shipmentId) {
      const r = await db.selectFrom('tracking').selectAll().where('shipment_id', '=', shipmentId).executeTakeFirst()
      return r ? toRow(r) : null
    },
    async due(now, limit, skip = []) {
      // Claimed in one statement: two desks asking at once get different shipments (SKIP LOCKED), and a
      // claim another desk holds is left alone until it runs out.
      const { rows } = await sql<Selectable<TrackingTable>>`
        UPDATE tracking SET lease_desk = ${desk}, lease_until = clock_timestamp() + make_interval(secs => ${leaseSeconds})
        WHERE shipment_id IN (
          SELECT shipment_id FROM tracking
          WHERE next_due IS NOT NULL AND next_due <= ${now} AND (lease_until IS NULL OR lease_until < clock_timestamp())
            AND NOT (shipment_id = ANY(${skip}::text[]))
          ORDER BY next_due LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING *`.execute(db)
      return rows.map(toRow).sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''))
    },
    async saveResult(shipmentId, result, at, nextDue) {
      const price = consignmentPrice(result)
      await db
        .updateTable('tracking')
        .set((eb) => ({
          state: result.state,
          state_since: sql<string>`CASE WHEN state = ${result.state} THEN state_since ELSE ${at} END`,
          checked_at: at,
          next_due: nextDue,
          failures: 0,
          last_error: null,
          error_at: null,
          gone_at: null,
          eta: result.packages.find((p) => p.eta)?.eta ?? null,
          pickup_json: JSON.stringify(result.packages.find((p) => p.pickupPoint)?.pickupPoint ?? null),
          price: price ?? eb.ref('price'),
          currency: result.packages.find((p) => p.currency)?.currency ?? eb.ref('currency'),
          packages_json: JSON.stringify(result.packages),
          ...released
        }))
        .where('shipment_id', '=', shipmentId)
        .execute()
    },
    async saveGone(shipmentId, at, nextDue) {
      await db
        .updateTable('tracking')
        .set({ checked_at: at, gone_at: sql<string>`coalesce(gone_at, ${at})`, next_due: nextDue, failures: 0, last_error: null, error_at: null, ...released })
        .where('shipment_id', '=', shipmentId)
        .execute()
    },
    async saveFailure(shipmentId, error, at, nextDue) {
      await db
        .updateTable('tracking')
        .set((eb) => ({ error_at: at, next_due: nextDue, failures: eb('failures', '+', 1), last_error: error, ...released }))
        .where('shipment_id', '=', shipmentId)
        .execute()
    },
    async markHandled(shipmentId, note, at) {
      const r = await db.updateTable('tracking').set((eb) => ({ handled_state: eb.ref('state'), handled_at: at, handled_note: note })).where('shipment_id', '=', shipmentId).executeTakeFirst()
      return Number(r.numUpdatedRows) > 0
    },
    async needsAttention(shipmentId, cutoffs) {
      return Boolean(await db.selectFrom('tracking as t').select('t.shipment_id').where('t.shipment_id', '=', shipmentId).where(attention(cutoffs)).executeTakeFirst())
    },
    async stop(shipmentId) {
      await db.updateTable('tracking').set({ next_due: null }).where('shipment_id', '=', shipmentId).execute()
    },
    async makeDue(shipmentIds, now) {
      if (shipmentIds.length === 0) return 0
      const r = await db.updateTable('tracking').set({ next_due: now }).where('shipment_id', 'in', shipmentIds).executeTakeFirst()
      return Number(r.numUpdatedRows)
    },
    async attentionCount(cutoffs) {
      const r = await db.selectFrom('tracking as t').select((eb) => eb.fn.countAll<string>().as('n')).where(attention(cutoffs)).executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async spend(): Promise<SpendRow[]> {
      const { rows } = await sql<SpendRow>`
        SELECT month, customer_number AS "customerNumber", product_id AS "productId", count(*)::int AS shipments, count(price)::int AS priced,
          (count(*) - count(price))::int AS unpriced, round(coalesce(sum(price), 0)::numeric, 2)::float8 AS total, coalesce(max(currency), 'NOK') AS currency,
          count(quoted)::int AS quoted, round(coalesce(sum(quoted), 0)::numeric, 2)::float8 AS "quotedTotal",
          round(coalesce(sum(CASE WHEN quoted IS NOT NULL THEN price END), 0)::numeric, 2)::float8 AS "actualForQuoted"
        FROM (SELECT substr(t.booked_at, 1, 7) AS month, s.customer_number, s.product_id, t.price, t.currency,
                CASE WHEN t.price IS NOT NULL AND s.form_json->'quotedPrice'->>'productId' = s.product_id
                  AND s.form_json->'quotedPrice'->>'currency' = coalesce(t.currency, 'NOK')
                  THEN (s.form_json->'quotedPrice'->>'amount')::float8 END AS quoted
              FROM tracking t JOIN shipments s ON s.id = t.shipment_id) x
        GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`.execute(db)
      return rows
    },
    async countByState() {
      const rows = await db.selectFrom('tracking').select(['state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('state').execute()
      return Object.fromEntries(rows.map((r) => [r.state as TrackingState, Number(r.n)]))
    },
    async recordDelivery(shipmentId, entry) {
      // Desks record different shipments (one poller per shipment) but may add to the same group at once:
      // the group's row is made first, then locked while its totals change.
      await db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('tracking').select('record_json').where('shipment_id', '=', shipmentId).forUpdate().executeTakeFirst()
        if (!row) return
        for (const { key, counts } of recordDeltas(row.record_json ? recordEntrySchema.parse(row.record_json) : null, entry)) {
          const group = { mode: key.mode, month: key.month, product_id: key.productId, customer_number: key.customerNumber, country: key.country, area: key.area }
          await tx.insertInto('delivery_record').values({ ...group, counts_json: JSON.stringify(noCounts()) }).onConflict((oc) => oc.doNothing()).execute()
          let q = tx.selectFrom('delivery_record').select('counts_json')
          for (const [k, v] of Object.entries(group)) q = q.where(k as keyof typeof group, '=', v)
          const had = await q.forUpdate().executeTakeFirstOrThrow()
          let u = tx.updateTable('delivery_record').set({ counts_json: JSON.stringify(addCounts(parseCounts(had.counts_json), counts)) })
          for (const [k, v] of Object.entries(group)) u = u.where(k as keyof typeof group, '=', v)
          await u.execute()
        }
        await tx.updateTable('tracking').set({ record_json: JSON.stringify(entry) }).where('shipment_id', '=', shipmentId).execute()
      })
    },
    async deliveryTotals(q) {
      let s = db.selectFrom('delivery_record').selectAll().where('mode', '=', q.mode).where('month', '>=', q.from).where('month', '<=', q.to)
      if (q.productIds) s = s.where('product_id', 'in', q.productIds.length ? q.productIds : [''])
      if (q.country) s = s.where('country', '=', q.country)
      if (q.area) s = s.where('area', '=', q.area)
      return (await s.execute()).map((r) => ({
        key: { mode: r.mode as Mode, month: r.month, productId: r.product_id, customerNumber: r.customer_number, country: r.country, area: r.area },
        counts: parseCounts(r.counts_json)
      }))
    },
    async unrecorded(limit) {
      return (await db.selectFrom('tracking').selectAll().where('record_json', 'is', null).where(sql<boolean>`packages_json <> '[]'::jsonb`).limit(limit).execute()).map(toRow)
    }
  }
}

/** The PostgreSQL tracking store behind a connection opened on first use. */
export const lazyPgTrackingStore = (open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string, opts: { leaseMs?: number } = {}): TrackingStore => lazyStore(open, (db) => pgTrackingStore(db, desk, opts))
