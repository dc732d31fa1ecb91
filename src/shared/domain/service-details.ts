import { z } from 'zod'
import { bookingServiceRule, DANGEROUS_GOODS_MAX, limitedQuantitiesByBoat, SERVICE_MESSAGE_MAX, type ServiceField } from '../catalogue/booking-services'
import { safeText, strictNumber } from './fields'

const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v)
const message = z.preprocess(blank, safeText(SERVICE_MESSAGE_MAX, { tooLong: `At most ${SERVICE_MESSAGE_MAX} characters` }).optional())
const wholeNumber = (label: string, max: number) => z.preprocess(blank, strictNumber((n) => n.int(`${label}: a whole number`).min(1, 'At least 1').max(max, `At most ${max}`)).optional())

/** One dangerous goods line (service 1245), with the fields Bring's example carries. */
export const dangerousGoodsLineSchema = z.object({
  unNumber: z.string().trim().regex(/^\d{4}$/, 'A UN number is 4 digits'),
  commodity: safeText(100, { tooLong: 'At most 100 characters' }).min(1, 'Name the goods (commodity)'),
  weightInGrams: strictNumber((n) => n.int('Whole grams').min(1, 'At least 1 g').max(100_000_000, 'At most 100 000 000 g')),
  packingGroup: z.preprocess(blank, z.enum(['I', 'II', 'III']).optional()),
  dangerClass: z.preprocess(blank, safeText(10).optional()),
  safetyMarkCode: z.preprocess(blank, safeText(10).optional()),
  tunnelRestrictionCode: z.preprocess(blank, safeText(10).optional()),
  /** Oil Express: the package (container) the line is in. */
  containerId: z.preprocess(blank, safeText(20).optional())
})
export type DangerousGoodsLine = z.infer<typeof dangerousGoodsLineSchema>

/** The values additional services carry (see catalogue/booking-services.ts: which service uses which). */
export const serviceDetailsSchema = z.object({
  deliveryIndoorMessage: message,
  unattendedDeliveryMessage: message,
  desktopDeliveryMessage: message,
  notificationEmail: z.preprocess(blank, safeText(60).email('Enter a valid e-mail address').optional()),
  notificationMobile: z.preprocess(blank, z.string().trim().max(20).regex(/^\+?[0-9 ]{5,20}$/, 'Enter a phone number, e.g. +4791234567').optional()),
  limitedQuantitiesGrossWeightG: wholeNumber('Gross weight in grams', 100_000_000),
  /** Local date and time, as a datetime-local field gives it (YYYY-MM-DDTHH:MM, seconds optional). */
  deliveryDateTime: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Choose a date and time').optional()),
  itemCount: wholeNumber('Number of items', 99),
  dangerousGoods: z.array(dangerousGoodsLineSchema).max(DANGEROUS_GOODS_MAX, `At most ${DANGEROUS_GOODS_MAX} dangerous goods lines`).default([]),
  installationDetails: z
    .array(z.object({ numberOfItems: strictNumber((n) => n.int().min(1, 'At least 1').max(99)), code: safeText(20).min(1, 'Give the installation code') }))
    .max(10)
    .default([])
})
export type ServiceDetails = z.infer<typeof serviceDetailsSchema>

interface ChosenServices {
  additionalServices: string[]
  serviceDetails: ServiceDetails
  pickupPointId?: string
  cashOnDelivery?: { currencyCode: string; accountType?: string }
  sender: { countryCode: string }
  recipient: { countryCode: string }
  packages: { weightInKg: number }[]
}

const missing: Record<ServiceField, { path: string[]; message: string }> = {
  deliveryIndoorMessage: { path: ['serviceDetails', 'deliveryIndoorMessage'], message: 'Delivery indoors needs a message for the driver: where to put the parcel' },
  unattendedDeliveryMessage: { path: ['serviceDetails', 'unattendedDeliveryMessage'], message: 'Unattended delivery needs a message for the driver: where to leave the parcel' },
  desktopDeliveryMessage: { path: ['serviceDetails', 'desktopDeliveryMessage'], message: 'Desktop delivery needs a message for the driver: where to deliver it' },
  notificationContact: { path: ['serviceDetails', 'notificationEmail'], message: 'Notification to a third party needs an e-mail address or a mobile number' },
  limitedQuantitiesGrossWeightG: { path: ['serviceDetails', 'limitedQuantitiesGrossWeightG'], message: 'Limited quantities carried by boat need the gross weight in grams' },
  dangerousGoods: { path: ['serviceDetails', 'dangerousGoods'], message: 'Dangerous goods need at least one line: UN number, goods and weight' },
  deliveryDateTime: { path: ['serviceDetails', 'deliveryDateTime'], message: 'Choose the delivery date and time' },
  itemCount: { path: ['serviceDetails', 'itemCount'], message: 'Give the number of items' },
  installationDetails: { path: ['serviceDetails', 'installationDetails'], message: 'Installation details need at least one line: number of items and code' },
  cashOnDelivery: { path: ['cashOnDelivery', 'amount'], message: 'Cash on delivery needs the amount and the account number' },
  pickupPoint: { path: ['pickupPointId'], message: 'Choose the pickup point (its id)' }
}

function hasValue(f: ChosenServices, field: ServiceField): boolean {
  const d = f.serviceDetails
  switch (field) {
    case 'notificationContact':
      return Boolean(d.notificationEmail || d.notificationMobile)
    case 'dangerousGoods':
      return d.dangerousGoods.length > 0
    case 'installationDetails':
      return d.installationDetails.length > 0
    case 'cashOnDelivery':
      return Boolean(f.cashOnDelivery)
    case 'pickupPoint':
      return Boolean(f.pickupPointId)
    default:
      return d[field] !== undefined
  }
}

/**
 * What Bring would refuse about the chosen services, as field errors before anything is sent: a
 * service the app cannot book, a value a service needs, LQ weight by boat, the account type Bring
 * needs for cash on delivery in SEK.
 */
export function serviceValueProblems(f: ChosenServices, ctx: z.RefinementCtx): void {
  const seen = new Set<ServiceField>()
  for (const id of f.additionalServices) {
    const rule = bookingServiceRule(id)
    if (!rule) {
      ctx.addIssue({ code: 'custom', path: ['additionalServices'], message: `Fraktdesk cannot book the additional service ${id}` })
      continue
    }
    if (!rule.field || seen.has(rule.field)) continue
    seen.add(rule.field)
    const needed = rule.required || (rule.field === 'limitedQuantitiesGrossWeightG' && limitedQuantitiesByBoat(f.sender.countryCode, f.recipient.countryCode))
    if (needed && !hasValue(f, rule.field)) ctx.addIssue({ code: 'custom', ...missing[rule.field] })
  }
  const dangerousGrams = f.additionalServices.includes('1245') ? f.serviceDetails.dangerousGoods.reduce((sum, l) => sum + l.weightInGrams, 0) : 0
  if (dangerousGrams > f.packages.reduce((sum, p) => sum + p.weightInKg * 1000, 0)) {
    ctx.addIssue({ code: 'custom', path: ['serviceDetails', 'dangerousGoods'], message: 'The dangerous goods weigh more than the packages' })
  }
  if (f.additionalServices.includes('1000') && f.cashOnDelivery?.currencyCode === 'SEK' && !f.cashOnDelivery.accountType) {
    ctx.addIssue({ code: 'custom', path: ['cashOnDelivery', 'accountType'], message: 'Cash on delivery in SEK needs the account type (Bankgiro or Plusgiro)' })
  }
}
