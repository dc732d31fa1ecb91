import { z } from 'zod'
import type { BookingForm, Confirmation, Party } from '@shared/domain/booking'
import type { Mode } from '@shared/domain/mode'
import { osloInstant } from '@shared/domain/oslo-calendar'
import type { BringHttp, HandOffHooks } from './bring-http'
import { placeServices } from './booking-services'

const party = (p: Party) => ({
  name: p.name,
  addressLine: p.addressLine,
  ...(p.addressLine2 ? { addressLine2: p.addressLine2 } : {}),
  postalCode: p.postalCode,
  city: p.city,
  countryCode: p.countryCode,
  ...(p.reference ? { reference: p.reference } : {}),
  ...(p.additionalAddressInfo ? { additionalAddressInfo: p.additionalAddressInfo } : {}),
  ...(p.vatNumber ? { vatNumber: p.vatNumber } : {}),
  contact: {
    ...(p.contact.name ? { name: p.contact.name } : {}),
    ...(p.contact.email ? { email: p.contact.email } : {}),
    ...(p.contact.phoneNumber ? { phoneNumber: p.contact.phoneNumber.replace(/ /g, '') } : {})
  }
})

/**
 * The order reference reaches Bring (and the label) as the sender's reference, Bring's "internal order
 * number", unless the sender has one already or an IOSS number is given (Bring refuses the two together).
 */
function senderWithOrderReference(form: BookingForm): Party {
  if (!form.orderReference || form.sender.reference || form.customs?.iossNumber) return form.sender
  return { ...form.sender, reference: form.orderReference }
}

/** The form's date and time, Oslo's (Bring's calendar), as Bring's date-time string: the instant, whatever zone the desk runs in. */
export function shippingDateTime(date: string, time: string): string {
  return osloInstant(date, time).toISOString()
}

/** The documented Booking API request (schemaVersion 1); testIndicator follows the app's mode. */
export function buildBookingRequest(form: BookingForm, mode: Mode) {
  const cargoInternational = form.productId === 'CARGO_INTERNATIONAL'
  const customs = customsForBring(form)
  const services = placeServices(form)
  return {
    schemaVersion: 1,
    testIndicator: mode !== 'live',
    consignments: [
      {
        correlationId: form.clientRequestId,
        shippingDateTime: shippingDateTime(form.shippingDate, form.shippingTime),
        ...services.consignment,
        parties: {
          sender: party(senderWithOrderReference(form)),
          recipient: party(form.recipient),
          ...(cargoInternational ? { consignor: party(form.sender), consignee: party(form.recipient) } : {}),
          ...(form.pickupPointId ? { pickupPoint: { id: form.pickupPointId, countryCode: form.recipient.countryCode } } : {}),
          ...(customs.importer ? { importer: customs.importer } : {})
        },
        product: {
          id: form.productId,
          customerNumber: form.customerNumber,
          ...(services.additionalServices.length ? { additionalServices: services.additionalServices } : {}),
          ...(services.deliveryOption ? { services: { deliveryOption: services.deliveryOption } } : {}),
          ...(form.incotermRule ? { incotermRule: form.incotermRule } : {}),
          ...(customs.ediCustomsDeclarations ? { ediCustomsDeclarations: customs.ediCustomsDeclarations } : {})
        },
        ...(form.returnProductId ? { returnProduct: { id: form.returnProductId } } : {}),
        packages: form.packages.map((p, i) => ({
          correlationId: p.correlationId ?? `${form.clientRequestId.slice(0, 8)}-${i + 1}`,
          weightInKg: p.weightInKg,
          ...(p.goodsDescription ? { goodsDescription: p.goodsDescription } : {}),
          ...(p.lengthInCm && p.widthInCm && p.heightInCm ? { dimensions: { lengthInCm: p.lengthInCm, widthInCm: p.widthInCm, heightInCm: p.heightInCm } } : {}),
          ...(p.volumeInDm3 ? { volumeInDm3: p.volumeInDm3 } : {})
        }))
      }
    ]
  }
}
export type BookingRequest = ReturnType<typeof buildBookingRequest>

/**
 * The customs part of a booking, in one place: the ediCustomsDeclarations element (lines, nature of
 * transaction, IOSS number) on the product and the importer party (the recipient unless the form
 * names another). Bring announces a newer `customsInformation` element (consent, importer, exporter)
 * for 0330/0340/3639 exports; moving to it is a change here only. The consent the form requires is
 * kept with the shipment; the ediCustomsDeclarations structure has no field for it.
 */
export function customsForBring(form: BookingForm): { ediCustomsDeclarations?: EdiCustomsDeclarations; importer?: ReturnType<typeof party> } {
  const c = form.customs
  if (!c) return {}
  return {
    ediCustomsDeclarations: {
      natureOfTransaction: c.natureOfTransaction,
      ...(c.iossNumber ? { iossNumber: c.iossNumber } : {}),
      ediCustomsDeclaration: c.lines.map((l) => ({
        quantity: l.quantity,
        goodsDescription: l.goodsDescription,
        ...(l.customsArticleNumber ? { customsArticleNumber: l.customsArticleNumber } : {}),
        itemNetWeightInKg: l.itemNetWeightInKg,
        tarriffLineAmount: l.tarriffLineAmount,
        currency: l.currency,
        countryOfOrigin: l.countryOfOrigin
      }))
    },
    importer: party(form.importer ?? form.recipient)
  }
}

interface EdiCustomsDeclarations {
  natureOfTransaction: string
  iossNumber?: string
  ediCustomsDeclaration: { quantity: number; goodsDescription: string; customsArticleNumber?: string; itemNetWeightInKg: number; tarriffLineAmount: number; currency: string; countryOfOrigin: string }[]
}

const links = z.object({ labels: z.string().optional(), waybill: z.string().optional(), tracking: z.string().optional() })
export const bookingResponseSchema = z.object({
  consignments: z
    .array(
      z.object({
        confirmation: z
          .object({
            consignmentNumber: z.string(),
            dateAndTimes: z.object({ expectedDelivery: z.string().nullish(), earliestPickup: z.string().nullish() }).optional(),
            links: links.optional(),
            packages: z.array(z.object({ packageNumber: z.string().optional() })).default([])
          })
          .nullish(),
        errors: z.array(z.object({ code: z.string(), messages: z.array(z.object({ lang: z.string().optional(), message: z.string() })).default([]) })).nullish()
      })
    )
    .min(1)
})

export function toConfirmation(res: z.infer<typeof bookingResponseSchema>): Confirmation | null {
  const c = res.consignments[0].confirmation
  if (!c) return null
  return {
    consignmentNumber: c.consignmentNumber,
    packageNumbers: c.packages.map((p) => p.packageNumber).filter((n): n is string => Boolean(n)),
    labelUrl: c.links?.labels,
    waybillUrl: c.links?.waybill,
    trackingUrl: c.links?.tracking,
    expectedDelivery: c.dateAndTimes?.expectedDelivery ?? undefined,
    earliestPickup: c.dateAndTimes?.earliestPickup ?? undefined
  }
}

/** POST /booking-api/api/booking — never marked idempotent: the HTTP layer retries it only on 429 or before connecting. */
export async function postBooking(http: BringHttp, request: BookingRequest, hooks: HandOffHooks = {}) {
  return http({ api: 'booking', method: 'POST', path: '/booking-api/api/booking', body: request, schema: bookingResponseSchema, idempotent: false, ...hooks })
}

export const errorCatalogueSchema = z.object({ errorTypes: z.array(z.object({ code: z.string(), message: z.string(), suffixable: z.boolean() })) })
export type ErrorCatalogue = z.infer<typeof errorCatalogueSchema>

export async function fetchErrorCatalogue(http: BringHttp): Promise<ErrorCatalogue> {
  return http({ api: 'booking', method: 'GET', path: '/booking-api/api/errors', schema: errorCatalogueSchema, idempotent: true })
}
