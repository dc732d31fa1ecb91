import { z } from 'zod'

/** Countries Bring's Postal Code API covers; elsewhere the clerk types the city. */
export const postalCodeCountries = ['NO', 'DK', 'SE', 'FI', 'NL', 'DE', 'US', 'BE', 'FO', 'GL', 'IS', 'SJ'] as const

export const postalCodeTypeSchema = z.enum(['NORMAL', 'POBOX', 'SPECIALCUSTOMER', 'SERVICE', 'STREET_ADDRESS', 'MIXED', 'PLACEHOLDER'])

export const postalCodeQuerySchema = z
  .object({
    countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
    postalCode: z.string().trim().max(10)
  })
  .strict()

/** What the window learns about a postal code: Bring's city (and where it lies), or why there is none. */
export const postalCodeAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), city: z.string(), municipality: z.string().nullable(), county: z.string().nullable(), type: postalCodeTypeSchema.nullable(), checkedAt: z.string() }),
  /** Bring (or the Sandbox's register) does not know the code. */
  z.object({ status: z.literal('unknown') }),
  /** Bring has no postal codes for this country: the clerk types the city. */
  z.object({ status: z.literal('unsupported') }),
  /** Not known here yet and Bring could not be asked (offline, busy): nothing changes. */
  z.object({ status: z.literal('unavailable') })
])
export type PostalCodeAnswer = z.infer<typeof postalCodeAnswerSchema>

/** A postal code complete enough to look up (Norway 4 digits, Sweden 5, …); shorter ones are still being typed. */
export function completePostalCode(countryCode: string, postalCode: string): string | null {
  const code = postalCode.replace(/\s/g, '')
  const digits: Record<string, number> = { NO: 4, DK: 4, SE: 5, FI: 5, DE: 5, IS: 3, FO: 3, GL: 4, SJ: 4, BE: 4, US: 5 }
  const want = digits[countryCode.toUpperCase()]
  if (want) return new RegExp(`^\\d{${want}}$`).test(code) ? code : null
  if (countryCode.toUpperCase() === 'NL') return /^\d{4}[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : null
  return null
}
