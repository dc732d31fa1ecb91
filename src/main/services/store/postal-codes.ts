import type { StoreEngine } from './engine'

/** Bring's answer for one postal code, as kept (null city: Bring does not know the code). */
export interface CachedPostalCode {
  city: string | null
  municipality: string | null
  county: string | null
  type: string | null
  fetchedAt: string
}

/**
 * The postal codes this desk has looked up, kept in its own file (also in team mode): one request per
 * code, answers reused offline. Keyed by where the answer came from (the Sandbox's register is not Bring's).
 */
export interface PostalCodeCache {
  readonly engine: StoreEngine
  get(source: 'sandbox' | 'bring', countryCode: string, postalCode: string): Promise<CachedPostalCode | null>
  put(source: 'sandbox' | 'bring', countryCode: string, postalCode: string, answer: CachedPostalCode): Promise<void>
}
