import path from 'node:path'
import { promises as fs } from 'node:fs'
import { AppError } from '@shared/ipc/app-error'
import { createSingleFlight } from '../requests/single-flight'
import type { BookingForm, Confirmation, ShipmentRecord } from '@shared/domain/booking'
import type { BringConnection } from '../bring/bring-connection'
import { buildBookingRequest, postBooking, toConfirmation } from '../bring/booking'
import { isOutcomeUnknown } from '../bring/outcome'
import { storeHandOff } from '../requests/hand-off'
import { catalogueMessage, fieldForBookingError } from '../bring/booking-error-fields'
import type { Logger } from '../log/logger'
import { DuplicateRequestError, type ShipmentsStore } from '../store/shipments'
import { SharedDatabaseError } from '../store/postgres/database'
import { downloadLabel, labelFileName } from '../labels/label-files'
import type { ErrorCatalogueSource } from './error-catalogue'
import { shipmentsMissingLabels } from '../maintenance/crash-leftovers'

export const notSentMessage = 'Nothing of this booking reached Bring, so it is safe to send it again.'

export const outcomeUnknownMessage =
  'Bring may or may not have booked this shipment. Check Mybring (or tracking) for a shipment to this recipient, then mark it booked with its consignment number, or say it was not booked and send it again.'

/** A shipment marked booked by hand has no label link from Bring: its label is in Mybring. */
export const markedByHandMessage = 'This shipment was marked booked by hand with the number from Mybring, so Bring gave Fraktdesk no label for it. Print its label in Mybring.'

/** Checked in Mybring: not there. The shipment waits to be sent again (a batch's "Book all" counts it). */
export const notBookedMessage = 'Checked in Mybring: it was not booked. It can be sent again.'

/** Statuses a shipment can be sent again from by the user's "Send again" (unknown: after they checked). */
const resendable = new Set(['outcome_unknown', 'failed', 'not_sent', 'cancelled_by_user'])
/** ...and by a batch's "Book all", which never resends an unknown outcome on its own. */
const resendableAutomatically = new Set(['failed', 'not_sent', 'cancelled_by_user'])

interface Deps {
  repo: ShipmentsStore
  bring: BringConnection
  errorCatalogue: ErrorCatalogueSource
  labelsDir: string
  logger: Logger
  /** Checks the addresses against Bring's postal code register before anything is saved or sent. */
  checkAddresses?(form: BookingForm): Promise<AppError | null>
  /** Told about every confirmed booking (mailbox-pickup bookings become pickups). */
  onBooked?(shipment: ShipmentRecord): void | Promise<void>
}

/**
 * Books a shipment without ever losing or doubling it: a pending record (with the full request) is
 * written before sending; one form (clientRequestId) is one booking however often it is submitted;
 * timeouts, cut connections, 5xx and unreadable answers leave "outcome unknown" for the user to resolve.
 */
export function createBookingService(deps: Deps) {
  const singleFlight = createSingleFlight<ShipmentRecord>()
  /** Shipments whose request this process is sending now: never settled by a reconcile while Bring may still answer. */
  const inFlight = new Set<string>()

  /** A store call whose failure must refuse the booking before anything is sent. */
  const beforeSending = <T>(call: Promise<T>): Promise<T> =>
    call.catch((err: unknown) => {
      throw storeProblem(err)
    })

  /** No durable record, no booking: the store could not be read or written, so nothing is sent to Bring. */
  function storeProblem(err: unknown): AppError {
    if (err instanceof AppError) return err
    deps.logger.error({ problem: (err as Error).message }, 'booking store unavailable; nothing sent')
    const reason = err instanceof SharedDatabaseError ? ` ${err.message}` : ''
    return new AppError(err instanceof SharedDatabaseError ? 'SHARED_DB_UNAVAILABLE' : 'INTERNAL', `The booking could not be saved in the ${deps.repo.engine === 'postgres' ? 'shared database' : 'history database'}, so nothing was sent to Bring. Try again when it is reachable.${reason}`)
  }

  const handOffRecorder = (id: string) => {
    const now = deps.repo.handOffNow
    return storeHandOff({
      handOffNow: now && { sending: () => now.sending(id), notHandedOff: () => now.notHandedOff(id) },
      markSending: () => beforeSending(deps.repo.markSending(id)),
      markPending: () => deps.repo.markStatus(id, 'pending', null)
    })
  }

  async function send(form: BookingForm, existing: ShipmentRecord | null, batchId: string | undefined): Promise<ShipmentRecord> {
    const mode = deps.bring.mode()
    const request = buildBookingRequest(form, mode)
    let record: ShipmentRecord
    if (existing) {
      record = existing
      await beforeSending(deps.repo.replaceRequest(existing.id, form, request, mode))
    } else {
      try {
        record = await deps.repo.insertPending(form, request, mode, batchId)
      } catch (err) {
        // Another desk (or window) saved this very form first: that booking stands, never a second one.
        if (err instanceof DuplicateRequestError) return (await deps.repo.findByClientRequest(form.clientRequestId))!
        throw storeProblem(err)
      }
    }
    const log = deps.logger.child({ shipment: record.id, mode })
    const handOff = handOffRecorder(record.id)
    inFlight.add(record.id)
    try {
      const res = await postBooking(deps.bring.http(), request, handOff.hooks)
      const confirmation = toConfirmation(res)
      if (!confirmation) {
        await deps.repo.markStatus(record.id, 'outcome_unknown', { code: 'BRING_BAD_RESPONSE', message: outcomeUnknownMessage })
        return (await deps.repo.get(record.id))!
      }
      try {
        await deps.repo.markBooked(record.id, confirmation)
      } catch (err) {
        // Booked at Bring, but the store is away: the outcome is kept on this desk and written when it is back.
        throw new BookedNotRecorded(confirmation.consignmentNumber, err)
      }
      log.info({ consignment: confirmation.consignmentNumber }, 'booked')
      await fetchLabels(record.id, confirmation)
      const booked = (await deps.repo.get(record.id))!
      try {
        await deps.onBooked?.(booked)
      } catch (err) {
        // What follows a booking (tracking, mailbox pickups) never turns a booked shipment into an error.
        log.error({ problem: (err as Error).message }, 'after-booking step failed')
      }
      return booked
    } catch (err) {
      if (err instanceof BookedNotRecorded) {
        log.warn({ consignment: err.consignmentNumber, problem: (err.cause as Error)?.message }, 'booked, but the store could not record it yet')
        throw new AppError('SHARED_DB_UNAVAILABLE', `Bring booked this shipment (consignment ${err.consignmentNumber}), but the shared database could not be reached to record it. This desk keeps it and writes it there as soon as the database is back; do not book it again.`)
      }
      // "Sending" could not be recorded (store away, or another desk took the row over): nothing sent, record left as it is.
      const refused = handOff.refused()
      if (refused) throw refused as AppError
      // Never handed to the network (credentials, headers, a refused connection): nothing reached Bring.
      if (!handOff.handedOff()) {
        const e = err instanceof AppError ? err : AppError.templated('INTERNAL', 'internal')
        log.warn({ code: e.code }, 'booking not sent')
        await deps.repo.markStatus(record.id, 'not_sent', { code: e.code, message: `${e.message} ${notSentMessage}`, i18n: e.extra.i18n })
        throw e
      }
      if (!(err instanceof AppError)) {
        await deps.repo.markStatus(record.id, 'outcome_unknown', { code: 'INTERNAL', message: outcomeUnknownMessage })
        throw err
      }
      if (isOutcomeUnknown(err)) {
        log.warn({ code: err.code }, 'booking outcome unknown')
        // A 5xx is an answer, not silence: say that Bring answered with an error, never "try again in a few minutes".
        const cause = err.code === 'BRING_SERVER' ? AppError.templated('BRING_SERVER', 'serverAnswered', err.extra.i18n?.params) : err
        await deps.repo.markStatus(record.id, 'outcome_unknown', { code: cause.code, message: `${cause.message} ${outcomeUnknownMessage}`, i18n: cause.extra.i18n })
        return (await deps.repo.get(record.id))!
      }
      // Definitely not booked (400, 401/403, 429 after retries): say why, field by field.
      await deps.repo.markStatus(record.id, 'failed', { code: err.code, message: err.message, i18n: err.extra.i18n })
      if (err.code === 'BRING_VALIDATION' && err.extra.details?.length) throw await withFieldErrors(err)
      throw err
    } finally {
      inFlight.delete(record.id)
    }
  }

  async function withFieldErrors(err: AppError): Promise<AppError> {
    const catalogue = await deps.errorCatalogue(() => deps.bring.http())
    const fieldErrors: Record<string, string[]> = {}
    const details = err.extra.details ?? []
    for (const d of details) {
      const field = fieldForBookingError(d.code, catalogue) ?? '_'
      ;(fieldErrors[field] ??= []).push(d.message || catalogueMessage(d.code, catalogue) || d.code)
    }
    return new AppError('BRING_VALIDATION', `Bring refused the booking: ${details.map((d) => d.message).join(' ')}`, { fieldErrors, details })
  }

  /** Downloads the label into the labels folder and remembers its file name on the shipment. */
  async function saveLabel(id: string, labelUrl: string, consignmentNumber: string, mode = deps.bring.mode()): Promise<void> {
    const file = await downloadLabel(deps.bring.fetchFor(mode), labelUrl, deps.labelsDir, labelFileName(consignmentNumber, 'label'))
    await deps.repo.setLabelFile(id, path.basename(file))
  }

  async function fetchLabels(id: string, confirmation: Confirmation): Promise<void> {
    if (!confirmation.labelUrl) return
    try {
      await saveLabel(id, confirmation.labelUrl, confirmation.consignmentNumber)
      if (confirmation.waybillUrl) await downloadLabel(deps.bring.fetch(), confirmation.waybillUrl, deps.labelsDir, labelFileName(confirmation.consignmentNumber, 'waybill'))
    } catch (err) {
      // The booking stands; the label can be fetched again from the shipment.
      deps.logger.warn({ shipment: id, code: (err as AppError).code }, 'label download failed')
    }
  }

  /** A live booking (or resend) without the user's explicit confirmation: refused, with why. */
  const unconfirmedLive = (confirmLive: boolean | undefined): AppError | null =>
    deps.bring.mode() === 'live' && confirmLive !== true ? new AppError('CONFIRMATION_REQUIRED', 'This is a real shipment at real cost. Confirm to book it with Bring live.') : null

  /** Same clientRequestId while a request is in flight or after success: the same booking comes back. */
  function submit(form: BookingForm, opts: { confirmLive?: boolean; batchId?: string }): Promise<ShipmentRecord> {
    const unconfirmed = unconfirmedLive(opts.confirmLive)
    if (unconfirmed) return Promise.reject(unconfirmed)
    return singleFlight(form.clientRequestId, async () => {
      const existing = await beforeSending(deps.repo.findByClientRequest(form.clientRequestId))
      if (existing && existing.status !== 'failed' && existing.status !== 'not_sent') return existing
      const badAddress = await deps.checkAddresses?.(form)
      if (badAddress) throw badAddress
      return send(form, existing, opts.batchId)
    })
  }

  const resendFlight = createSingleFlight<ShipmentRecord>()
  /**
   * The same shipment sent again under a new request id (its earlier ones stay its own): after a
   * failure, "not sent", a check in Mybring, or a batch row fixed after Bring refused it (`form`: the
   * row's new values). A batch (`automatic`) never resends an unknown outcome. One resend per shipment
   * at a time, however many screens ask.
   */
  function resend(id: string, opts: { confirmLive?: boolean; form?: BookingForm; automatic?: boolean }): Promise<ShipmentRecord> {
    return resendFlight(id, async () => {
      const s = await deps.repo.get(id)
      if (!s) throw AppError.field('id', 'No such shipment.')
      if (!(opts.automatic ? resendableAutomatically : resendable).has(s.status)) {
        if (opts.automatic) return s // another path (Shipments, another desk) got there first: its state stands
        throw AppError.field('id', 'This shipment is not waiting to be sent again.')
      }
      // A test or sandbox booking must never be resent as a real one (or the other way round).
      if (s.mode !== deps.bring.mode()) throw AppError.field('id', `This shipment was started in ${s.mode} mode. Switch back to that mode to send it again.`)
      // Asked before anything changes (a new request id), not only when the resend reaches submit.
      const unconfirmed = unconfirmedLive(opts.confirmLive)
      if (unconfirmed) throw unconfirmed
      const clientRequestId = await beforeSending(deps.repo.renewClientRequest(id))
      await beforeSending(deps.repo.markStatus(id, 'failed', s.error))
      return submit({ ...(opts.form ?? s.form), clientRequestId }, { confirmLive: opts.confirmLive })
    })
  }

  return {
    submit,
    inFlight: (): ReadonlySet<string> => inFlight,
    /** Where the booking of this form stands (null: never saved). */
    statusOf: async (clientRequestId: string) => (await deps.repo.findByClientRequest(clientRequestId))?.status ?? null,

    /**
     * The user checked Mybring: it was booked (with the number they found), or it was not — then it waits
     * to be sent again (a batch's "Book all" counts it), or is sent again at once (`sendAgain`).
     */
    async resolve(id: string, outcome: { booked: true; consignmentNumber: string } | { booked: false; sendAgain?: boolean; confirmLive?: boolean }): Promise<ShipmentRecord> {
      const s = await deps.repo.get(id)
      if (!s) throw AppError.field('id', 'No such shipment.')
      if (s.status !== 'outcome_unknown') throw AppError.field('id', 'Only shipments with an unknown outcome can be resolved by hand.')
      if (outcome.booked) {
        await deps.repo.markBooked(id, { consignmentNumber: outcome.consignmentNumber, packageNumbers: [], trackingUrl: `https://tracking.bring.com/tracking/${encodeURIComponent(outcome.consignmentNumber)}`, byHand: true })
        return (await deps.repo.get(id))!
      }
      await deps.repo.markStatus(id, 'cancelled_by_user', { code: 'NOT_BOOKED', message: notBookedMessage })
      return outcome.sendAgain ? resend(id, { confirmLive: outcome.confirmLive }) : (await deps.repo.get(id))!
    },

    resend,

    /**
     * After a crash: booked shipments whose label never reached the labels folder get it now, each in
     * the mode it was booked in. Returns how many were missing and how many are still missing.
     */
    /** `since`: only shipments booked from then on (a crash leaves recent ones without a label; the whole history only when the labels folder was lost). */
    async refetchMissingLabels(opts: { since?: string } = {}): Promise<{ missing: number; stillMissing: number }> {
      await new Promise((resolve) => setImmediate(resolve)) // never inside the caller's start-up
      let missing = 0
      let stillMissing = 0
      for (const { id } of await shipmentsMissingLabels(await deps.repo.bookedLabelFiles(opts.since), deps.labelsDir)) {
        // Only the few without a file are read in full; one Bring gave no label link has none to fetch.
        const s = await deps.repo.get(id)
        const link = s?.confirmation?.labelUrl
        if (!s?.confirmation || !link) continue
        missing++
        try {
          await saveLabel(id, link, s.confirmation.consignmentNumber, s.mode)
        } catch (err) {
          stillMissing++
          deps.logger.warn({ shipment: id, code: (err as AppError).code }, 'missing label could not be fetched again')
        }
      }
      return { missing, stillMissing }
    },

    async downloadLabelAgain(id: string): Promise<ShipmentRecord> {
      const s = await deps.repo.get(id)
      if (!s?.confirmation?.labelUrl) throw noLabelLink(s)
      await saveLabel(id, s.confirmation.labelUrl, s.confirmation.consignmentNumber, s.mode)
      return (await deps.repo.get(id))!
    },

    /**
     * The label's file in this desk's labels folder, downloaded through this desk's own Bring
     * connection when it is not there (team mode: another desk booked it; or it was deleted).
     */
    async labelOnThisDesk(id: string): Promise<string> {
      const file = await deps.repo.labelFile(id)
      if (file && (await isFile(path.join(deps.labelsDir, path.basename(file))))) return path.basename(file)
      const s = await deps.repo.get(id)
      if (!s?.confirmation?.labelUrl) {
        if (!file && !s?.desk && !s?.confirmation?.byHand) throw AppError.field('id', 'No label saved for this shipment yet. Use “Download label”.')
        throw noLabelLink(s)
      }
      await saveLabel(id, s.confirmation.labelUrl, s.confirmation.consignmentNumber, s.mode)
      return labelFileName(s.confirmation.consignmentNumber, 'label')
    }
  }
}
export type BookingService = ReturnType<typeof createBookingService>

/** Bring booked it; the store could not record that (yet). */
class BookedNotRecorded extends Error {
  constructor(
    readonly consignmentNumber: string,
    readonly cause: unknown
  ) {
    super('booked, not recorded')
  }
}

const isFile = (file: string): Promise<boolean> => fs.stat(file).then((st) => st.isFile(), () => false)

/** Team mode: a desk signed in as another Bring user cannot open the links another desk sealed. */
const noLabelLink = (s: ShipmentRecord | null): AppError =>
  s?.confirmation?.byHand
    ? AppError.field('id', markedByHandMessage)
    : s?.desk && s.confirmation
    ? AppError.templated('INVALID_INPUT', 'labelOtherBringUser', { desk: s.desk })
    : AppError.field('id', 'This shipment has no label link.')
