import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { TOTAL_CAP } from '../engine'
import { bodyHash, REJECTED_MAX_CHARS, searchColumns, stockChanges, storedMessage, type WarehouseStore } from '../warehouse'
import type { WarehouseFilterQuery } from '@shared/domain/warehousing'
import { lazyStore } from './lazy-store'
import { searchCondition } from './search'
import type { SharedSchema } from './schema'

const listColumns = ['id', 'received_at', 'request_id', 'content_type', 'message_json as message'] as const

/**
 * Warehouse messages in the shared PostgreSQL database: whichever desk runs the receiver, every desk
 * sees the orders and the stock. A message is committed (with its stock changes) before the receiver
 * answers, so a success Bring receives is for a stored message. Same behaviour as the SQLite repository.
 */
export function pgWarehouseStore(db: Kysely<SharedSchema>, desk: string, now = () => new Date()): WarehouseStore {
  const filtered = (filter: WarehouseFilterQuery) => {
    let q = db.selectFrom('warehouse_messages')
    if (filter.kind) q = q.where('kind', '=', filter.kind)
    if (filter.status) q = q.where('status', '=', filter.status)
    if (filter.query.trim()) q = q.where(searchCondition(filter.query))
    return q
  }

  return {
    engine: 'postgres',
    store: (message, raw, contentType) =>
      db.transaction().execute(async (trx) => {
        const hash = bodyHash(raw)
        const id = randomUUID()
        const requestId = randomUUID()
        const at = now().toISOString()
        const c = searchColumns(message)
        // Two receivers (or a retry racing the first) may store the same message at once: the unique keys decide.
        const inserted = await trx
          .insertInto('warehouse_messages')
          .values({
            id,
            desk,
            received_at: at,
            request_id: requestId,
            instance_id: message.instanceId ?? null,
            body_hash: hash,
            content_type: contentType,
            kind: c.kind,
            order_number: c.orderNumber,
            status: c.status,
            customer: c.customer,
            articles: c.articles,
            tracking: c.tracking,
            message_json: JSON.stringify(message),
            raw
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst()
        if (!inserted) {
          const instanceId = message.instanceId ?? null
          const existing = await trx
            .selectFrom('warehouse_messages')
            .select('request_id')
            .where((eb) => (instanceId ? eb.or([eb('instance_id', '=', instanceId), eb('body_hash', '=', hash)]) : eb('body_hash', '=', hash)))
            .executeTakeFirstOrThrow()
          return { requestId: existing.request_id, duplicate: true }
        }
        for (const { set, reason, ...row } of stockChanges(message, at)) {
          await trx
            .insertInto('warehouse_inventory')
            .values({ article: row.article, gtin: row.gtin, description: row.description, quantity: row.quantity, updated_at: row.at })
            .onConflict((oc) =>
              oc.column('article').doUpdateSet((eb) =>
                set
                  ? { quantity: eb.ref('excluded.quantity'), gtin: sql`coalesce(excluded.gtin, warehouse_inventory.gtin)`, description: sql`coalesce(excluded.description, warehouse_inventory.description)`, updated_at: eb.ref('excluded.updated_at') }
                  : { quantity: sql`warehouse_inventory.quantity + excluded.quantity`, updated_at: eb.ref('excluded.updated_at') }
              )
            )
            .execute()
          if (!set) await trx.insertInto('warehouse_adjustments').values({ article: row.article, delta: row.quantity, reason, at: row.at, message_id: id }).execute()
        }
        return { requestId, duplicate: false }
      }),
    async reject(reason, raw, contentType) {
      await db.insertInto('warehouse_rejected').values({ id: randomUUID(), desk, received_at: now().toISOString(), reason, content_type: contentType, raw: raw.slice(0, REJECTED_MAX_CHARS) }).execute()
    },
    rejected: async (limit = 50) =>
      (await db.selectFrom('warehouse_rejected').select(['id', 'received_at', 'reason', 'content_type']).orderBy('seq', 'desc').limit(limit).execute()).map((r) => ({ id: r.id, receivedAt: r.received_at, reason: r.reason, contentType: r.content_type })),
    async list(filter) {
      const rows = await filtered(filter).select(listColumns).orderBy('received_at', 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute()
      return { items: rows.map((r) => storedMessage(r)) }
    },
    async count(filter) {
      const page = filtered(filter).select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1)
      const { n } = await db.selectFrom(page.as('page')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      const total = Number(n)
      return { total: Math.min(total, TOTAL_CAP), totalExact: total <= TOTAL_CAP }
    },
    async get(id) {
      const r = await db.selectFrom('warehouse_messages').select([...listColumns, 'raw', 'tracking']).where('id', '=', id).executeTakeFirst()
      if (!r) return null
      // A tracking or consignment number that is a shipment in the shared history links to it.
      const numbers = (r.tracking ?? '').split(' ').filter(Boolean)
      const match = numbers.length ? await db.selectFrom('shipments').select('id').where('consignment_number', 'in', numbers).limit(1).executeTakeFirst() : undefined
      return { ...storedMessage({ ...r, shipment_id: match?.id ?? null }), raw: r.raw }
    },
    async inventory() {
      const rows = await db.selectFrom('warehouse_inventory').selectAll().orderBy('article').execute()
      return Promise.all(
        rows.map(async (r) => ({
          article: r.article,
          gtin: r.gtin,
          description: r.description,
          quantity: r.quantity,
          updatedAt: r.updated_at,
          adjustments: await db.selectFrom('warehouse_adjustments').select(['at', 'delta', 'reason']).where('article', '=', r.article).orderBy('id', 'desc').limit(20).execute()
        }))
      )
    },
    async counts() {
      const r = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('warehouse_messages').select((e) => e.fn.countAll<string>().as('n')).as('stored'),
          eb.selectFrom('warehouse_rejected').select((e) => e.fn.countAll<string>().as('n')).as('rejected'),
          eb.selectFrom('warehouse_messages').select((e) => e.fn.max('received_at').as('last')).as('last')
        ])
        .executeTakeFirstOrThrow()
      return { stored: Number(r.stored), rejected: Number(r.rejected), last: (r.last as string | null) ?? null }
    }
  }
}

/** The PostgreSQL warehouse store behind a connection opened on first use. */
export const lazyPgWarehouseStore = (open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string): WarehouseStore =>
  lazyStore<WarehouseStore>(open, (db) => pgWarehouseStore(db, desk))
