import limits from './product-limits.json'

/**
 * What Bring's catalogue says a product can carry: where to, and how heavy and large a package may
 * be. A small table made from the catalogue by scripts/build-catalogue.mjs (the booking schema checks
 * every form with it; the full catalogue stays out of the window's first chunk).
 */
export interface ProductLimits {
  /** "Parcel/Cargo Norway domestic": from Norway to Norway only. */
  domesticOnly?: boolean
  maxWeightKg?: number
  /** The longest side. */
  maxLengthCm?: number
  /** Length + width + height. */
  maxSumCm?: number
}

const table = limits as Record<string, ProductLimits>

/** The product's limits; a product the catalogue does not know has none. */
export const productLimits = (id: string): ProductLimits | undefined => table[id]
