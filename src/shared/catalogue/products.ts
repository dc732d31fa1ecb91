import raw from './bring-catalogue.json'
import type { Language } from '../domain/settings'
import { MAILBOX_PICKUP_VAS, mailboxPickupProducts } from '../domain/pickup'

export interface CatalogueProduct {
  id: string
  code: string
  nameEn: string
  nameNb?: string
  family: string
  type?: string
  usage?: string
  maxWeight?: string
  maxSize?: string
  maxLWH?: string
  booking: boolean
  shippingGuide: boolean
  note?: string
}

const products = raw.products as Record<string, CatalogueProduct>

export interface ProductView {
  id: string
  name: string
  description: string
  known: boolean
}

/** A product id with a human name and a short description; unknown ids come back as-is, flagged. */
export function describeProduct(id: string, lang: Language): ProductView {
  const p = products[id]
  if (!p) return { id, name: id, description: '', known: false }
  const name = (lang === 'nb' && p.nameNb) || p.nameEn
  const limits = [p.maxWeight && `max ${p.maxWeight}`, p.maxSize, p.maxLWH].filter(Boolean).join(', ')
  const description = [p.family, p.code !== p.id ? `code ${p.code}` : '', limits, p.usage ?? ''].filter(Boolean).join(' · ')
  return { id, name, description, known: true }
}

export function catalogueProductIds(): string[] {
  return Object.keys(products)
}

export function catalogueProduct(id: string): CatalogueProduct | undefined {
  return products[id]
}

interface CatalogueVas {
  code: string
  nameEn: string
  nameNb?: string
  description?: string
  incompatibleWith: string[]
  products: string[]
}
const vas = raw.vas as Record<string, CatalogueVas>

export interface VasView {
  code: string
  name: string
  description: string
  /** Codes of other VAS this one cannot be combined with. */
  incompatible: string[]
}

/** Additional services Bring lists for a product (matched on its production code). */
export function additionalServicesFor(productId: string, lang: Language): VasView[] {
  const code = products[productId]?.code ?? productId
  const all = Object.values(vas)
  const byName = new Map(all.map((v) => [v.nameEn, v.code]))
  return all
    .filter((v) => v.products.includes(code))
    .map((v) => ({
      code: v.code,
      name: (lang === 'nb' && v.nameNb) || v.nameEn,
      description: v.description ?? '',
      incompatible: v.incompatibleWith.map((n) => byName.get(n)).filter((c): c is string => Boolean(c))
    }))
}

/** Bring's return services (Booking API ids), offered as "return label" with an outgoing parcel. */
export const returnProductIds = ['9000', '9300', '9350', '9600', 'PICKUP_PARCEL_RETURN', 'BUSINESS_PARCEL_RETURN']

export function isBookable(id: string): boolean {
  return products[id]?.booking ?? true
}

/** Mailbox pickup (VAS 1073) for C2C mailbox-pickup services, from the Pickup API guide; Bring's catalogue lists 1073 for 5400 only. */
const mailboxPickupVas: VasView = { code: MAILBOX_PICKUP_VAS, name: 'Pickup from mailbox', description: 'The sender drops the parcel in their own mailbox; Bring picks it up.', incompatible: [] }

export function additionalServicesWithPickup(productId: string, lang: Language): VasView[] {
  const listed = additionalServicesFor(productId, lang)
  if (!mailboxPickupProducts.has(productId) || listed.some((v) => v.code === MAILBOX_PICKUP_VAS)) return listed
  return [...listed, lang === 'nb' ? { ...mailboxPickupVas, name: 'Henting i postkassen' } : mailboxPickupVas]
}
