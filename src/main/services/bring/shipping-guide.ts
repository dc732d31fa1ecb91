import { z } from 'zod'
import type { Customer } from '@shared/domain/customers'
import type { QuoteInput, QuoteRow, Money } from '@shared/domain/quote'
import { describeProduct } from '@shared/catalogue/products'
import { serviceFitsProduct, shippingGuideCode, vasName } from '@shared/catalogue/additional-services'
import type { Language } from '@shared/domain/settings'
import type { BringHttp } from './bring-http'

/** Bring's shippingDate object: every part a string. */
export function bringDate(isoDate: string, time = { hour: 12, minute: 0 }) {
  const [year, month, day] = isoDate.split('-')
  return { year, month: String(Number(month)), day: String(Number(day)), hour: String(time.hour), minute: String(time.minute) }
}

/** One consignment carrying every product of one customer number: one HTTP call per customer. */
export function buildShippingGuideRequest(input: QuoteInput, customer: Pick<Customer, 'customerNumber'>, productIds: string[], language: Language) {
  return {
    consignments: [
      {
        id: customer.customerNumber,
        fromCountryCode: input.fromCountryCode,
        fromPostalCode: input.fromPostalCode,
        toCountryCode: input.toCountryCode,
        toPostalCode: input.toPostalCode,
        ...(input.toAddressLine ? { addressLine: input.toAddressLine } : {}),
        ...(input.pickupPointId ? { pickupPointId: input.pickupPointId } : {}),
        shippingDate: bringDate(input.shippingDate),
        additionalServices: input.additionalServices.map((id) => ({ id: shippingGuideCode(id) })),
        packages: input.packages.map((p, i) => ({
          id: String(i + 1),
          grossWeight: Math.round(p.weightKg * 1000),
          ...(p.lengthCm ? { length: p.lengthCm } : {}),
          ...(p.widthCm ? { width: p.widthCm } : {}),
          ...(p.heightCm ? { height: p.heightCm } : {})
        })),
        products: productIds.map((id) => ({ id, customerNumber: customer.customerNumber }))
      }
    ],
    language: language === 'nb' ? 'NO' : 'EN',
    withPrice: true,
    withExpectedDelivery: true,
    withGuiInformation: true,
    withEnvironmentalData: true,
    numberOfAlternativeDeliveryDates: input.numberOfAlternativeDeliveryDates,
    edi: true,
    postingAtPostoffice: false
  }
}

// --- response (unknown fields tolerated; only what the table shows is required) ---

const amount = z.union([z.string(), z.number()]).transform(Number)
const priceBlock = z.object({
  amountWithoutVAT: amount,
  vat: amount.optional(),
  amountWithVAT: amount.optional()
})
const priceSide = z.object({
  currencyCode: z.string().default('NOK'),
  priceWithoutAdditionalServices: priceBlock.optional(),
  priceWithAdditionalServices: priceBlock.optional()
})
const bringDay = z.object({
  year: z.string(),
  month: z.string(),
  day: z.string(),
  timeSlots: z.array(z.object({ startTime: z.object({ hour: z.string(), minute: z.string() }), endTime: z.object({ hour: z.string(), minute: z.string() }) })).optional()
})
const alternative = z.object({ expectedDeliveryDate: bringDay, workingDays: z.string().optional() })
const productSchema = z.object({
  id: z.string(),
  productionCode: z.string().optional(),
  guiInformation: z.object({ displayName: z.string().optional(), productName: z.string().optional(), descriptionText: z.string().optional() }).optional(),
  price: z.object({ listPrice: priceSide.optional(), netPrice: priceSide.optional() }).optional(),
  expectedDelivery: z
    .object({
      expectedDeliveryDate: bringDay.optional(),
      workingDays: z.string().optional(),
      userMessage: z.string().optional(),
      alternativeDeliveryDates: z.array(alternative).optional()
    })
    .optional(),
  environmentalData: z.array(z.object({ description: z.string().optional(), fossilFreePercentage: z.union([z.string(), z.number()]).optional() }).loose()).optional(),
  errors: z.array(z.object({ code: z.string(), description: z.string().optional(), message: z.string().optional() })).optional(),
  warnings: z.array(z.object({ code: z.string(), description: z.string().optional(), message: z.string().optional() })).optional()
})
export const shippingGuideResponseSchema = z.object({
  consignments: z.array(z.object({ consignmentId: z.string().optional(), products: z.array(productSchema) })),
  uniqueId: z.string().optional()
})
export type ShippingGuideResponse = z.infer<typeof shippingGuideResponseSchema>

const pad = (n: string): string => n.padStart(2, '0')
const toIso = (d: z.infer<typeof bringDay>): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`
const window = (d: z.infer<typeof bringDay>): string | undefined => {
  const slot = d.timeSlots?.[0]
  return slot ? `${pad(slot.startTime.hour)}:${pad(slot.startTime.minute)}–${pad(slot.endTime.hour)}:${pad(slot.endTime.minute)}` : undefined
}
const toMoney = (side: z.infer<typeof priceSide> | undefined): Money | undefined => {
  const p = side?.priceWithAdditionalServices ?? side?.priceWithoutAdditionalServices
  if (!side || !p) return undefined
  const vat = p.vat ?? 0
  return { withoutVat: p.amountWithoutVAT, vat, withVat: p.amountWithVAT ?? p.amountWithoutVAT + vat, currency: side.currencyCode }
}

export function parseShippingGuideProducts(res: ShippingGuideResponse, customerNumber: string, language: Language): QuoteRow[] {
  return res.consignments.flatMap((c) =>
    c.products.map((p) => {
      const catalogue = describeProduct(p.id, language)
      const delivery = p.expectedDelivery?.expectedDeliveryDate
      const env = p.environmentalData?.map((e) => e.description ?? (e.fossilFreePercentage !== undefined ? `${e.fossilFreePercentage}% fossil free` : '')).filter(Boolean).join('; ')
      return {
        customerNumber,
        productId: p.id,
        name: p.guiInformation?.displayName ?? p.guiInformation?.productName ?? catalogue.name,
        description: p.guiInformation?.descriptionText ?? (catalogue.description || undefined),
        listPrice: toMoney(p.price?.listPrice),
        netPrice: toMoney(p.price?.netPrice),
        expectedDelivery: delivery ? { date: toIso(delivery), timeWindow: window(delivery), workingDays: p.expectedDelivery?.workingDays ? Number(p.expectedDelivery.workingDays) : undefined } : undefined,
        alternativeDeliveryDates: (p.expectedDelivery?.alternativeDeliveryDates ?? []).map((a) => ({ date: toIso(a.expectedDeliveryDate), timeWindow: window(a.expectedDeliveryDate), workingDays: a.workingDays ? Number(a.workingDays) : undefined })),
        environmental: env || undefined,
        messages: [...(p.errors ?? []), ...(p.warnings ?? [])].map((e) => ({ code: e.code, message: e.description ?? e.message ?? e.code })).concat(p.expectedDelivery?.userMessage ? [{ code: 'INFO', message: p.expectedDelivery.userMessage }] : [])
      }
    })
  )
}

/** A product the catalogue says cannot take a chosen service: shown with the reason, not asked about. */
function unfitRow(customerNumber: string, productId: string, missing: string[], language: Language): QuoteRow {
  const p = describeProduct(productId, language)
  const named = missing.map((c) => vasName(c, language)).join(', ')
  const message = language === 'nb' ? `Kan ikke ta tilleggstjenesten: ${named}` : `Cannot take the additional service: ${named}`
  return { customerNumber, productId, name: p.name, description: p.description || undefined, alternativeDeliveryDates: [], messages: [{ code: 'VAS_NOT_AVAILABLE', message }] }
}

export async function quoteForCustomer(http: BringHttp, input: QuoteInput, customer: Customer, allProductIds: string[], language: Language): Promise<QuoteRow[]> {
  const missing = (id: string): string[] => input.additionalServices.filter((code) => !serviceFitsProduct(code, id))
  const productIds = allProductIds.filter((id) => missing(id).length === 0)
  const unfit = allProductIds.filter((id) => missing(id).length > 0).map((id) => unfitRow(customer.customerNumber, id, missing(id), language))
  if (productIds.length === 0) return unfit
  const res = await http({
    api: 'shippingGuide',
    method: 'POST',
    path: '/shippingguide/api/v2/products',
    body: buildShippingGuideRequest(input, customer, productIds, language),
    schema: shippingGuideResponseSchema,
    idempotent: true // a quote changes nothing at Bring
  })
  return [...parseShippingGuideProducts(res, customer.customerNumber, language), ...unfit]
}
