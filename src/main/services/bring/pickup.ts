import { z } from 'zod'
import { AppError } from '@shared/ipc/app-error'
import type { Mode } from '@shared/domain/mode'
import { kgToGrams, litresToDm3, createServiceFor, type PickupOptions, type PickupOptionsQuery, type PickupOrderForm } from '@shared/domain/pickup'
import type { BringHttp, HandOffHooks } from './bring-http'

const optionsResponse = z.object({
  pickupOptions: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })),
  price: z.object({ amountWithVAT: z.number(), amountWithoutVAT: z.number(), vat: z.number() }).optional()
})

/** GET /pickup/api/pickup-options: dates and windows Bring can pick up, first one plus alternatives. */
export async function getPickupOptions(http: BringHttp, q: PickupOptionsQuery): Promise<PickupOptions> {
  const res = await http({
    api: 'pickup',
    method: 'GET',
    path: '/pickup/api/pickup-options',
    query: { type: q.type, countryCode: q.countryCode, postalCode: q.postalCode, shippingDate: q.shippingDate, numberOfAlternativePickupDates: q.numberOfAlternativePickupDates, customerNumber: q.customerNumber },
    schema: optionsResponse,
    idempotent: true
  })
  return { options: res.pickupOptions, price: res.price }
}

/** The documented create body; weights in grams and volumes in dm³, converted from kg and litres. */
export function buildPickupRequest(form: PickupOrderForm) {
  const service = createServiceFor(form.type)
  if (!service) throw AppError.field('type', 'Mailbox pickups are ordered with the booking (additional service 1073).')
  const packages = form.packagesCount
    ? {
        count: form.packagesCount,
        ...(form.packagesWeightKg ? { weightInGrams: kgToGrams(form.packagesWeightKg) } : {}),
        ...(form.packagesVolumeLitres ? { volumeInDm3: litresToDm3(form.packagesVolumeLitres) } : {})
      }
    : undefined
  const pallets = form.palletsCount ? { count: form.palletsCount, ...(form.palletsWeightKg ? { weightInGrams: kgToGrams(form.palletsWeightKg) } : {}) } : undefined
  return {
    service,
    countryCode: form.countryCode,
    customerInformation: { companyName: form.companyName, customerNumber: form.customerNumber },
    pickupAddress: {
      street: form.street,
      postalCode: form.postalCode,
      city: form.city,
      email: form.email,
      phoneNumber: form.phoneNumber.replace(/ /g, ''),
      ...(form.contactName ? { contactName: form.contactName } : {}),
      ...(form.message ? { message: form.message } : {})
    },
    pickupDate: form.pickupDate,
    pickupDetails: { ...(packages ? { packages } : {}), ...(pallets ? { pallets } : {}) },
    pickupTimeZone: 'Europe/Oslo'
  }
}
export type PickupRequest = ReturnType<typeof buildPickupRequest>

const createResponse = z.object({
  errors: z.array(z.string()).nullish(),
  pickupConfirmation: z
    .object({
      packageNumber: z.string(),
      status: z.string().optional(),
      url: z.string().optional(),
      isoFormattedEarliestPickupDateTime: z.string().optional(),
      isoFormattedLatestPickupDateTime: z.string().optional()
    })
    .nullish()
})
export type PickupConfirmation = NonNullable<z.infer<typeof createResponse>['pickupConfirmation']>

/** POST /pickup/api/create — may cost money: never marked idempotent. The test indicator is a header. */
export async function createPickup(http: BringHttp, request: PickupRequest, mode: Mode, hooks: HandOffHooks = {}): Promise<PickupConfirmation | null> {
  const res = await http({
    ...hooks,
    api: 'pickup',
    method: 'POST',
    path: '/pickup/api/create',
    body: request,
    headers: { 'X-Bring-Test-Indicator': String(mode !== 'live') },
    schema: createResponse,
    idempotent: false
  })
  return res.pickupConfirmation ?? null
}

const statusResponse = z.object({ status: z.string(), message: z.string().optional() })

/** 404 from modify/cancel means Bring knows no such pickup: say it with the number. */
function explainNotFound(shipmentNumber: string) {
  return (err: unknown): never => {
    if (err instanceof AppError && err.code === 'BRING_NOT_FOUND') {
      throw new AppError('BRING_NOT_FOUND', `Bring has no active pickup with shipment number ${shipmentNumber}. It may already be cancelled, or it was not booked with mailbox pickup.`, { details: err.extra.details })
    }
    throw err
  }
}

export async function modifyPickup(http: BringHttp, shipmentNumber: string, date: string) {
  return http({ api: 'pickup', method: 'PUT', path: `/pickup/api/modify/${encodeURIComponent(shipmentNumber)}`, body: { date }, schema: statusResponse, idempotent: true }).catch(explainNotFound(shipmentNumber))
}

export async function cancelPickup(http: BringHttp, shipmentNumber: string) {
  return http({ api: 'pickup', method: 'DELETE', path: `/pickup/api/cancel/${encodeURIComponent(shipmentNumber)}`, schema: statusResponse, idempotent: true }).catch(explainNotFound(shipmentNumber))
}
