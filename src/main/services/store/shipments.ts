import type { BookingForm, Confirmation, RecordError, ShipmentFilter, ShipmentFilterQuery, ShipmentRecord, ShipmentStatus, ShipmentSummary } from '@shared/domain/booking'
import { trackingStates, type TrackingState } from '@shared/domain/tracking'
import type { Mode } from '@shared/domain/mode'
import type { InterruptedMessages } from './interrupted'
import type { StoreEngine } from './engine'

export type { StoreEngine } from './engine'
export type AttentionDays = { pickupDays: number; silentDays: number }

/** Another desk (or an earlier submit) already holds this clientRequestId: that booking, not a new one. */
export class DuplicateRequestError extends Error {
  constructor(readonly clientRequestId: string) {
    super(`A booking with request id ${clientRequestId} is already in the store.`)
  }
}

/**
 * The shipment history behind one async interface, so the embedded SQLite file and a shared
 * PostgreSQL database are interchangeable for the booking service and the history screens.
 */
export interface ShipmentsStore {
  readonly engine: StoreEngine
  /**
   * Committed before anything is sent to Bring. Throws DuplicateRequestError when the clientRequestId was
   * ever used (by any shipment). The batch row holding this request id becomes this shipment's row.
   */
  insertPending(form: BookingForm, request: unknown, mode: Mode, batchId?: string): Promise<ShipmentRecord>
  replaceRequest(id: string, form: BookingForm, request: unknown, mode: Mode): Promise<void>
  markSending(id: string): Promise<void>
  /**
   * Only where a commit can be made synchronously (SQLite): "sending" at the very moment the request's
   * first byte is handed to the socket, and back to "pending" when it turned out to reach nothing.
   * Without it the booking service commits "sending" once the request has its rate-limit slot, just
   * before it starts (back to "pending" after a 429 or a refused connection), which may turn a
   * failure just before the wire into "outcome unknown", never into a double booking.
   */
  handOffNow?: { sending(id: string): void; notHandedOff(id: string): void }
  markBooked(id: string, confirmation: Confirmation): Promise<void>
  markStatus(id: string, status: Exclude<ShipmentStatus, 'booked'>, error: RecordError | null): Promise<void>
  setLabelFile(id: string, file: string): Promise<void>
  /** A new request id for the next attempt; the earlier ones stay the shipment's (unique across the history). */
  renewClientRequest(id: string): Promise<string>
  /** Every request id the shipment has used, oldest first. */
  requestIds(id: string): Promise<string[]>
  get(id: string): Promise<ShipmentRecord | null>
  findByClientRequest(clientRequestId: string): Promise<ShipmentRecord | null>
  labelFile(id: string): Promise<string | null>
  /** Booked shipments and their label files (this desk's, in team mode); `since`: only those created from then on. */
  bookedLabelFiles(since?: string): Promise<{ id: string; labelFile: string | null }[]>
  /** Start-up: this desk's pending rows were never sent, its sending rows have an unknown outcome. */
  recoverInterrupted(messages: InterruptedMessages): Promise<{ notSent: number; unknown: number }>
  list(filter: ShipmentFilter & { attentionDays?: AttentionDays }): Promise<{ items: ShipmentSummary[] }>
  /** Team mode: this desk's shipments the shared database shows as pending or sending. */
  openOfThisDesk?(): Promise<{ id: string; status: 'pending' | 'sending' }[]>
  count(filter: ShipmentFilterQuery & { attentionDays?: AttentionDays }): Promise<{ total: number; totalExact: boolean }>
}

// A set lookup, not a schema parse: a page maps a hundred rows per keystroke.
const knownTrackingStates = new Set<string>(trackingStates)
const isTrackingState = (value: string | null | undefined): value is TrackingState => value != null && knownTrackingStates.has(value)

/**
 * The shipments columns a list row shows, the same names on both engines: each engine selects these
 * (SQLite adds the tracking state, PostgreSQL the desk), and nothing more — the JSON stays on disk.
 * A new column in the Shipments list is added here, in summary() and in each engine's schema.
 */
export const summaryFields = ['id', 'created_at', 'mode', 'status', 'customer_number', 'product_id', 'recipient_name', 'recipient_postal_code', 'recipient_city', 'reference', 'consignment_number', 'label_file', 'batch_id'] as const

/** A shipments row's plain columns, the same names and types on both engines (each adds its JSON columns). */
export interface ShipmentColumns {
  id: string
  client_request_id: string
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
  package_numbers: string | null
  batch_id: string | null
  label_file: string | null
}

/** A list row as either engine selects it. */
export type SummaryRow = Pick<ShipmentColumns, (typeof summaryFields)[number]> & { tracking_state?: string | null; desk?: string | null }

/** A list row (either engine) as the domain's summary. */
export const summary = (r: SummaryRow): ShipmentSummary => ({
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
  hasLabel: r.label_file !== null,
  batchId: r.batch_id,
  trackingState: isTrackingState(r.tracking_state) ? r.tracking_state : null,
  desk: r.desk ?? null
})

/** The reference the history shows and searches: the recipient's, else the order's, else the sender's. */
export const shipmentReference = (form: BookingForm): string | null => form.recipient.reference ?? form.orderReference ?? form.sender.reference ?? null

/** The day after an ISO date: a range's end as an exclusive bound. */
export function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
