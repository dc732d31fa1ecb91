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
  const w = lang === 'nb' ? norwegian : english
  const limits = [p.maxWeight && `${w.max} ${p.maxWeight}`, p.maxSize && w.size(p.maxSize), p.maxLWH && w.size(p.maxLWH)].filter(Boolean).join(', ')
  const description = [w.family(p.family), p.code !== p.id ? `${w.code} ${p.code}` : '', limits, p.usage ? w.usage(p.usage) : ''].filter(Boolean).join(' · ')
  return { id, name, description, known: true }
}

// Bring publishes service groups, limits and usage notes in English only. A Norwegian window gets
// them in Norwegian: the groups and notes are a short, fixed list (a new one shows in English), the
// limits follow two patterns ("240 cm long", "L+W+H: 360 cm").
const same = (text: string): string => text
const english = { max: 'max', code: 'code', family: same, usage: same, size: same }
const familiesNb: Record<string, string> = {
  'Courier and Express': 'Kurér og ekspress',
  'Home Delivery': 'Hjemlevering',
  'Parcel Norway domestic': 'Pakke Norge innenlands',
  Letter: 'Brev',
  'Cargo Norway domestic': 'Stykkgods Norge innenlands',
  'Parcel Sweden, Denmark, Finland & Parcel Norway cross-border': 'Pakke Sverige, Danmark, Finland og Pakke Norge over grensen',
  'Cargo Norway international': 'Stykkgods Norge internasjonalt',
  'Supply base logistics': 'Logistikk for forsyningsbaser',
  'Parcel Norway': 'Pakke Norge',
  'Parcels Norway': 'Pakker Norge',
  'Parcel Sweden': 'Pakke Sverige'
}
const usagesNb: Record<string, string> = {
  'If you have an RFID printer': 'Hvis du har en RFID-skriver',
  'If you do not have an RFID printer': 'Hvis du ikke har en RFID-skriver'
}
const norwegian = {
  max: 'maks',
  code: 'kode',
  family: (text: string) => familiesNb[text] ?? text,
  usage: (text: string) => usagesNb[text] ?? text,
  size: (text: string) => text.replace(/\blong$/, 'lang').replace(/^L\+W\+H:/, 'L+B+H:')
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

