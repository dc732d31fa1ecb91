// A named import of one top-level key: the bundler leaves the additional services out of screens
// that only name products.
import { products as rawProducts } from './bring-catalogue.json'
import type { Language } from '../domain/settings'

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

const products = rawProducts as Record<string, CatalogueProduct>

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

/** Bring's return services (Booking API ids), offered as "return label" with an outgoing parcel. */
export const returnProductIds = ['9000', '9300', '9350', '9600', 'PICKUP_PARCEL_RETURN', 'BUSINESS_PARCEL_RETURN']

export function isBookable(id: string): boolean {
  return products[id]?.booking ?? true
}
