import { defaultSettings } from '@shared/domain/settings'
import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import type { InterruptedMessages } from '../interrupted'
import { recoverInterruptedRows } from './interrupted'
import { cappedCount, newestFirstPage, type ListRequest } from './newest-first-page'
import { registerSearchTokens } from './search-tokens'
import {
  storedBookingFormSchema,
  confirmationSchema,
  type BookingForm,
  type Confirmation,
  type ShipmentRecord,
  type ShipmentFilter,
  type ShipmentFilterQuery,
  type RecordError,
  type ShipmentStatus,
  type ShipmentSummary
} from '@shared/domain/booking'
import type { Mode } from '@shared/domain/mode'
import { DuplicateRequestError, nextDay, shipmentReference, summary, summaryFields, type ShipmentColumns, type ShipmentsStore, type SummaryRow } from '../shipments'
import { attentionCondition } from './tracking-repo'
import { attentionCutoffs } from '../tracking'

/** A shipments row as stored (SQLite). */
export interface ShipmentRow extends ShipmentColumns {
  form_json: string
  request_json: string
  confirmation_json: string | null
  error_json: string | null
  tracking_state?: string | null
}

/** What the list shows, and nothing more: the JSON columns stay on disk while searching. */
/** The last days' bookings (start-up's label check): by the date index; `+status` keeps SQLite from walking every booked shipment instead (1.4 s at 1,000,000). */
export const BOOKED_SINCE = `SELECT id, label_file FROM shipments WHERE created_at >= ? AND +status = 'booked'`

export const summaryColumns = `${summaryFields.map((f) => `s.${f}`).join(', ')}, (SELECT t.state FROM tracking t WHERE t.shipment_id = s.id) AS tracking_state`
export const searchIndexes = { table: 'shipments', trigram: 'shipments_fts', tokens: 'shipments_tokens', columns: ['recipient_name', 'recipient_postal_code', 'recipient_city', 'reference', 'consignment_number', 'package_numbers'], numberColumns: ['consignment_number', 'package_numbers', 'reference'] }

export function createShipmentsRepo(db: Db, now = () => new Date()) {
  registerSearchTokens(db)
  const byId = db.prepare<[string], ShipmentRow>('SELECT * FROM shipments WHERE id = ?')
  // Any request id the shipment ever used finds it: an old attempt's id never becomes a new booking.
  const byClientRequest = db.prepare<[string], ShipmentRow>('SELECT s.* FROM shipment_requests q JOIN shipments s ON s.id = q.shipment_id WHERE q.client_request_id = ?')
  const keepRequest = db.prepare('INSERT INTO shipment_requests (client_request_id, shipment_id, created_at) VALUES (?, ?, ?)')
  const keepRequestCopy = db.prepare('INSERT OR IGNORE INTO shipment_requests (client_request_id, shipment_id, created_at) VALUES (?, ?, ?)')
  // A batch row whose request this is becomes that shipment's row, by id, for good.
  const adoptByRow = db.prepare('UPDATE batch_rows SET shipment_id = ? WHERE client_request_id = ? AND shipment_id IS NULL')
  const requestIds = db.prepare<[string], { client_request_id: string }>('SELECT client_request_id FROM shipment_requests WHERE shipment_id = ? ORDER BY created_at, client_request_id')
  const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id,
    recipient_name, recipient_postal_code, recipient_city, reference, form_json, request_json, batch_id)
    VALUES (@id, @clientRequestId, @now, @now, @mode, 'pending', @customerNumber, @productId, @recipientName, @recipientPostalCode, @recipientCity, @reference, @form, @request, @batchId)`)
  // Status changes leave the searchable columns alone, so the search indexes are not rewritten.
  const setStatus = db.prepare(`UPDATE shipments SET status = @status, updated_at = @now, error_json = @error WHERE id = @id`)
  const setBooked = db.prepare(`UPDATE shipments SET status = 'booked', updated_at = @now, consignment_number = @consignmentNumber,
    package_numbers = @packageNumbers, confirmation_json = @confirmation, error_json = NULL WHERE id = @id`)
  const newest = db.prepare<[], { created_at: string }>('SELECT created_at FROM shipments ORDER BY rowid DESC LIMIT 1')
  /** Never earlier than the newest row, even if the clock stepped back: rowid order stays time order. */
  const insertTime = (): string => {
    const t = now().toISOString()
    const last = newest.get()?.created_at
    return last && last > t ? last : t
  }
  const setLabel = db.prepare('UPDATE shipments SET label_file = ?, updated_at = ? WHERE id = ?')

  /** The form's request id and the column move together (a resend is a new request); every earlier one stays the shipment's. */
  const setClientRequest = (id: string, clientRequestId: string, keep = keepRequest): void =>
    db.transaction(() => {
      const r = byId.get(id)
      if (!r) return
      const at = now().toISOString()
      keep.run(clientRequestId, id, at)
      db.prepare('UPDATE shipments SET client_request_id = ?, form_json = ?, updated_at = ? WHERE id = ?').run(clientRequestId, JSON.stringify({ ...JSON.parse(r.form_json), clientRequestId }), at, id)
    })()
  /** The shipment row, its first request id and its batch row, in one commit. */
  const insertNew = (params: ReturnType<typeof insertParams>, keep = keepRequest): void =>
    db.transaction(() => {
      insert.run(params)
      keep.run(params.clientRequestId, params.id, params.now)
      adoptByRow.run(params.id, params.clientRequestId)
    })()

  const detail = (r: ShipmentRow): ShipmentRecord => ({
    ...summary(r),
    updatedAt: r.updated_at,
    form: storedBookingFormSchema.parse(JSON.parse(r.form_json)),
    request: JSON.parse(r.request_json),
    confirmation: r.confirmation_json ? confirmationSchema.parse(JSON.parse(r.confirmation_json)) : null,
    error: r.error_json ? JSON.parse(r.error_json) : null
  })

  return {
    /** Written before anything is sent to Bring: the full request is on disk even if the app dies mid-call. */
    insertPending(form: BookingForm, request: unknown, mode: Mode, batchId?: string): ShipmentRecord {
      const id = randomUUID()
      insertNew(insertParams(id, insertTime(), form, request, mode, batchId))
      return detail(byId.get(id)!)
    },
    /**
     * Team mode keeps a copy of this desk's own bookings here (with the label links the shared
     * database never gets), so what still lives per desk (batches, tracking, label downloads) finds them.
     */
    insertCopy(record: { id: string; createdAt: string }, form: BookingForm, request: unknown, mode: Mode, batchId?: string): void {
      insertNew(insertParams(record.id, record.createdAt, form, request, mode, batchId), keepRequestCopy)
    },
    /** Team mode's copy follows the shared record's request id (which the shared database already made unique). */
    setClientRequest: (id: string, clientRequestId: string) => setClientRequest(id, clientRequestId, keepRequestCopy),
    /** Every request id this shipment has been sent (or saved) under, oldest first. */
    requestIds: (id: string): string[] => requestIds.all(id).map((r) => r.client_request_id),
    /** A failed or unsent attempt sent again: same record, new request, pending again. */
    replaceRequest(id: string, form: BookingForm, request: unknown, mode: Mode): void {
      db.prepare(`UPDATE shipments SET form_json = @form, request_json = @request, mode = @mode, status = 'pending', error_json = NULL, updated_at = @now,
        customer_number = @customerNumber, product_id = @productId, recipient_name = @recipientName, recipient_postal_code = @recipientPostalCode,
        recipient_city = @recipientCity WHERE id = @id`).run({
        id,
        form: JSON.stringify(form),
        request: JSON.stringify(request),
        mode,
        now: now().toISOString(),
        customerNumber: form.customerNumber,
        productId: form.productId,
        recipientName: form.recipient.name,
        recipientPostalCode: form.recipient.postalCode,
        recipientCity: form.recipient.city
      })
    },
    /** Committed right before the request is handed to the network. */
    markSending(id: string): void {
      db.prepare(`UPDATE shipments SET status = 'sending', updated_at = ? WHERE id = ?`).run(now().toISOString(), id)
    },
    /** Start-up: pending = never sent, sending = outcome unknown (see interrupted.ts). */
    recoverInterrupted: (messages: InterruptedMessages) => recoverInterruptedRows(db, 'shipments', messages, now().toISOString()),
    /** Booked shipments and their label file name (null: never saved). Plain columns: cheap at start-up. */
    bookedLabelFiles(since?: string): { id: string; labelFile: string | null }[] {
      const rows = since
        ? db.prepare<[string], { id: string; label_file: string | null }>(BOOKED_SINCE).all(since)
        : db.prepare<[], { id: string; label_file: string | null }>(`SELECT id, label_file FROM shipments WHERE status = 'booked'`).all()
      return rows.map((r) => ({ id: r.id, labelFile: r.label_file }))
    },
    findByClientRequest: (clientRequestId: string): ShipmentRecord | null => {
      const r = byClientRequest.get(clientRequestId)
      return r ? detail(r) : null
    },
    get: (id: string): ShipmentRecord | null => {
      const r = byId.get(id)
      return r ? detail(r) : null
    },
    labelFile: (id: string): string | null => byId.get(id)?.label_file ?? null,
    markBooked(id: string, confirmation: Confirmation): void {
      setBooked.run({
        id,
        now: now().toISOString(),
        consignmentNumber: confirmation.consignmentNumber,
        packageNumbers: confirmation.packageNumbers.join(' ') || null,
        confirmation: JSON.stringify(confirmation)
      })
    },
    markStatus(id: string, status: Exclude<ShipmentStatus, 'booked'>, error: RecordError | null): void {
      setStatus.run({ id, status, now: now().toISOString(), error: error ? JSON.stringify(error) : null })
    },
    setLabelFile(id: string, file: string): void {
      setLabel.run(file, now().toISOString(), id)
    },
    /** A failed attempt's form may be sent again as a new request: it gets a fresh client request id. */
    renewClientRequest(id: string): string {
      const fresh = randomUUID()
      setClientRequest(id, fresh)
      return fresh
    },
    /** Newest first, a page at a time; see newest-first-page.ts for why it does not grow with the matches. */
    list(filter: ShipmentFilter & { attentionDays?: { pickupDays: number; silentDays: number } }): { items: ShipmentSummary[] } {
      const rows = newestFirstPage<SummaryRow>(db, searchIndexes, { ...listRequest(filter), columns: summaryColumns, limit: filter.limit, offset: filter.offset })
      return { items: rows.map(summary) }
    },
    /** How many match the same filter, up to TOTAL_CAP. */
    count: (filter: ShipmentFilterQuery & { attentionDays?: { pickupDays: number; silentDays: number } }): { total: number; totalExact: boolean } => cappedCount(db, searchIndexes, listRequest(filter)),
    /** How commits reach the disk (FULL: before the call returns, surviving power loss). */
    synchronousMode: (): string => ['OFF', 'NORMAL', 'FULL', 'EXTRA'][db.pragma('synchronous', { simple: true }) as number] ?? 'unknown',
    size: (): number => (db.prepare('SELECT COUNT(*) AS n FROM shipments').get() as { n: number }).n
  }
}
export type ShipmentsRepo = ReturnType<typeof createShipmentsRepo>

/** The insert statement's parameters for a new pending shipment. */
function insertParams(id: string, at: string, form: BookingForm, request: unknown, mode: Mode, batchId?: string) {
  return {
    id,
    clientRequestId: form.clientRequestId,
    now: at,
    mode,
    customerNumber: form.customerNumber,
    productId: form.productId,
    recipientName: form.recipient.name,
    recipientPostalCode: form.recipient.postalCode,
    recipientCity: form.recipient.city,
    reference: shipmentReference(form),
    form: JSON.stringify(form),
    request: JSON.stringify(request),
    batchId: batchId ?? null
  }
}

/** From this offset on, a Needs-attention page is read from the set of attention rows, not by walking the history. */
const DEEP_ATTENTION_OFFSET = 1000

/** The conditions of a history filter, shared by the page and its count. */
function listRequest(filter: ShipmentFilterQuery & { attentionDays?: { pickupDays: number; silentDays: number } }): ListRequest {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  const add = (sql: string, key: string, value: unknown): void => {
    where.push(sql)
    params[key] = value
  }
  if (filter.status) add('s.status = @status', 'status', filter.status)
  if (filter.mode) add('s.mode = @mode', 'mode', filter.mode)
  // created_at grows with rowid, so a date range is also a rowid range the scan can seek to.
  if (filter.from) {
    add('s.created_at >= @from', 'from', filter.from)
    where.push('{rowid} >= (SELECT rowid FROM shipments WHERE created_at >= @from ORDER BY created_at, rowid LIMIT 1)')
  }
  if (filter.attention) {
    // The first pages (and the count) walk the history newest first and ask each shipment's tracking
    // row (EXISTS: ~6 ms p50 for page 1 at 1,000,000 shipments with 2.5 % needing attention, was 66 ms);
    // a page far down is cheaper from the whole set of attention rows at once (IN: ~80 ms at offset
    // 1,900, where walking takes ~113 ms).
    const deep = 'offset' in filter && typeof filter.offset === 'number' && filter.offset >= DEEP_ATTENTION_OFFSET
    where.push(deep ? `s.id IN (SELECT t.shipment_id FROM tracking t WHERE ${attentionCondition})` : `EXISTS (SELECT 1 FROM tracking t WHERE t.shipment_id = s.id AND ${attentionCondition})`)
    Object.assign(params, attentionCutoffs(new Date(), filter.attentionDays ?? { pickupDays: defaultSettings.attentionPickupDays, silentDays: defaultSettings.attentionSilentDays }))
  }
  if (filter.to) {
    add('s.created_at < @to', 'to', nextDay(filter.to))
    where.push('{rowid} <= (SELECT rowid FROM shipments WHERE created_at < @to ORDER BY created_at DESC, rowid DESC LIMIT 1)')
  }
  return { query: filter.query, where, params }
}

const isUniqueViolation = (err: unknown): boolean => err instanceof Error && /UNIQUE constraint failed: (shipments|shipment_requests)\.client_request_id/.test(err.message)

/** The embedded SQLite repository (hand-written, synchronous statements) as a ShipmentsStore. */
export function sqliteShipmentsStore(repo: ShipmentsRepo): ShipmentsStore {
  const run = async <T>(f: () => T): Promise<T> => f()
  return {
    engine: 'sqlite',
    insertPending: (form, request, mode, batchId) =>
      run(() => {
        try {
          return repo.insertPending(form, request, mode, batchId)
        } catch (err) {
          throw isUniqueViolation(err) ? new DuplicateRequestError(form.clientRequestId) : err
        }
      }),
    replaceRequest: (id, form, request, mode) => run(() => repo.replaceRequest(id, form, request, mode)),
    markSending: (id) => run(() => repo.markSending(id)),
    handOffNow: { sending: (id) => repo.markSending(id), notHandedOff: (id) => repo.markStatus(id, 'pending', null) },
    markBooked: (id, c) => run(() => repo.markBooked(id, c)),
    markStatus: (id, status, error) => run(() => repo.markStatus(id, status, error)),
    setLabelFile: (id, file) => run(() => repo.setLabelFile(id, file)),
    renewClientRequest: (id) => run(() => repo.renewClientRequest(id)),
    requestIds: (id) => run(() => repo.requestIds(id)),
    get: (id) => run(() => repo.get(id)),
    findByClientRequest: (crid) => run(() => repo.findByClientRequest(crid)),
    labelFile: (id) => run(() => repo.labelFile(id)),
    bookedLabelFiles: (since) => run(() => repo.bookedLabelFiles(since)),
    recoverInterrupted: (messages) => run(() => repo.recoverInterrupted(messages)),
    list: (filter) => run(() => repo.list(filter)),
    count: (filter) => run(() => repo.count(filter))
  }
}
