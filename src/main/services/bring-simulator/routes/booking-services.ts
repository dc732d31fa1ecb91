import { serviceFitsProduct } from '@shared/catalogue/additional-services'
import { bookingServiceRule, bookingServices, DANGEROUS_GOODS_MAX, limitedQuantitiesByBoat, servicesPlacedAt } from '@shared/catalogue/booking-services'

type Json = Record<string, unknown>
type BookingError = { code: string; message: string }
type Err = (code: string, message?: string) => BookingError

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
const notValid = (err: Err, id: string, product: string) => err('BOOK_VALIDATION-018', `Additional service ${id} is not valid for product ${product}`)
/** Services Bring takes in another place than additionalServices, by where they go. */
const elsewhere = Object.entries(bookingServices).filter(([, r]) => r.placement !== 'additionalService' && r.placement !== 'additionalServiceWithQrCodes')

/**
 * The additional services of a booking as Bring checks them (its booking examples and error catalogue):
 * each where it belongs, offered with the product, with the values it needs. So the Sandbox refuses
 * what Bring refuses, with Bring's codes.
 */
export function serviceErrors(c: Json, err: Err): BookingError[] {
  const product = (c.product ?? {}) as Json
  const parties = (c.parties ?? {}) as Json
  const productId = String(product.id)
  const out: BookingError[] = []
  const list = product.additionalServices
  if (list !== undefined && !Array.isArray(list)) return [err('BOOK-INPUT-080')]
  const entries = (list ?? []) as Json[]
  const grams = (c.packages as Json[] | undefined)?.reduce((sum, p) => sum + Number(p.weightInKg ?? 0) * 1000, 0) ?? 0
  for (const v of entries) {
    const id = str(v?.id)
    const rule = id ? bookingServiceRule(id) : null
    if (!id || !rule || !serviceFitsProduct(id, productId)) {
      out.push(notValid(err, id ?? '(none)', productId))
      continue
    }
    // Delivery attempts, a chosen pickup point, a delivery date: not additional services.
    if (rule.placement !== 'additionalService' && rule.placement !== 'additionalServiceWithQrCodes') {
      out.push(err('BOOK-INPUT-080', `Additional service ${id} cannot be requested in additionalServices: see the booking example for ${id}`))
      continue
    }
    out.push(...valueErrors(id, v, { parties, grams, err }))
  }
  const dangerous = entries.filter((v) => v?.id === '1245').length
  if (dangerous > DANGEROUS_GOODS_MAX) out.push(err('BOOK_VALIDATION-019'))
  if (c.generateQrCodes === true && !serviceFitsProduct('1288', productId)) out.push(err('BOOK-INPUT-084'))
  out.push(...elsewhereErrors(c, productId, parties, err))
  return out
}

function valueErrors(id: string, v: Json, ctx: { parties: Json; grams: number; err: Err }): BookingError[] {
  const { err } = ctx
  switch (id) {
    case '0039':
      return str(v.message) ? [] : [err('BOOK-INPUT-062')]
    case '1163':
      return str(v.message) ? [] : [err('BOOK-INPUT-093')]
    case '1095':
      return str(v.email) || str(v.mobile) ? [] : [err('BOOK_VALIDATION-035')]
    case '1245': {
      const out: BookingError[] = []
      const un = str(v.unNumber)
      if (!un) out.push(err('BOOK-INPUT-048'))
      else if (!/^\d{4}$/.test(un)) out.push(err('BOOK-INPUT-091'))
      if (!str(v.commodity)) out.push(err('BOOK-INPUT-049'))
      if (!(Number(v.weightInGrams) > 0)) out.push(err('BOOK-INPUT-050'))
      else if (Number(v.weightInGrams) > ctx.grams) out.push(err('BOOK-INPUT-087'))
      return out
    }
    case '0003': {
      const from = String((ctx.parties.sender as Json | undefined)?.countryCode)
      const to = String((ctx.parties.recipient as Json | undefined)?.countryCode)
      const weight = Number(v.limitedQuantitiesGrossWeight)
      if (v.limitedQuantitiesGrossWeight === undefined) return limitedQuantitiesByBoat(from, to) ? [err('BOOK-VALIDATION-030')] : []
      return weight > ctx.grams ? [err('BOOK-VALIDATION-031')] : []
    }
    case '1000':
      if (typeof v.amount !== 'number' || !str(v.currencyCode) || !str(v.accountNumber)) return [err('BOOK-INPUT-037')]
      if (Math.round(v.amount * 100) !== v.amount * 100 || v.amount <= 0) return [err('BOOK-INPUT-054')]
      return v.currencyCode === 'SEK' && !str(v.accountType) ? [err('BOOK-INPUT-044')] : []
    default:
      return []
  }
}

/** Delivery attempts, a chosen pickup point and a delivery date, where Bring's examples put them. */
function elsewhereErrors(c: Json, productId: string, parties: Json, err: Err): BookingError[] {
  const out: BookingError[] = []
  const services = ((c.product as Json | undefined)?.services ?? {}) as Json
  if (services.deliveryOption !== undefined) {
    const match = elsewhere.find(([, r]) => r.deliveryOption === services.deliveryOption)
    if (!match || !serviceFitsProduct(match[0], productId)) out.push(err('BOOK_VALIDATION-018', `Delivery option ${String(services.deliveryOption)} is not valid for product ${productId}`))
  }
  const pickupPoint = parties.pickupPoint as Json | undefined
  if (pickupPoint !== undefined) {
    const fits = servicesPlacedAt('pickupPoint').some((id) => serviceFitsProduct(id, productId))
    if (!str(pickupPoint.id) || !str(pickupPoint.countryCode)) out.push(err('BOOK-INPUT-045'))
    else if (!fits) out.push(err('BOOK-INPUT-047'))
  }
  const when = c.customerSpecifiedDeliveryDateTime
  if (when !== undefined) {
    const fits = servicesPlacedAt('customerSpecifiedDelivery').some((id) => serviceFitsProduct(id, productId))
    if (typeof when !== 'string' || Number.isNaN(Date.parse(when))) out.push(err('BOOK_VALIDATION-008', 'customerSpecifiedDeliveryDateTime is not a date-time'))
    else if (!fits) out.push(err('BOOK_VALIDATION-018', `A customer specified delivery date is not valid for product ${productId}`))
  }
  return out
}
