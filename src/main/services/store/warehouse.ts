import { createHash } from 'node:crypto'
import { warehouseMessageSchema, type InventoryRow, type StoredWarehouseMessage, type WarehouseFilter, type WarehouseFilterQuery, type WarehouseMessage } from '@shared/domain/warehousing'
import type { StoreEngine } from './engine'

/** Warehouse messages, rejected bodies and the inventory behind one async interface (SQLite or the team's PostgreSQL). */
export interface WarehouseStore {
  readonly engine: StoreEngine
  /**
   * Stores a message unless it is already here, in one transaction (on disk when this returns, so the
   * success answer that follows can never be for a message that is lost). Returns the request id to
   * answer with — the original one for a duplicate.
   */
  store(message: WarehouseMessage, raw: string, contentType: string): Promise<{ requestId: string; duplicate: boolean }>
  reject(reason: string, raw: string, contentType: string): Promise<void>
  rejected(limit?: number): Promise<{ id: string; receivedAt: string; reason: string; contentType: string }[]>
  list(filter: WarehouseFilter): Promise<{ items: StoredWarehouseMessage[] }>
  count(filter: WarehouseFilterQuery): Promise<{ total: number; totalExact: boolean }>
  get(id: string): Promise<(StoredWarehouseMessage & { raw: string }) | null>
  inventory(): Promise<InventoryRow[]>
  counts(): Promise<{ stored: number; rejected: number; last: string | null }>
}

/** Rejected bodies are kept for inspection, up to this size each. */
export const REJECTED_MAX_CHARS = 64 * 1024

export const bodyHash = (body: string): string => createHash('sha256').update(body).digest('hex')

/** What is searched and filtered on, taken from a message (both engines store these). */
export const searchColumns = (message: WarehouseMessage) => ({
  kind: message.kind,
  orderNumber: message.orderNumber ?? message.documentId ?? null,
  status: message.status ?? null,
  customer: message.shipTo ? `${message.shipTo.name} ${message.shipTo.customer ?? ''}`.trim() : null,
  articles: message.lines.map((l) => `${l.article} ${l.gtin ?? ''}`).join(' ') || null,
  tracking: message.trackingNumbers.join(' ') || null
})

/** The message as the window sees it, from its stored JSON. */
export const storedMessage = (r: { id: string; received_at: string; request_id: string; content_type: string; message: unknown; shipment_id?: string | null }): StoredWarehouseMessage => ({
  ...warehouseMessageSchema.parse(r.message),
  id: r.id,
  receivedAt: r.received_at,
  requestId: r.request_id,
  contentType: r.content_type,
  shipmentId: r.shipment_id ?? null
})

/** Stock changes a message makes: an inventory report sets a quantity, an adjustment adds to it. */
export const stockChanges = (message: WarehouseMessage, at: string) =>
  message.kind === 'inventory' || message.kind === 'adjustment'
    ? message.lines.map((l) => ({ set: message.kind === 'inventory', article: l.article, gtin: l.gtin ?? null, description: l.description ?? null, quantity: l.quantity, reason: l.reason ?? null, at: message.eventAt ?? message.createdAt ?? at }))
    : []

