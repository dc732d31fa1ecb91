import { vas as rawVas } from './bring-catalogue.json'
import type { Language } from '../domain/settings'
import { MAILBOX_PICKUP_VAS, mailboxPickupProducts } from '../domain/pickup'
import { catalogueProduct } from './products'
import { bookingServiceRule, servicesPlacedAt } from './booking-services'

interface CatalogueVas {
  /** The Booking API's id. */
  code: string
  /** The Shipping Guide's id for the same service (e.g. POSTOPPKRAV for 1000). */
  shippingGuideCode?: string
  nameEn: string
  nameNb?: string
  description?: string
  incompatibleWith: string[]
  products: string[]
}
const vas = rawVas as Record<string, CatalogueVas>

export interface VasView {
  code: string
  name: string
  description: string
  /** Codes of other VAS this one cannot be combined with. */
  incompatible: string[]
}

/** Additional services Bring lists for a product (matched on its production code). */
export function additionalServicesFor(productId: string, lang: Language): VasView[] {
  const code = catalogueProduct(productId)?.code ?? productId
  const all = Object.values(vas)
  const byName = new Map(all.map((v) => [v.nameEn, v.code]))
  return all
    // Only what the request builder can send (catalogue/booking-services.ts knows every service it offers).
    .filter((v) => v.products.includes(code) && bookingServiceRule(v.code) !== null)
    .map((v) => ({
      code: v.code,
      name: displayName(v, lang),
      description: v.description ?? '',
      incompatible: v.incompatibleWith.map((n) => byName.get(n)).filter((c): c is string => Boolean(c))
    }))
}

/** Bring's catalogue calls 1073 just "Pickup" ("Henting"); what the clerk chooses is the mailbox pickup. */
const renamed: Record<string, { en: string; nb: string }> = { [MAILBOX_PICKUP_VAS]: { en: 'Pickup from mailbox', nb: 'Henting i postkassen' } }
const displayName = (v: CatalogueVas, lang: Language): string => renamed[v.code]?.[lang] ?? ((lang === 'nb' && v.nameNb) || v.nameEn)

/** Mailbox pickup (VAS 1073) for C2C mailbox-pickup services, from the Pickup API guide; Bring's catalogue lists 1073 for 5400 only. */
const mailboxPickupVas: VasView = { code: MAILBOX_PICKUP_VAS, name: 'Pickup from mailbox', description: 'The sender drops the parcel in their own mailbox; Bring picks it up.', incompatible: [] }

export function additionalServicesWithPickup(productId: string, lang: Language): VasView[] {
  const listed = additionalServicesFor(productId, lang)
  if (!mailboxPickupProducts.has(productId) || listed.some((v) => v.code === MAILBOX_PICKUP_VAS)) return listed
  return [...listed, { ...mailboxPickupVas, name: renamed[MAILBOX_PICKUP_VAS][lang] }]
}

/** The Shipping Guide's id for a service the Booking API calls `bookingCode` (the two APIs name them differently). */
export function shippingGuideCode(bookingCode: string): string {
  return vas[bookingCode]?.shippingGuideCode ?? bookingCode
}

/** The Booking API's id for a Shipping Guide service id. */
export function bookingCodeFor(shippingGuideId: string): string | undefined {
  return Object.values(vas).find((v) => (v.shippingGuideCode ?? v.code) === shippingGuideId)?.code
}

/** Every service in the catalogue with both ids. */
export const vasCodePairs = (): { bookingCode: string; shippingGuideCode: string }[] =>
  Object.values(vas).map((v) => ({ bookingCode: v.code, shippingGuideCode: v.shippingGuideCode ?? v.code }))

/** Is this service offered with this product (by the catalogue)? */
export function serviceFitsProduct(bookingCode: string, productId: string): boolean {
  return additionalServicesWithPickup(productId, 'en').some((v) => v.code === bookingCode)
}

/** Services valid for at least one of these products, each with the products that can take it. */
export function servicesForProducts(productIds: string[], lang: Language): (VasView & { products: string[] })[] {
  const out = new Map<string, VasView & { products: string[] }>()
  for (const id of productIds) {
    for (const v of additionalServicesWithPickup(id, lang)) {
      const entry = out.get(v.code) ?? { ...v, products: [] }
      entry.products.push(id)
      out.set(v.code, entry)
    }
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Booking codes of services that need values the user types (amount and account for cash on delivery). */
export const CASH_ON_DELIVERY = '1000'

/** A service's name in the UI language, by its booking id. */
export function vasName(bookingCode: string, lang: Language): string {
  const v = vas[bookingCode]
  if (v) return displayName(v, lang)
  return renamed[bookingCode]?.[lang] ?? bookingCode
}

/** The "Optional pickup point" service this product takes (Norway's or the Nordic one), if any. */
export function pickupPointServiceFor(productId: string): string | undefined {
  return servicesPlacedAt('pickupPoint').find((id) => serviceFitsProduct(id, productId))
}
