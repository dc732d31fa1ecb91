import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import { recoverInterruptedRows, type InterruptedMessages } from './interrupted'
import {
  storedBookingFormSchema,
  confirmationSchema,
  type BookingForm,
  type Confirmation,
  type ShipmentRecord,
  type ShipmentFilter,
  type ShipmentStatus,
  type ShipmentSummary
} from '../../../shared/domain/booking'
import type { Mode } from '../../../shared/domain/mode'

interface Row {
  id: string
  created_at: string
  updated_at: string
  mode: Mode
  status: ShipmentStatus
  customer_number: string
  product_id: string
  recipient_name: string
  recipient_postal_code: string
  recipient_city: string
  reference: string | null
  consignment_number: string | null
  form_json: string
  request_json: string
  confirmation_json: string | null
  error_json: string | null
  label_file: string | null
}

const summary = (r: Row): ShipmentSummary => ({
  id: r.id,
  createdAt: r.created_at,
  mode: r.mode,
  status: r.status,
  customerNumber: r.customer_number,
  productId: r.product_id,
  recipientName: r.recipient_name,
  recipientPostalCode: r.recipient_postal_code,
  recipientCity: r.recipient_city,
  reference: r.reference,
  consignmentNumber: r.consignment_number,
  hasLabel: r.label_file !== null
})

/** FTS5 trigram needs 3+ characters; quote the term so user input is never FTS syntax. */
const ftsTerm = (q: string): string => `"${q.replace(/"/g, '""')}"`

export function createShipmentsRepo(db: Db, now = () => new Date()) {
  const byId = db.prepare<[string], Row>('SELECT * FROM shipments WHERE id = ?')
  const byClientRequest = db.prepare<[string], Row>('SELECT * FROM shipments WHERE client_request_id = ?')
  const insert = db.prepare(`INSERT INTO shipments (id, client_request_id, created_at, updated_at, mode, status, customer_number, product_id,
    recipient_name, recipient_postal_code, recipient_city, reference, form_json, request_json)
    VALUES (@id, @clientRequestId, @now, @now, @mode, 'pending', @customerNumber, @productId, @recipientName, @recipientPostalCode, @recipientCity, @reference, @form, @request)`)
  const setState = db.prepare(`UPDATE shipments SET status = @status, updated_at = @now, consignment_number = COALESCE(@consignmentNumber, consignment_number),
    confirmation_json = COALESCE(@confirmation, confirmation_json), error_json = @error WHERE id = @id`)
  const setLabel = db.prepare('UPDATE shipments SET label_file = ?, updated_at = ? WHERE id = ?')

  const detail = (r: Row): ShipmentRecord => ({
    ...summary(r),
    updatedAt: r.updated_at,
    form: storedBookingFormSchema.parse(JSON.parse(r.form_json)),
    request: JSON.parse(r.request_json),
    confirmation: r.confirmation_json ? confirmationSchema.parse(JSON.parse(r.confirmation_json)) : null,
    error: r.error_json ? JSON.parse(r.error_json) : null
  })

  return {
    /** Written before anything is sent to Bring: the full request is on disk even if the app dies mid-call. */
    insertPending(form: BookingForm, request: unknown, mode: Mode): ShipmentRecord {
      const id = randomUUID()
      insert.run({
        id,
        clientRequestId: form.clientRequestId,
        now: now().toISOString(),
        mode,
        customerNumber: form.customerNumber,
        productId: form.productId,
        recipientName: form.recipient.name,
        recipientPostalCode: form.recipient.postalCode,
        recipientCity: form.recipient.city,
        reference: form.recipient.reference ?? form.orderReference ?? form.sender.reference ?? null,
        form: JSON.stringify(form),
        request: JSON.stringify(request)
      })
      return detail(byId.get(id)!)
    },
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
    bookedLabelFiles(): { id: string; labelFile: string | null }[] {
      return db
        .prepare<[], { id: string; label_file: string | null }>(`SELECT id, label_file FROM shipments WHERE status = 'booked'`)
        .all()
        .map((r) => ({ id: r.id, labelFile: r.label_file }))
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
      setState.run({ id, status: 'booked', now: now().toISOString(), consignmentNumber: confirmation.consignmentNumber, confirmation: JSON.stringify(confirmation), error: null })
    },
    markStatus(id: string, status: Exclude<ShipmentStatus, 'booked'>, error: { code: string; message: string } | null): void {
      setState.run({ id, status, now: now().toISOString(), consignmentNumber: null, confirmation: null, error: error ? JSON.stringify(error) : null })
    },
    setLabelFile(id: string, file: string): void {
      setLabel.run(file, now().toISOString(), id)
    },
    /** A failed attempt's form may be sent again as a new request: it gets a fresh client request id. */
    renewClientRequest(id: string): string {
      const fresh = randomUUID()
      const r = byId.get(id)!
      const form = { ...JSON.parse(r.form_json), clientRequestId: fresh }
      db.prepare('UPDATE shipments SET client_request_id = ?, form_json = ?, updated_at = ? WHERE id = ?').run(fresh, JSON.stringify(form), now().toISOString(), id)
      return fresh
    },
    list(filter: ShipmentFilter): { items: ShipmentSummary[]; total: number } {
      const where: string[] = []
      const params: Record<string, unknown> = {}
      const q = filter.query.trim()
      if (q.length >= 3) {
        where.push('s.rowid IN (SELECT rowid FROM shipments_fts WHERE shipments_fts MATCH @fts)')
        params.fts = ftsTerm(q)
      } else if (q.length > 0) {
        where.push('(s.recipient_name LIKE @prefix OR s.recipient_postal_code LIKE @prefix OR s.reference LIKE @prefix OR s.consignment_number LIKE @prefix)')
        params.prefix = `${q.replace(/[%_]/g, '')}%`
      }
      const add = (sql: string, key: string, value: unknown): void => {
        where.push(sql)
        params[key] = value
      }
      if (filter.status) add('s.status = @status', 'status', filter.status)
      if (filter.mode) add('s.mode = @mode', 'mode', filter.mode)
      if (filter.from) add('s.created_at >= @from', 'from', filter.from)
      if (filter.to) add('s.created_at < @to', 'to', nextDay(filter.to))
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const items = db
        .prepare<Record<string, unknown>, Row>(`SELECT s.* FROM shipments s ${clause} ORDER BY s.created_at DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: filter.limit, offset: filter.offset })
      const { n } = db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM shipments s ${clause}`).get(params)!
      return { items: items.map(summary), total: n }
    },
    /** How commits reach the disk (FULL: before the call returns, surviving power loss). */
    synchronousMode: (): string => ['OFF', 'NORMAL', 'FULL', 'EXTRA'][db.pragma('synchronous', { simple: true }) as number] ?? 'unknown',
    count: (): number => (db.prepare('SELECT COUNT(*) AS n FROM shipments').get() as { n: number }).n
  }
}
export type ShipmentsRepo = ReturnType<typeof createShipmentsRepo>

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
