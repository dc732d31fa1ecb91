import type { BookingForm, Confirmation, RecordError, ShipmentFilter, ShipmentFilterQuery, ShipmentRecord, ShipmentStatus, ShipmentSummary } from '@shared/domain/booking'
import type { Mode } from '@shared/domain/mode'
import type { InterruptedMessages } from './interrupted'
import type { ShipmentsRepo } from './sqlite/shipments-repo'

export type StoreEngine = 'sqlite' | 'postgres'
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
  bookedLabelFiles(): Promise<{ id: string; labelFile: string | null }[]>
  /** Start-up: this desk's pending rows were never sent, its sending rows have an unknown outcome. */
  recoverInterrupted(messages: InterruptedMessages): Promise<{ notSent: number; unknown: number }>
  list(filter: ShipmentFilter & { attentionDays?: AttentionDays }): Promise<{ items: ShipmentSummary[] }>
  /** Team mode: this desk's shipments the shared database shows as pending or sending. */
  openOfThisDesk?(): Promise<{ id: string; status: 'pending' | 'sending' }[]>
  count(filter: ShipmentFilterQuery & { attentionDays?: AttentionDays }): Promise<{ total: number; totalExact: boolean }>
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
    bookedLabelFiles: () => run(() => repo.bookedLabelFiles()),
    recoverInterrupted: (messages) => run(() => repo.recoverInterrupted(messages)),
    list: (filter) => run(() => repo.list(filter)),
    count: (filter) => run(() => repo.count(filter))
  }
}
