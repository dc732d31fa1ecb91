import { z } from 'zod'
import type { SimApiModule, SimReply } from '../types'
import { fieldErrorsReply } from '../validation'
import { addWorkingDays, bringDay, formatted, nextWorkingDays } from '../calendar'
import { describeProduct } from '@shared/catalogue/products'
import { bookingCodeFor, serviceFitsProduct } from '@shared/catalogue/additional-services'
import { distanceBand, listPriceExVat, productProblem, tariffs, type SimPackage } from '../tariffs'

const digits = z.string().regex(/^\d+$/, 'must be a number written as a string')
const requestSchema = z.object({
  consignments: z
    .array(
      z.object({
        id: z.string().optional(),
        fromCountryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
        fromPostalCode: z.string().min(1, 'is required'),
        toCountryCode: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code'),
        toPostalCode: z.string().min(1, 'is required'),
        shippingDate: z.object({ year: digits, month: digits, day: digits, hour: digits.optional(), minute: digits.optional() }).optional(),
        packages: z
          .array(
            z.object({
              id: z.string().optional(),
              grossWeight: z.number().int('must be whole grams').positive('must be more than 0 grams'),
              length: z.number().positive().optional(),
              width: z.number().positive().optional(),
              height: z.number().positive().optional()
            })
          )
          .min(1, 'needs at least one package'),
        products: z.array(z.object({ id: z.string().min(1), customerNumber: z.string().optional() })).min(1, 'needs at least one product'),
        additionalServices: z.array(z.object({ id: z.string() })).optional()
      })
    )
    .min(1, 'needs at least one consignment'),
  withPrice: z.boolean().optional(),
  withExpectedDelivery: z.boolean().optional(),
  withGuiInformation: z.boolean().optional(),
  withEnvironmentalData: z.boolean().optional(),
  numberOfAlternativeDeliveryDates: z.number().int().min(0).max(9).optional(),
  language: z.enum(['NO', 'SE', 'SV', 'DA', 'EN']).optional()
})

const money = (exVat: number, vatRate: number) => ({
  amountWithoutVAT: exVat.toFixed(2),
  vat: (exVat * vatRate).toFixed(2),
  amountWithVAT: (exVat * (1 + vatRate)).toFixed(2)
})

/** POST /shippingguide/api/v2/products: prices and lead times per product, errors per product. */
export const shippingGuideRoutes: SimApiModule = () => [
  {
    id: 'shipping-guide.products',
    api: 'shippingGuide',
    method: 'POST',
    path: '/shippingguide/api/v2/products',
    handle: ({ body, account, now }): SimReply => {
      const parsed = requestSchema.safeParse(body)
      if (!parsed.success) return fieldErrorsReply(parsed.error)
      const req = parsed.data
      for (const [i, c] of req.consignments.entries()) {
        for (const side of ['from', 'to'] as const) {
          const country = c[`${side}CountryCode`]
          const code = c[`${side}PostalCode`]
          if (country === 'NO' && !/^\d{4}$/.test(code)) {
            return { status: 400, body: { fieldErrors: [{ field: `consignments[${i}].${side}PostalCode`, code: 'INVALID_POSTAL_CODE', message: `Invalid postal code ${code} for NO` }] } }
          }
        }
      }
      return {
        status: 200,
        body: {
          uniqueId: crypto.randomUUID(),
          consignments: req.consignments.map((c) => {
            const band = distanceBand({ country: c.fromCountryCode, postalCode: c.fromPostalCode }, { country: c.toCountryCode, postalCode: c.toPostalCode })
            const packages: SimPackage[] = c.packages.map((p) => ({ grossWeightG: p.grossWeight, lengthCm: p.length, widthCm: p.width, heightCm: p.height }))
            const shipDate = c.shippingDate ? new Date(Date.UTC(Number(c.shippingDate.year), Number(c.shippingDate.month) - 1, Number(c.shippingDate.day))) : now
            const vatRate = c.fromCountryCode === 'NO' && c.toCountryCode === 'NO' ? 0.25 : 0
            return {
              consignmentId: c.id ?? '1',
              products: c.products.map((p) => {
                const customer = p.customerNumber ? account.customers.find((x) => x.customerNumber === p.customerNumber) : account.customers[0]
                if (!customer) return { id: p.id, errors: [{ code: 'INVALID_CUSTOMER_NUMBER', description: `Customer number ${p.customerNumber} is not available for this API user.` }] }
                if (!customer.products.includes(p.id)) return { id: p.id, errors: [{ code: 'PRODUCT_NOT_IN_AGREEMENT', description: `Product ${p.id} is not part of the agreement for customer number ${customer.customerNumber}.` }] }
                const t = tariffs[p.id]
                if (!t) return { id: p.id, errors: [{ code: 'UNKNOWN_PRODUCT', description: req.language === 'EN' ? `Product ${p.id} is not known by the Shipping Guide.` : `Produktet ${p.id} er ukjent for Shipping Guide.` }] }
                const problem = productProblem(t, packages, band, c.toPostalCode, p.id)
                if (problem) return { id: p.id, errors: [{ code: problem.code, description: problem.message }] }
                const vas = (c.additionalServices ?? []).map((v) => ({ sg: v.id, booking: bookingCodeFor(v.id) }))
                const unknown = vas.find((v) => !v.booking)
                if (unknown) return { id: p.id, errors: [{ code: 'INVALID_ADDITIONAL_SERVICE', description: `Unknown additional service ${unknown.sg}.` }] }
                const unfit = vas.find((v) => !serviceFitsProduct(v.booking!, p.id))
                if (unfit) return { id: p.id, errors: [{ code: 'ADDITIONAL_SERVICE_NOT_AVAILABLE', description: `Additional service ${unfit.sg} is not available for product ${p.id}.` }] }
                const list = listPriceExVat(t, packages, band)
                const net = Math.round(list * 0.82 * 100) / 100
                const fees = vas.reduce((sum, v) => sum + (v.booking === '1000' ? 59 : 29), 0)
                const days = t.lead[band]
                const name = req.language === 'EN' ? describeProduct(p.id, 'en').name : t.name
                const delivery = addWorkingDays(shipDate, days)
                const slot = t.window ? [{ startTime: { hour: String(t.window[0]), minute: '0' }, endTime: { hour: String(t.window[1]), minute: '0' } }] : undefined
                const day = (d: Date) => ({ ...bringDay(d), ...(slot ? { timeSlots: slot } : {}) })
                return {
                  id: p.id,
                  productionCode: p.id,
                  guiInformation: req.withGuiInformation
                    ? { displayName: name, productName: name, descriptionText: req.language === 'EN' ? `Delivered in ${days} working day${days === 1 ? '' : 's'}.` : `Leveres på ${days} virkedag${days === 1 ? '' : 'er'}.` }
                    : undefined,
                  price: req.withPrice
                    ? {
                        listPrice: { currencyCode: 'NOK', priceWithoutAdditionalServices: money(list, vatRate), priceWithAdditionalServices: money(list + fees, vatRate) },
                        netPrice: { currencyCode: 'NOK', priceWithoutAdditionalServices: money(net, vatRate), priceWithAdditionalServices: money(net + fees, vatRate) }
                      }
                    : undefined,
                  expectedDelivery: req.withExpectedDelivery
                    ? {
                        workingDays: String(days),
                        userMessage: '',
                        formattedExpectedDeliveryDate: formatted(delivery),
                        expectedDeliveryDate: day(delivery),
                        alternativeDeliveryDates: nextWorkingDays(delivery, req.numberOfAlternativeDeliveryDates ?? 0).map((d) => ({
                          expectedDeliveryDate: day(d),
                          formattedExpectedDeliveryDate: formatted(d),
                          workingDays: String(days)
                        }))
                      }
                    : undefined,
                  environmentalData: req.withEnvironmentalData && band < 4 ? [{ description: environmentalText(band <= 1, req.language), fossilFreePercentage: band <= 1 ? 100 : 60 }] : undefined
                }
              })
            }
          })
        }
      }
    }
  }
]

/** Bring answers in the language the request asked for (English only when asked). */
function environmentalText(lastMileFossilFree: boolean, language: string | undefined): string {
  if (language === 'EN') return lastMileFossilFree ? 'Fossil-free last mile' : 'Partly fossil-free transport'
  return lastMileFossilFree ? 'Fossilfri siste kilometer' : 'Delvis fossilfri transport'
}
