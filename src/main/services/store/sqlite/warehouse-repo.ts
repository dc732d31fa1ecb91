import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import { cappedCount, newestFirstPage, type ListRequest } from './newest-first-page'
import { registerSearchTokens } from './search-tokens'
import { bodyHash, REJECTED_MAX_CHARS, searchColumns, stockChanges, storedMessage, type WarehouseStore } from '../warehouse'
import { promised } from './promised'
import { type InventoryRow, type StoredWarehouseMessage, type WarehouseFilter, type WarehouseFilterQuery, type WarehouseMessage } from '@shared/domain/warehousing'

interface Row {
  id: string
  received_at: string
  request_id: string
  content_type: string
  message_json: string
}

export const warehouseIndexes = { table: 'warehouse_messages', trigram: 'warehouse_fts', tokens: 'warehouse_tokens', columns: ['order_number', 'customer', 'articles', 'tracking'] }

/** Warehouse messages, rejected bodies and the inventory they make; domain types in and out. */
export function createWarehouseRepo(db: Db, now = () => new Date()) {
  registerSearchTokens(db)
  const byInstance = db.prepare<[string], { request_id: string }>('SELECT request_id FROM warehouse_messages WHERE instance_id = ?')
  const byHash = db.prepare<[string], { request_id: string }>('SELECT request_id FROM warehouse_messages WHERE body_hash = ?')
  const insert = db.prepare(`INSERT INTO warehouse_messages (id, received_at, request_id, instance_id, body_hash, content_type, kind, order_number, status, customer, articles, tracking, message_json, raw)
    VALUES (@id, @receivedAt, @requestId, @instanceId, @hash, @contentType, @kind, @orderNumber, @status, @customer, @articles, @tracking, @message, @raw)`)
  const setInventory = db.prepare(`INSERT INTO warehouse_inventory (article, gtin, description, quantity, updated_at) VALUES (@article, @gtin, @description, @quantity, @at)
    ON CONFLICT (article) DO UPDATE SET quantity = excluded.quantity, gtin = coalesce(excluded.gtin, gtin), description = coalesce(excluded.description, description), updated_at = excluded.updated_at`)
  const adjust = db.prepare(`INSERT INTO warehouse_inventory (article, gtin, description, quantity, updated_at) VALUES (@article, @gtin, @description, @quantity, @at)
    ON CONFLICT (article) DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at`)
  const addAdjustment = db.prepare('INSERT INTO warehouse_adjustments (article, delta, reason, at, message_id) VALUES (?, ?, ?, ?, ?)')

  const stored = (r: Row & { shipment_id?: string | null }): StoredWarehouseMessage => storedMessage({ ...r, message: JSON.parse(r.message_json) })

  return {
    /**
     * Stores a message unless it is already here, in one transaction (synchronous=FULL: on disk when
     * this returns, so the success answer that follows can never be for a message that is lost).
     * Returns the request id to answer with — the original one for a duplicate.
     */
    store(message: WarehouseMessage, raw: string, contentType: string): { requestId: string; duplicate: boolean } {
      const hash = bodyHash(raw)
      return db.transaction(() => {
        const existing = (message.instanceId ? byInstance.get(message.instanceId) : undefined) ?? byHash.get(hash)
        if (existing) return { requestId: existing.request_id, duplicate: true }
        const id = randomUUID()
        const requestId = randomUUID()
        const at = now().toISOString()
        insert.run({
          id,
          receivedAt: at,
          requestId,
          instanceId: message.instanceId ?? null,
          hash,
          contentType,
          ...searchColumns(message),
          message: JSON.stringify(message),
          raw
        })
        for (const { set, reason, ...row } of stockChanges(message, at)) {
          if (set) setInventory.run(row)
          else {
            adjust.run(row)
            addAdjustment.run(row.article, row.quantity, reason, row.at, id)
          }
        }
        return { requestId, duplicate: false }
      })()
    },
    reject(reason: string, raw: string, contentType: string): void {
      db.prepare('INSERT INTO warehouse_rejected (id, received_at, reason, content_type, raw) VALUES (?, ?, ?, ?, ?)').run(randomUUID(), now().toISOString(), reason, contentType, raw.slice(0, REJECTED_MAX_CHARS))
    },
    rejected: (limit = 50) => db.prepare<[number], { id: string; received_at: string; reason: string; content_type: string }>('SELECT id, received_at, reason, content_type FROM warehouse_rejected ORDER BY rowid DESC LIMIT ?').all(limit).map((r) => ({ id: r.id, receivedAt: r.received_at, reason: r.reason, contentType: r.content_type })),
    list(filter: WarehouseFilter): { items: StoredWarehouseMessage[] } {
      const rows = newestFirstPage<Row & { shipment_id: string | null }>(db, warehouseIndexes, {
        ...listRequest(filter),
        // The link to a shipment is looked up for the message opened (by the consignment index), not per row.
        columns: 's.id, s.received_at, s.request_id, s.content_type, s.message_json, NULL AS shipment_id',
        limit: filter.limit,
        offset: filter.offset
      })
      return { items: rows.map(stored) }
    },
    count: (filter: WarehouseFilterQuery) => cappedCount(db, warehouseIndexes, listRequest(filter)),
    get(id: string): (StoredWarehouseMessage & { raw: string }) | null {
      const r = db.prepare<[string], Row & { raw: string; tracking: string | null }>('SELECT * FROM warehouse_messages WHERE id = ?').get(id)
      if (!r) return null
      // A tracking or consignment number that is a shipment in the history links to it.
      const numbers = (r.tracking ?? '').split(' ').filter(Boolean)
      const match = numbers.length ? db.prepare<unknown[], { id: string }>(`SELECT id FROM shipments WHERE consignment_number IN (${numbers.map(() => '?').join(',')}) LIMIT 1`).get(...numbers) : undefined
      return { ...stored({ ...r, shipment_id: match?.id ?? null }), raw: r.raw }
    },
    inventory(): InventoryRow[] {
      const adjustments = db.prepare<[string], { at: string; delta: number; reason: string | null }>('SELECT at, delta, reason FROM warehouse_adjustments WHERE article = ? ORDER BY id DESC LIMIT 20')
      return db
        .prepare<[], { article: string; gtin: string | null; description: string | null; quantity: number; updated_at: string }>('SELECT * FROM warehouse_inventory ORDER BY article')
        .all()
        .map((r) => ({ article: r.article, gtin: r.gtin, description: r.description, quantity: r.quantity, updatedAt: r.updated_at, adjustments: adjustments.all(r.article) }))
    },
    counts: () => db.prepare<[], { stored: number; rejected: number; last: string | null }>('SELECT (SELECT count(*) FROM warehouse_messages) AS stored, (SELECT count(*) FROM warehouse_rejected) AS rejected, (SELECT max(received_at) FROM warehouse_messages) AS last').get()!
  }
}
export type WarehouseRepo = ReturnType<typeof createWarehouseRepo>

function listRequest(filter: WarehouseFilterQuery): ListRequest {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filter.kind) {
    where.push('s.kind = @kind')
    params.kind = filter.kind
  }
  if (filter.status) {
    where.push('s.status = @status')
    params.status = filter.status
  }
  return { query: filter.query, where, params }
}

export const sqliteWarehouseStore = (repo: WarehouseRepo): WarehouseStore => ({ ...promised(repo), engine: 'sqlite' })
