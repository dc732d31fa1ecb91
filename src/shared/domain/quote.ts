import { z } from 'zod'
import { postalCodeProblem } from './postal-code'
import { calendarDate, code, safeText, shippingDate, strictNumber, uniqueArray } from './fields'
import { cashOnDeliverySchema } from './booking'

const country = z.string().trim().max(2, 'Use a two-letter country code, e.g. NO').toUpperCase().regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. NO')
/** Form fields arrive as text; an empty box means "not given". */
const blankToUndefined = (v: unknown): unknown => (v === '' || v === null ? undefined : v)
const cm = z.preprocess(
  blankToUndefined,
  strictNumber((n) => n.int('Whole centimetres, please').min(1, 'At least 1 cm').max(1000, 'At most 1000 cm')).optional()
)

export const quotePackageSchema = z.object({
  weightKg: strictNumber((n) => n.gt(0, 'Weight must be more than 0 kg').max(1000, 'At most 1000 kg per package')),
  lengthCm: cm,
  widthCm: cm,
  heightCm: cm
})
export type QuotePackage = z.infer<typeof quotePackageSchema>

/** A quote as remembered (last inputs, a "Book this" draft): every rule except the shipping-date window. */
export const storedQuoteInputSchema = z
  .object({
    fromCountryCode: country,
    fromPostalCode: safeText(10),
    toCountryCode: country,
    toPostalCode: safeText(10),
    toAddressLine: safeText(35).optional(),
    shippingDate: calendarDate(),
    packages: z.array(quotePackageSchema).min(1, 'Add at least one package').max(30, 'At most 30 packages per quote'),
    /** Which of the user's customer numbers to compare; one Shipping Guide call each. */
    /** Duplicates removed; each must be one of the user's own (checked in main), so never more than they have. */
    customerNumbers: uniqueArray(code(40), 50).refine((a) => a.length > 0, { error: 'Choose at least one customer number' }),
    numberOfAlternativeDeliveryDates: strictNumber((n) => n.int().min(0).max(9)).default(0),
    /** Booking API ids (the Shipping Guide's ids are looked up when the request is built). */
    additionalServices: uniqueArray(code(30), 30).default([]),
    /** Asked for with cash on delivery, so "Book this" carries it. */
    cashOnDelivery: cashOnDeliverySchema.optional(),
    pickupPointId: z.preprocess(blankToUndefined, safeText(20).optional())
  })
  // The postal codes are checked even when another field is wrong, so one "Get prices" shows every
  // problem (zod skips an object's refinements after any field issue unless told otherwise).
  .superRefine(
    (v, ctx) => {
      // Runs on whatever arrived, not only on a valid object.
      if (typeof v !== 'object' || v === null) return
      for (const [country, field] of [['fromCountryCode', 'fromPostalCode'], ['toCountryCode', 'toPostalCode']] as const) {
        if (typeof v[country] !== 'string' || typeof v[field] !== 'string' || ctx.issues.some((i) => i.path?.[0] === field)) continue
        const problem = postalCodeProblem(v[country], v[field])
        if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem })
      }
    },
    { when: () => true }
  )
  .superRefine((v, ctx) => {
    if (v.additionalServices.includes('1000') && !v.cashOnDelivery) ctx.addIssue({ code: 'custom', path: ['cashOnDelivery', 'amount'], message: 'Cash on delivery needs the amount and the account number' })
  })

/** The quote form; main parses the very same schema. */
export const quoteInputSchema = storedQuoteInputSchema.safeExtend({ shippingDate: shippingDate() })
export type QuoteInput = z.infer<typeof quoteInputSchema>
export type QuoteFormValues = z.input<typeof quoteInputSchema>

const money = z.object({ withoutVat: z.number(), withVat: z.number(), vat: z.number(), currency: z.string() })
export type Money = z.infer<typeof money>

const deliveryDate = z.object({
  /** YYYY-MM-DD */
  date: z.string(),
  timeWindow: z.string().optional(),
  workingDays: z.number().optional()
})

export const quoteRowSchema = z.object({
  customerNumber: z.string(),
  productId: z.string(),
  name: z.string(),
  description: z.string().optional(),
  listPrice: money.optional(),
  netPrice: money.optional(),
  expectedDelivery: deliveryDate.optional(),
  alternativeDeliveryDates: z.array(deliveryDate).default([]),
  environmental: z.string().optional(),
  messages: z.array(z.object({ code: z.string(), message: z.string() })).default([])
})
export type QuoteRow = z.infer<typeof quoteRowSchema>

export const quoteResultSchema = z.object({
  rows: z.array(quoteRowSchema),
  /** A customer number whose whole call failed; the others still show. */
  customerErrors: z.array(z.object({ customerNumber: z.string(), message: z.string() })),
  quotedAt: z.string(),
  fromCache: z.boolean()
})
export type QuoteResult = z.infer<typeof quoteResultSchema>
