import { z } from 'zod'
import { modeSchema } from './mode'
import { recordErrorSchema } from './record-error'
import { postalCodeProblem } from './postal-code'
import { code, safeText, shippingDate, strictNumber } from './fields'

export const pickupOptionTypes = ['PARCEL', 'PARCEL_INTERNATIONAL', 'CARGO', 'MAILBOX'] as const
export type PickupOptionType = (typeof pickupOptionTypes)[number]

/** Which pickup types Bring offers where (Pickup API, "Available pickup types"). */
export function pickupTypesFor(countryCode: string): PickupOptionType[] {
  const c = countryCode.toUpperCase()
  if (c === 'NO') return ['PARCEL', 'CARGO', 'MAILBOX']
  if (c === 'SE' || c === 'DK') return ['PARCEL_INTERNATIONAL']
  return []
}

/** The create endpoint's service for an options type: business parcels are PARCEL in NO, SE and DK. */
export function createServiceFor(type: PickupOptionType): 'PARCEL' | 'CARGO' | null {
  if (type === 'CARGO') return 'CARGO'
  if (type === 'PARCEL' || type === 'PARCEL_INTERNATIONAL') return 'PARCEL'
  return null // mailbox pickups are ordered with the booking (VAS 1073), not here
}

/** C2C mailbox-pickup services: the only pickups Bring lets an API modify or cancel (with VAS 1073). */
export const mailboxPickupProducts = new Set(['3622', '5900', '5901', '5902'])
export const MAILBOX_PICKUP_VAS = '1073'

/**
 * Cargo ad hoc pickup in Norway: 5400 only if the shipment was not booked with pickup, 5100 only if
 * not booked through the Booking API (which always includes pickup), never 5200 or 5300.
 */
export function cargoAdHocPickupApplies(productId: string, shipment: { bookedWithPickup: boolean; bookedViaBookingApi: boolean }): boolean {
  if (productId === '5400') return !shipment.bookedWithPickup
  if (productId === '5100') return !shipment.bookedViaBookingApi
  return false
}

/** People think in kg and litres; Bring wants grams and dm³ (1 litre = 1 dm³). */
export const kgToGrams = (kg: number): number => Math.round(kg * 1000)
export const gramsToKg = (g: number): number => g / 1000
export const litresToDm3 = (litres: number): number => Math.round(litres * 1000) / 1000

const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v)
const count = z.preprocess(blank, strictNumber((n) => n.int('Whole numbers only').min(0, 'Cannot be negative').max(999)).optional())
const kg = z.preprocess(blank, strictNumber((n) => n.min(0, 'Cannot be negative').max(50_000)).optional())
const countryCode = z.string().trim().max(2).toUpperCase().regex(/^[A-Z]{2}$/)

export const pickupOrderFormSchema = z
  .object({
    clientRequestId: z.string().uuid(),
    customerNumber: code(40, 'Choose a customer number'),
    type: z.enum(['PARCEL', 'PARCEL_INTERNATIONAL', 'CARGO']),
    countryCode,
    companyName: safeText(35).min(1, 'Company name is required'),
    street: safeText(35, { tooLong: 'Street: at most 35 characters' }).min(1, 'Street is required'),
    postalCode: safeText(10),
    city: safeText(35).min(1, 'City is required'),
    contactName: z.preprocess(blank, safeText(35).optional()),
    email: safeText(60, { tooLong: 'E-mail: at most 60 characters' }).min(1, 'E-mail is required').pipe(z.email('Enter a valid e-mail address')),
    phoneNumber: z.string().trim().max(20, 'Enter a phone number, e.g. +4791234567').regex(/^\+?[0-9 ]{5,20}$/, 'Enter a phone number, e.g. +4791234567'),
    message: z.preprocess(blank, safeText(100).optional()),
    pickupDate: shippingDate('Choose a pickup date'),
    packagesCount: count,
    packagesWeightKg: kg,
    packagesVolumeLitres: kg,
    palletsCount: count,
    palletsWeightKg: kg,
    /** Shipments from the history this pickup is for ("pick up today's shipments"). */
    coversShipmentIds: z.array(z.string().uuid()).max(1000).default([])
  })
  .superRefine((f, ctx) => {
    const postal = postalCodeProblem(f.countryCode, f.postalCode)
    if (postal) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: postal })
    if (!pickupTypesFor(f.countryCode).includes(f.type)) ctx.addIssue({ code: 'custom', path: ['type'], message: `Bring does not offer ${f.type} pickup in ${f.countryCode}` })
    if (!(f.packagesCount || f.palletsCount)) ctx.addIssue({ code: 'custom', path: ['packagesCount'], message: 'How many packages or pallets should Bring pick up?' })
    if (f.type === 'CARGO') {
      if (!f.packagesCount) ctx.addIssue({ code: 'custom', path: ['packagesCount'], message: 'Cargo pickup needs the number of packages' })
      if (!f.packagesWeightKg) ctx.addIssue({ code: 'custom', path: ['packagesWeightKg'], message: 'Cargo pickup needs the total weight' })
      if (!f.packagesVolumeLitres) ctx.addIssue({ code: 'custom', path: ['packagesVolumeLitres'], message: 'Cargo pickup needs the total volume' })
    }
  })
export type PickupOrderForm = z.infer<typeof pickupOrderFormSchema>
export type PickupOrderFormValues = z.input<typeof pickupOrderFormSchema>

export const pickupOptionsQuerySchema = z.object({
  type: z.enum(pickupOptionTypes),
  countryCode,
  postalCode: safeText(10).min(1),
  shippingDate: shippingDate(),
  numberOfAlternativePickupDates: z.number().int().min(0).max(10).default(3),
  customerNumber: code(40).optional()
})
export type PickupOptionsQuery = z.infer<typeof pickupOptionsQuerySchema>

export const pickupOptionsSchema = z.object({
  options: z.array(z.object({ date: z.string(), from: z.string(), to: z.string() })),
  price: z.object({ amountWithVAT: z.number(), amountWithoutVAT: z.number(), vat: z.number() }).optional()
})
export type PickupOptions = z.infer<typeof pickupOptionsSchema>

export const pickupStatusSchema = z.enum(['pending', 'sending', 'ordered', 'outcome_unknown', 'not_sent', 'failed', 'cancelled'])
export const pickupRecordSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mode: modeSchema,
  status: pickupStatusSchema,
  kind: z.enum(['business', 'mailbox']),
  service: z.string(),
  customerNumber: z.string(),
  pickupDate: z.string(),
  shipmentNumber: z.string().nullable(),
  window: z.string().nullable(),
  receiptUrl: z.string().nullable(),
  /** What is to be picked up, in the units people use. */
  details: z.object({ packagesCount: z.number().optional(), packagesWeightKg: z.number().optional(), packagesVolumeLitres: z.number().optional(), palletsCount: z.number().optional(), palletsWeightKg: z.number().optional() }),
  error: recordErrorSchema.nullable(),
  /** Shipments from the history it was ordered for ("pick up today's shipments"). */
  shipmentCount: z.number().int().default(0),
  /** Derived from the rules: only C2C mailbox pickups can be changed through the API. */
  canModify: z.boolean(),
  /** Team mode: the desk that ordered it. */
  desk: z.string().nullable().optional()
})
export type PickupRecord = z.infer<typeof pickupRecordSchema>

export const todaysShipmentsSchema = z.object({
  customerNumber: z.string(),
  shipmentIds: z.array(z.string()),
  parcels: z.object({ count: z.number(), weightKg: z.number() }),
  cargo: z.object({ count: z.number(), weightKg: z.number(), volumeLitres: z.number() })
})
export type TodaysShipments = z.infer<typeof todaysShipmentsSchema>
