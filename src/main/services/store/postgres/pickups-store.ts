import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import { AppError } from '@shared/ipc/app-error'
import { groupTodays, pickupRecord, type PickupsStore } from '../pickups'
import { lazyStore } from './lazy-store'
import { recoverDeskRows } from './interrupted'
import type { PickupsTable, SharedSchema } from './schema'

const record = (r: Selectable<PickupsTable> & { shipment_count: string | number | bigint | null }) => ({ ...pickupRecord({ ...r, details: r.details_json, error: r.error_json }), desk: r.desk })

/** A pickup with the count of shipments it covers. */
const selectPickups = (db: Kysely<SharedSchema>) =>
  db
    .selectFrom('pickups')
    .selectAll('pickups')
    .select((eb) => eb.selectFrom('pickup_shipments').select(eb.fn.countAll<string>().as('c')).whereRef('pickup_shipments.pickup_id', '=', 'pickups.id').as('shipment_count'))

/**
 * Pickup orders in the shared PostgreSQL database: one list for the shop, and "today's shipments
 * without a pickup" counts what every desk booked. Same behaviour as the SQLite repository.
 */
export function pgPickupsStore(db: Kysely<SharedSchema>, desk: string, now = () => new Date()): PickupsStore {
  const touch = (): string => now().toISOString()
  const byId = async (id: string) => {
    const r = await selectPickups(db).where('id', '=', id).executeTakeFirst()
    return r ? record(r) : null
  }

  return {
    engine: 'postgres',
    async insert(p) {
      const id = randomUUID()
      const at = touch()
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('pickups')
          .values({
            id,
            client_request_id: p.clientRequestId,
            desk,
            created_at: at,
            updated_at: at,
            mode: p.mode,
            status: p.status ?? 'pending',
            kind: p.kind,
            service: p.service,
            customer_number: p.customerNumber,
            pickup_date: p.pickupDate,
            shipment_number: p.shipmentNumber ?? null,
            pickup_window: null,
            receipt_url: null,
            details_json: JSON.stringify(p.details),
            request_json: JSON.stringify(p.request),
            error_json: null
          })
          .execute()
        if (p.shipmentIds.length) await trx.insertInto('pickup_shipments').values(p.shipmentIds.map((s) => ({ pickup_id: id, shipment_id: s }))).execute()
      })
      return (await byId(id))!
    },
    async markSending(id) {
      // Only from "pending", as for shipments: what another start of this desk settled is not sent again.
      const r = await db.updateTable('pickups').set({ status: 'sending', updated_at: touch() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw new AppError('BRING_NOT_SENT', 'This pickup is no longer waiting to be ordered, so it was not sent.')
    },
    recoverInterrupted: (messages) => recoverDeskRows(db, 'pickups', desk, messages, touch()),
    async unknownShipments(ids) {
      if (ids.length === 0) return []
      const known = new Set((await db.selectFrom('shipments').select('id').where('id', 'in', ids).execute()).map((r) => r.id))
      return ids.filter((id) => !known.has(id))
    },
    get: byId,
    async findByClientRequest(clientRequestId) {
      const r = await selectPickups(db).where('client_request_id', '=', clientRequestId).executeTakeFirst()
      return r ? record(r) : null
    },
    requestOf: async (id) => (await db.selectFrom('pickups').select('request_json').where('id', '=', id).executeTakeFirstOrThrow()).request_json,
    async setState(id, patch) {
      await db
        .updateTable('pickups')
        .set((eb) => ({
          status: patch.status,
          updated_at: touch(),
          shipment_number: patch.shipmentNumber ?? eb.ref('shipment_number'),
          pickup_window: patch.window ?? eb.ref('pickup_window'),
          receipt_url: patch.receiptUrl ?? eb.ref('receipt_url'),
          pickup_date: patch.pickupDate ?? eb.ref('pickup_date'),
          error_json: patch.error ? JSON.stringify(patch.error) : null
        }))
        .where('id', '=', id)
        .execute()
      return (await byId(id))!
    },
    async list(mode) {
      let q = selectPickups(db)
      if (mode) q = q.where('mode', '=', mode)
      return (await q.orderBy('pickup_date', 'desc').orderBy('created_at', 'desc').limit(200).execute()).map(record)
    },
    async todaysUncovered(mode, dayStart, dayEnd) {
      const rows = await db
        .selectFrom('shipments as s')
        .select(['s.id', 's.customer_number', 's.product_id', 's.form_json as form'])
        .where('s.status', '=', 'booked')
        .where('s.mode', '=', mode)
        .where('s.created_at', '>=', dayStart.toISOString())
        .where('s.created_at', '<', dayEnd.toISOString())
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('pickup_shipments as ps')
                .innerJoin('pickups as p', 'p.id', 'ps.pickup_id')
                .select('p.id')
                .whereRef('ps.shipment_id', '=', 's.id')
                .where('p.status', 'in', ['pending', 'sending', 'ordered', 'outcome_unknown'])
            )
          )
        )
        .orderBy('s.created_at')
        .execute()
      return groupTodays(rows)
    },
    coveredShipments: async (pickupId) =>
      (await db.selectFrom('pickup_shipments as ps').innerJoin('shipments as s', 's.id', 'ps.shipment_id').select('s.id').where('ps.pickup_id', '=', pickupId).orderBy('s.created_at').orderBy('s.id').execute()).map((r) => r.id),
    size: async () => Number((await db.selectFrom('pickups').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  }
}

/** The PostgreSQL pickups store behind a connection opened on first use. */
export const lazyPgPickupsStore = (open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string): PickupsStore =>
  lazyStore<Omit<PickupsStore, 'handOffNow'>>(open, (db) => pgPickupsStore(db, desk))
