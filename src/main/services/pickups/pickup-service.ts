import { AppError } from '@shared/ipc/app-error'
import { createSingleFlight } from '../requests/single-flight'
import type { ShipmentRecord } from '@shared/domain/booking'
import { mailboxPickupProducts, MAILBOX_PICKUP_VAS, type PickupOptionsQuery, type PickupOrderForm, type PickupRecord } from '@shared/domain/pickup'
import type { BringConnection } from '../bring/bring-connection'
import { buildPickupRequest, cancelPickup, createPickup, getPickupOptions, modifyPickup } from '../bring/pickup'
import { isOutcomeUnknown } from '../bring/outcome'
import { storeHandOff } from '../requests/hand-off'
import type { PickupsStore } from '../store/pickups'
import type { Logger } from '../log/logger'
import { validationMessage } from '@shared/domain/validation-messages'

export const pickupNotSentMessage = 'Nothing of this order reached Bring, so it is safe to order it again.'

export const pickupOutcomeUnknownMessage =
  'Bring may or may not have registered this pickup. Check Mybring (Pickups) before ordering again; if it is not there, say so and order it again.'

/** Checked in Mybring (Pickups): not there. The pickup waits to be ordered again, as itself. */
export const pickupNotOrderedMessage = 'Checked in Mybring: this pickup was not registered. It can be ordered again.'

const time = (iso?: string): string | undefined => iso?.match(/T(\d{2}:\d{2})/)?.[1]

/** Pickups with the same discipline as bookings: pending first, no automatic resend, unknown outcomes kept visible. */
export function createPickupService(deps: { repo: PickupsStore; bring: BringConnection; logger: Logger }) {
  const singleFlight = createSingleFlight<PickupRecord>()

  async function send(form: PickupOrderForm): Promise<PickupRecord> {
    const unknown = await deps.repo.unknownShipments(form.coversShipmentIds)
    if (unknown.length > 0) {
      const message = validationMessage('unknownShipments')
      throw new AppError('INVALID_INPUT', message, { fieldErrors: { coversShipmentIds: [message] } })
    }
    const mode = deps.bring.mode()
    const request = buildPickupRequest(form)
    const record = await deps.repo.insert({
      clientRequestId: form.clientRequestId,
      mode,
      kind: 'business',
      service: request.service,
      customerNumber: form.customerNumber,
      pickupDate: form.pickupDate,
      details: { packagesCount: form.packagesCount, packagesWeightKg: form.packagesWeightKg, packagesVolumeLitres: form.packagesVolumeLitres, palletsCount: form.palletsCount, palletsWeightKg: form.palletsWeightKg },
      request,
      shipmentIds: form.coversShipmentIds
    })
    return transmit(record, request, mode)
  }

  /** Sends a saved pickup order to Bring and records where it ended (a resend uses the same record: the pickup's identity). */
  async function transmit(record: PickupRecord, request: ReturnType<typeof buildPickupRequest>, mode: ReturnType<BringConnection['mode']>): Promise<PickupRecord> {
    const now = deps.repo.handOffNow
    const handOff = storeHandOff({
      handOffNow: now && { sending: () => now.sending(record.id), notHandedOff: () => now.notHandedOff(record.id) },
      markSending: () => deps.repo.markSending(record.id),
      markPending: async () => void (await deps.repo.setState(record.id, { status: 'pending' }))
    })
    try {
      const c = await createPickup(deps.bring.http(), request, mode, handOff.hooks)
      if (!c) return deps.repo.setState(record.id, { status: 'outcome_unknown', error: { code: 'BRING_BAD_RESPONSE', message: pickupOutcomeUnknownMessage } })
      const window = time(c.isoFormattedEarliestPickupDateTime) && time(c.isoFormattedLatestPickupDateTime) ? `${time(c.isoFormattedEarliestPickupDateTime)}–${time(c.isoFormattedLatestPickupDateTime)}` : undefined
      return deps.repo.setState(record.id, { status: 'ordered', shipmentNumber: c.packageNumber, window, receiptUrl: c.url })
    } catch (err) {
      // "Sending" could not be recorded: nothing was sent, the record is left as it is.
      if (handOff.refused()) throw err
      if (!handOff.handedOff()) {
        const e = err instanceof AppError ? err : AppError.templated('INTERNAL', 'internal')
        await deps.repo.setState(record.id, { status: 'not_sent', error: { code: e.code, message: `${e.message} ${pickupNotSentMessage}`, i18n: e.extra.i18n } })
        throw e
      }
      if (err instanceof AppError && isOutcomeUnknown(err)) {
        deps.logger.warn({ pickup: record.id, code: err.code }, 'pickup outcome unknown')
        // A 5xx is an answer: "Bring answered with an error", never "try again in a few minutes" next to "may have registered".
        const cause = err.code === 'BRING_SERVER' ? AppError.templated('BRING_SERVER', 'serverAnswered', err.extra.i18n?.params) : err
        return deps.repo.setState(record.id, { status: 'outcome_unknown', error: { code: cause.code, message: `${cause.message} ${pickupOutcomeUnknownMessage}`, i18n: cause.extra.i18n } })
      }
      const e = err instanceof AppError ? err : new AppError('INTERNAL', 'Something went wrong while ordering the pickup.')
      await deps.repo.setState(record.id, { status: 'failed', error: { code: e.code, message: e.message, i18n: e.extra.i18n } })
      throw e
    }
  }

  async function mailboxPickup(id: string): Promise<PickupRecord & { shipmentNumber: string }> {
    const p = await deps.repo.get(id)
    if (!p) throw AppError.field('id', 'No such pickup.')
    if (p.kind !== 'mailbox' || !p.shipmentNumber) {
      throw AppError.field('id', 'Bring only lets apps change mailbox pickups. For a pickup at a business address, contact Bring customer service.')
    }
    if (p.status !== 'ordered') throw AppError.field('id', 'This pickup is no longer active.')
    return p as PickupRecord & { shipmentNumber: string }
  }

  const resendFlight = createSingleFlight<PickupRecord>()
  /** The same pickup order sent again (not sent, refused, or checked in Mybring and not there): same record, same shipments. */
  function resend(id: string, opts: { confirmLive?: boolean }): Promise<PickupRecord> {
    return resendFlight(id, async () => {
      const p = await deps.repo.get(id)
      if (!p) throw AppError.field('id', 'No such pickup.')
      if (p.kind !== 'business' || (p.status !== 'not_sent' && p.status !== 'failed')) throw AppError.field('id', 'This pickup is not waiting to be ordered again.')
      if (p.mode !== deps.bring.mode()) throw AppError.field('id', `This pickup was started in ${p.mode} mode. Switch back to that mode to order it again.`)
      if (p.mode === 'live' && opts.confirmLive !== true) throw new AppError('CONFIRMATION_REQUIRED', 'This orders a real pickup from Bring, at real cost. Confirm to continue.')
      await deps.repo.setState(id, { status: 'pending', error: null })
      return transmit(p, (await deps.repo.requestOf(id)) as ReturnType<typeof buildPickupRequest>, p.mode)
    })
  }

  return {
    options: (q: PickupOptionsQuery) => getPickupOptions(deps.bring.http(), q),
    resend,

    /**
     * The user checked Mybring (Pickups): it was ordered (with Bring's number, if they have it), or it was
     * not — then it waits to be ordered again, or is ordered again now (`orderAgain`), as the same pickup.
     */
    async resolve(id: string, outcome: { ordered: true; shipmentNumber?: string } | { ordered: false; orderAgain?: boolean; confirmLive?: boolean }): Promise<PickupRecord> {
      const p = await deps.repo.get(id)
      if (!p) throw AppError.field('id', 'No such pickup.')
      if (p.status !== 'outcome_unknown') throw AppError.field('id', 'Only pickups with an unknown outcome can be resolved by hand.')
      if (outcome.ordered) return deps.repo.setState(id, { status: 'ordered', shipmentNumber: outcome.shipmentNumber, error: null })
      await deps.repo.setState(id, { status: 'not_sent', error: { code: 'NOT_ORDERED', message: pickupNotOrderedMessage } })
      return outcome.orderAgain ? resend(id, { confirmLive: outcome.confirmLive }) : (await deps.repo.get(id))!
    },

    order(form: PickupOrderForm, opts: { confirmLive?: boolean }): Promise<PickupRecord> {
      if (deps.bring.mode() === 'live' && opts.confirmLive !== true) {
        return Promise.reject(new AppError('CONFIRMATION_REQUIRED', 'This orders a real pickup from Bring, at real cost. Confirm to continue.'))
      }
      return singleFlight(form.clientRequestId, async () => (await deps.repo.findByClientRequest(form.clientRequestId)) ?? send(form))
    },

    async modify(id: string, date: string): Promise<PickupRecord> {
      const p = await mailboxPickup(id)
      await modifyPickup(deps.bring.http(), p.shipmentNumber, date)
      return deps.repo.setState(id, { status: 'ordered', pickupDate: date })
    },

    /** On any error (404 included) the local record stays as it was. */
    async cancel(id: string): Promise<PickupRecord> {
      const p = await mailboxPickup(id)
      await cancelPickup(deps.bring.http(), p.shipmentNumber)
      return deps.repo.setState(id, { status: 'cancelled' })
    },

    /** A booking with mailbox pickup (VAS 1073 on 3622/5900/5901/5902) is a pickup the user can change. */
    async recordMailboxPickup(s: ShipmentRecord): Promise<void> {
      if (!mailboxPickupProducts.has(s.productId) || !s.form.additionalServices.includes(MAILBOX_PICKUP_VAS) || !s.consignmentNumber) return
      await deps.repo.insert({
        clientRequestId: `mailbox-${s.id}`,
        mode: s.mode,
        kind: 'mailbox',
        service: 'MAILBOX',
        customerNumber: s.customerNumber,
        pickupDate: s.form.shippingDate,
        details: { packagesCount: s.form.packages.length, packagesWeightKg: s.form.packages.reduce((a, p) => a + p.weightInKg, 0) },
        request: { booking: s.id },
        shipmentIds: [s.id],
        status: 'ordered',
        shipmentNumber: s.consignmentNumber
      })
    }
  }
}
export type PickupService = ReturnType<typeof createPickupService>
