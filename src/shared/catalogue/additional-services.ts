import { vas as rawVas } from './bring-catalogue.json'
import type { Language } from '../domain/settings'
import { MAILBOX_PICKUP_VAS, mailboxPickupProducts } from '../domain/pickup'
import { catalogueProduct } from './products'

interface CatalogueVas {
  code: string
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
    .filter((v) => v.products.includes(code))
    .map((v) => ({
      code: v.code,
      name: (lang === 'nb' && v.nameNb) || v.nameEn,
      description: v.description ?? '',
      incompatible: v.incompatibleWith.map((n) => byName.get(n)).filter((c): c is string => Boolean(c))
    }))
}

/** Mailbox pickup (VAS 1073) for C2C mailbox-pickup services, from the Pickup API guide; Bring's catalogue lists 1073 for 5400 only. */
const mailboxPickupVas: VasView = { code: MAILBOX_PICKUP_VAS, name: 'Pickup from mailbox', description: 'The sender drops the parcel in their own mailbox; Bring picks it up.', incompatible: [] }

export function additionalServicesWithPickup(productId: string, lang: Language): VasView[] {
  const listed = additionalServicesFor(productId, lang)
  if (!mailboxPickupProducts.has(productId) || listed.some((v) => v.code === MAILBOX_PICKUP_VAS)) return listed
  return [...listed, lang === 'nb' ? { ...mailboxPickupVas, name: 'Henting i postkassen' } : mailboxPickupVas]
}
