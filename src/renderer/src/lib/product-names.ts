import type { ProductView } from '@shared/catalogue/products'
import type { Language } from '@shared/domain/settings'

// Bring's product catalogue is ~37 kB of data. The Customers screen (the one the window opens on)
// names its services with it, but the first paint does not need it: it is its own chunk, fetched
// alongside the customer list (see useCustomersStore) instead of parsed before the window paints.
type Catalogue = typeof import('@shared/catalogue/products')
let catalogue: Catalogue | null = null
let loading: Promise<void> | null = null

export function loadProductNames(): Promise<void> {
  loading ??= import('@shared/catalogue/products').then(
    (m) => void (catalogue = m),
    (err: unknown) => {
      loading = null
      throw err
    }
  )
  return loading
}

/** A product's name and description; the bare id (flagged unknown) until loadProductNames has settled. */
export function describeProductId(id: string, lang: Language): ProductView {
  return catalogue ? catalogue.describeProduct(id, lang) : { id, name: id, description: '', known: false }
}
