import { z } from 'zod'
import { postalCodeProblem } from './postal-code'
import { modeSchema } from './mode'
import { recordErrorSchema } from './record-error'
import { trackingStateSchema } from './tracking'
export { recordErrorSchema, type RecordError } from './record-error'
import { productLimits } from '../catalogue/product-limits'
import { serviceDetailsSchema, serviceValueProblems } from './service-details'
import { calendarDate, clockTime, code, safeText, shippingDate, strictNumber, uniqueArray } from './fields'

// Limits from Bring's Booking API documentation.
export const limits = { addressLine: 35, city: 35, name: 35, reference: 35, goodsDescription: 35, email: 60, additionalAddressInfo: 70, vatNumber: 12 }

const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v)
const text = (max: number, label: string) => safeText(max, { tooLong: `${label}: at most ${max} characters` })
const required = (max: number, label: string) => text(max, label).min(1, `${label} is required`)
const optionalText = (max: number, label: string) => z.preprocess(blank, text(max, label).optional())

export const partySchema = z
  .object({
    name: required(limits.name, 'Name'),
    addressLine: required(limits.addressLine, 'Address'),
    addressLine2: optionalText(limits.addressLine, 'Address line 2'),
    postalCode: text(10, 'Postal code').min(1, 'Postal code is required'),
    city: required(limits.city, 'City'),
    countryCode: z.string().trim().max(2, 'Use a two-letter country code, e.g. NO').toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. NO'),
    reference: optionalText(limits.reference, 'Reference'),
    additionalAddressInfo: optionalText(limits.additionalAddressInfo, 'Delivery instructions'),
    vatNumber: optionalText(limits.vatNumber, 'Organisation number'),
    contact: z
      .object({
        name: optionalText(limits.name, 'Contact name'),
        email: z.preprocess(blank, text(limits.email, 'E-mail').email('Enter a valid e-mail address').optional()),
        phoneNumber: z.preprocess(blank, z.string().trim().max(20, 'Enter a phone number, e.g. +4791234567').regex(/^\+?[0-9 ]{5,20}$/, 'Enter a phone number, e.g. +4791234567').optional())
      })
      .default({})
  })
  .superRefine((p, ctx) => {
    // An empty code is already "Postal code is required": one message per problem.
    if (p.postalCode.trim() === '') return
    const problem = postalCodeProblem(p.countryCode, p.postalCode)
    if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem })
  })
export type Party = z.infer<typeof partySchema>

export const bookingPackageSchema = z.object({
  weightInKg: strictNumber((n) => n.gt(0, 'Weight must be more than 0 kg').max(1000, 'At most 1000 kg per package')),
  lengthInCm: z.preprocess(blank, strictNumber((n) => n.int('Whole centimetres').min(1).max(1000)).optional()),
  widthInCm: z.preprocess(blank, strictNumber((n) => n.int('Whole centimetres').min(1).max(1000)).optional()),
  heightInCm: z.preprocess(blank, strictNumber((n) => n.int('Whole centimetres').min(1).max(1000)).optional()),
  volumeInDm3: z.preprocess(blank, strictNumber((n) => n.positive().max(100000)).optional()),
  goodsDescription: optionalText(limits.goodsDescription, 'Goods description'),
  correlationId: optionalText(35, 'Package reference')
})
export type BookingPackage = z.infer<typeof bookingPackageSchema>

export const customsLineSchema = z.object({
  goodsDescription: required(limits.goodsDescription, 'Goods description'),
  quantity: strictNumber((n) => n.int().min(1, 'At least 1')),
  itemNetWeightInKg: strictNumber((n) => n.max(100_000).positive('Net weight must be more than 0')),
  tarriffLineAmount: strictNumber((n) => n.max(1_000_000_000).positive('Value must be more than 0')),
  currency: z.string().trim().max(3, 'Three-letter currency code, e.g. NOK').toUpperCase().regex(/^[A-Z]{3}$/, 'Three-letter currency code, e.g. NOK'),
  countryOfOrigin: z.string().trim().max(2, 'Two-letter country code').toUpperCase().regex(/^[A-Z]{2}$/, 'Two-letter country code'),
  customsArticleNumber: optionalText(20, 'Tariff code')
})

/** Swedish account kinds for cash on delivery in SEK. */
export const codAccountTypes = ['BANKGIRO', 'PLUSGIRO'] as const

/** Cash on delivery (VAS 1000): Bring charges the recipient and pays the amount into this account. */
export const cashOnDeliverySchema = z
  .object({
    amount: strictNumber((n) => n.positive('The amount must be more than 0').max(1_000_000, 'At most 1 000 000').refine((v) => Math.round(v * 100) === v * 100, 'At most two decimals')),
    currencyCode: z.preprocess(blank, z.string().trim().max(3).toUpperCase().regex(/^[A-Z]{3}$/, 'Three-letter currency code, e.g. NOK').default('NOK')),
    accountNumber: z
      .string()
      .trim()
      .max(20)
      .transform((v) => v.replace(/[\s.-]/g, ''))
      .refine((v) => /^\d{2,11}$/.test(v), 'Enter the 11-digit account number the money is paid into'),
    /** Sweden (SEK): which kind of account the number is (Bring requires it, BOOK-INPUT-044). */
    accountType: z.preprocess(blank, z.enum(codAccountTypes).optional()),
    kid: z.preprocess(blank, z.string().trim().max(25).regex(/^\d{2,25}$/, 'A KID is 2–25 digits').optional())
  })
  .superRefine((c, ctx) => {
    // A Norwegian account has 11 digits; Swedish Bankgiro and Plusgiro numbers are shorter.
    if (c.currencyCode !== 'SEK' && !/^\d{11}$/.test(c.accountNumber)) ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'Enter the 11-digit account number the money is paid into' })
  })
export type CashOnDelivery = z.infer<typeof cashOnDeliverySchema>

/** EU member states: the recipient countries an IOSS number applies to. */
export const iossCountries = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'])

export const natureOfTransaction = ['SALE_OF_GOODS', 'RETURNED_GOODS', 'GIFT', 'COMMERCIAL_SAMPLE', 'DOCUMENTS', 'OTHER'] as const
export const incotermRules = ['DDP', 'DAP', 'FCA', 'EXW'] as const

/** Products that carry pallets or cargo: dimensions may be replaced by a volume. */
export const cargoProducts = new Set(['5100', '5200', '5300', '5400', '9100', 'CARGO_INTERNATIONAL', 'BUSINESS_PALLET', 'BUSINESS_HALFPALLET', 'BUSINESS_QUARTERPALLET'])
/** Mailbox and return services: the sender's phone number is not required (per Bring). */
const noSenderPhone = new Set(['3584', '3570', '9000', '9300', '9350', '9600', '9650', '9100', 'PICKUP_PARCEL_RETURN', 'PICKUP_PARCEL_RETURN_BULK', 'BUSINESS_PARCEL_RETURN', 'BUSINESS_PARCEL_RETURN_BULK'])

/** A quoted price excl. VAT, for the service it was quoted for (the form's service may change after). */
export const quotedPriceSchema = z.object({
  productId: code(40),
  amount: z.number().nonnegative().max(10_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The delivery date the quote promised (YYYY-MM-DD): the delivery record's promise when the booking confirmation gives none. */
  expectedDelivery: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()
})
export type QuotedPrice = z.infer<typeof quotedPriceSchema>

/** A booking as stored with its shipment: every rule of the form except the shipping-date window. */
export const storedBookingFormSchema = z
  .object({
    /** Stable per form: a second submit of the same form (double click, Enter twice, another window) is the same booking. */
    clientRequestId: z.string().uuid(),
    customerNumber: code(40, 'Choose a customer number'),
    productId: code(40, 'Choose a service'),
    // Booking API ids are up to 27 characters (SELECT_PICKUP_POINT_NORDICS).
    additionalServices: uniqueArray(code(40), 30).default([]),
    /** The values the chosen additional services carry (messages, contacts, dangerous goods …). */
    serviceDetails: serviceDetailsSchema.default(serviceDetailsSchema.parse({})),
    sender: partySchema,
    recipient: partySchema,
    pickupPointId: optionalText(20, 'Pickup point'),
    /** The chosen pickup point's name and address, as the picker showed it (kept with the shipment, not sent). */
    pickupPointName: optionalText(200, 'Pickup point'),
    packages: z.array(bookingPackageSchema).min(1, 'Add at least one package').max(99, 'At most 99 packages per shipment'),
    shippingDate: calendarDate('Choose a shipping date'),
    shippingTime: clockTime().default('12:00'),
    returnProductId: optionalText(30, 'Return service'),
    incotermRule: z.preprocess(blank, z.enum(incotermRules).optional()),
    customs: z
      .object({
        natureOfTransaction: z.enum(natureOfTransaction),
        lines: z.array(customsLineSchema).min(1, 'Add at least one customs line').max(99, 'At most 99 customs lines'),
        /** Import One-Stop Shop number for sales to the EU: IM + 10 digits. */
        iossNumber: z.preprocess(blank, z.string().trim().max(12, 'IM followed by 10 digits').toUpperCase().optional()),
        /** The sender confirms the declaration; kept with the shipment. */
        consent: z.boolean().default(false)
      })
      .optional(),
    /** Who imports the goods when that is not the recipient (a company buying for someone, a customs agent). */
    importer: partySchema.optional(),
    cashOnDelivery: cashOnDeliverySchema.optional(),
    orderReference: optionalText(35, 'Order reference'),
    /** The price the Shipping Guide quoted when the booking came from "Book this"; compared with Bring's price from tracking. */
    quotedPrice: quotedPriceSchema.optional()
  })
  .superRefine((f, ctx) => {
    if (!noSenderPhone.has(f.productId) && !f.sender.contact.phoneNumber) {
      ctx.addIssue({ code: 'custom', path: ['sender', 'contact', 'phoneNumber'], message: "Bring requires the sender's phone number for this service" })
    }
    const cargo = cargoProducts.has(f.productId)
    f.packages.forEach((p, i) => {
      const dims = p.lengthInCm && p.widthInCm && p.heightInCm
      if (!dims && !(cargo && p.volumeInDm3)) ctx.addIssue({ code: 'custom', path: ['packages', i, 'lengthInCm'], message: cargo ? 'Give length, width and height, or a volume' : 'Give length, width and height' })
    })
    const international = f.sender.countryCode !== f.recipient.countryCode
    if (f.productId === 'CARGO_INTERNATIONAL' && !f.incotermRule) ctx.addIssue({ code: 'custom', path: ['incotermRule'], message: 'Choose an incoterm rule for Cargo International' })
    if (international && f.sender.countryCode === 'NO' && ['BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK'].includes(f.productId) && !f.customs) {
      ctx.addIssue({ code: 'custom', path: ['customs'], message: 'Parcels from Norway to abroad need a customs declaration' })
    }
    serviceValueProblems(f, ctx)
    if (f.customs) customsProblems(f, ctx)
  })

/** Bring's IOSS rules (Booking API, iossNumber) and the consent an export needs, as form errors. */
function customsProblems(f: { sender: Party; recipient: Party; customs?: { natureOfTransaction: string; iossNumber?: string; consent: boolean } }, ctx: z.RefinementCtx): void {
  const c = f.customs!
  if (!c.consent) ctx.addIssue({ code: 'custom', path: ['customs', 'consent'], message: 'Confirm that the customs information is accurate and the parcel holds no dangerous or prohibited goods' })
  if (!c.iossNumber) return
  const at = ['customs', 'iossNumber']
  if (!/^IM\d{10}$/.test(c.iossNumber)) ctx.addIssue({ code: 'custom', path: at, message: 'An IOSS number is IM followed by 10 digits' })
  else if (c.natureOfTransaction !== 'SALE_OF_GOODS') ctx.addIssue({ code: 'custom', path: at, message: 'An IOSS number only goes with a sale of goods' })
  else if (!iossCountries.has(f.recipient.countryCode)) ctx.addIssue({ code: 'custom', path: at, message: 'IOSS only applies to recipients in the EU' })
  else if (f.sender.reference) ctx.addIssue({ code: 'custom', path: at, message: 'Bring does not take an IOSS number together with a sender reference: remove one of them' })
}

/**
 * The booking form; main parses exactly the same schema before building Bring's request. What the
 * catalogue already knows (a domestic service to another country, a product's weight and size limits)
 * is refused here, before anything is sent, rather than by Bring after it (stored forms are not re-judged).
 */
export const bookingFormSchema = storedBookingFormSchema.safeExtend({ shippingDate: shippingDate('Choose a shipping date') }).superRefine(catalogueProblems)

function catalogueProblems(f: { productId: string; recipient: { countryCode: string }; packages: { weightInKg: number; lengthInCm?: number; widthInCm?: number; heightInCm?: number }[] }, ctx: z.RefinementCtx): void {
  const limits = productLimits(f.productId)
  if (!limits) return
  if (limits.domesticOnly && f.recipient.countryCode !== 'NO') {
    ctx.addIssue({ code: 'custom', path: ['productId'], message: 'This service only delivers within Norway: choose a service for the recipient’s country' })
  }
  f.packages.forEach((p, i) => {
    if (limits.maxWeightKg !== undefined && p.weightInKg > limits.maxWeightKg) ctx.addIssue({ code: 'custom', path: ['packages', i, 'weightInKg'], message: `At most ${limits.maxWeightKg} kg per package with this service` })
    const sides = [p.lengthInCm, p.widthInCm, p.heightInCm].filter((v): v is number => typeof v === 'number')
    if (limits.maxLengthCm !== undefined && sides.length > 0 && Math.max(...sides) > limits.maxLengthCm) {
      ctx.addIssue({ code: 'custom', path: ['packages', i, 'lengthInCm'], message: `The longest side may be at most ${limits.maxLengthCm} cm with this service` })
    }
    if (limits.maxSumCm !== undefined && sides.length === 3 && sides[0] + sides[1] + sides[2] > limits.maxSumCm) {
      ctx.addIssue({ code: 'custom', path: ['packages', i, 'lengthInCm'], message: `Length + width + height may be at most ${limits.maxSumCm} cm with this service` })
    }
  })
}
export type BookingForm = z.infer<typeof bookingFormSchema>
export type BookingFormValues = z.input<typeof bookingFormSchema>

/**
 * pending: saved, not yet handed to the network; sending: handed off, answer awaited; not_sent:
 * nothing reached Bring (safe to send again); outcome_unknown: it may have reached Bring.
 */
export const shipmentStatusSchema = z.enum(['pending', 'sending', 'booked', 'outcome_unknown', 'not_sent', 'failed', 'cancelled_by_user'])
export type ShipmentStatus = z.infer<typeof shipmentStatusSchema>

export const confirmationSchema = z.object({
  consignmentNumber: z.string(),
  packageNumbers: z.array(z.string()),
  labelUrl: z.string().optional(),
  waybillUrl: z.string().optional(),
  trackingUrl: z.string().optional(),
  expectedDelivery: z.string().optional(),
  earliestPickup: z.string().optional(),
  /** Marked booked by the user with the number from Mybring: Bring gave no label link, Mybring has the label. */
  byHand: z.boolean().optional()
})
export type Confirmation = z.infer<typeof confirmationSchema>

export const shipmentSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  mode: modeSchema,
  status: shipmentStatusSchema,
  customerNumber: z.string(),
  productId: z.string(),
  recipientName: z.string(),
  recipientPostalCode: z.string(),
  recipientCity: z.string(),
  reference: z.string().nullable(),
  consignmentNumber: z.string().nullable(),
  hasLabel: z.boolean(),
  /** The batch it was booked in, if any. */
  batchId: z.string().nullable().default(null),
  /** Where it is, per Bring's tracking (live and Sandbox shipments), if followed. */
  trackingState: trackingStateSchema.nullable().default(null),
  /** Which desk booked it (team mode's shared database; null on a desk's own history). */
  desk: z.string().nullable().default(null)
})
export type ShipmentSummary = z.infer<typeof shipmentSummarySchema>

/** What the renderer sees of a confirmation: label links carry access tokens, so only whether one exists. */
export const confirmationViewSchema = confirmationSchema.omit({ labelUrl: true, waybillUrl: true }).extend({ labelAvailable: z.boolean() })
export type ConfirmationView = z.infer<typeof confirmationViewSchema>

export const shipmentDetailSchema = shipmentSummarySchema.extend({
  form: storedBookingFormSchema,
  request: z.unknown(),
  confirmation: confirmationViewSchema.nullable(),
  /** What went wrong, as main wrote it (English), and as a message key the UI shows in its language. */
  error: recordErrorSchema.nullable(),
  updatedAt: z.string()
})
export type ShipmentDetail = z.infer<typeof shipmentDetailSchema>

/** A shipment as main keeps it: the confirmation with its label links (which never leave main). */
export type ShipmentRecord = Omit<ShipmentDetail, 'confirmation'> & { confirmation: Confirmation | null }

/** The renderer's view of a shipment: "label available" instead of the tokenised label links. */
export function shipmentView(r: ShipmentRecord): ShipmentDetail {
  if (!r.confirmation) return { ...r, confirmation: null }
  return { ...r, confirmation: { ...withoutLabelLinks(r.confirmation), labelAvailable: Boolean(r.confirmation.labelUrl) } }
}

/** A confirmation without its label links: they carry access tokens (the window and the shared database never get them). */
export function withoutLabelLinks<C extends { labelUrl?: unknown; waybillUrl?: unknown }>(c: C): Omit<C, 'labelUrl' | 'waybillUrl'> {
  const { labelUrl: _label, waybillUrl: _waybill, ...rest } = c
  return rest
}

/** What the history is narrowed by: the page and its count take the same. */
export const shipmentFilterQuerySchema = z.object({
  query: safeText(100).default(''),
  status: shipmentStatusSchema.optional(),
  mode: modeSchema.optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  /** Only shipments that need attention (tracking). */
  attention: z.boolean().optional()
})
export type ShipmentFilterQuery = z.infer<typeof shipmentFilterQuerySchema>

export const shipmentFilterSchema = shipmentFilterQuerySchema.extend({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0)
})
export type ShipmentFilter = z.infer<typeof shipmentFilterSchema>
