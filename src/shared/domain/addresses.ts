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

/** Where to look for pickup points: the recipient's postal code and, as Bring recommends, street and number. */
export const pickupPointQuerySchema = z
  .object({
    countryCode: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
    postalCode: z.string().trim().max(10),
    street: z.string().trim().max(35).optional(),
    streetNumber: z.string().trim().max(10).optional()
  })
  .strict()

const dimensionsSchema = z.object({ length: z.number(), width: z.number(), height: z.number() })

/** A pickup point as the picker shows it (from Bring's Pickup Point API). */
export const pickupPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Parcel lockers take parcels up to their compartment size; manned points take any. */
  kind: z.enum(['manned', 'locker']),
  visitingAddress: z.string(),
  visitingPostalCode: z.string(),
  visitingCity: z.string(),
  openingHours: z.object({ nb: z.string(), en: z.string() }),
  distanceKm: z.number().nullable(),
  maxParcelDimensions: dimensionsSchema.nullable()
})
export type PickupPoint = z.infer<typeof pickupPointSchema>

export const pickupPointsAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), points: z.array(pickupPointSchema) }),
  /** No pickup points for that code (or the code is unknown), or Bring could not be asked. */
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('unavailable') })
])
export type PickupPointsAnswer = z.infer<typeof pickupPointsAnswerSchema>

/**
 * Why a parcel does not fit a locker, or null when it does: each package's sides, largest first, against
 * the compartment's, largest first (a parcel may be turned).
 */
export function lockerMisfit(max: { length: number; width: number; height: number } | null, packages: { lengthInCm?: number; widthInCm?: number; heightInCm?: number }[]): { package: number; sides: number[]; max: number[] } | null {
  if (!max) return null
  const limit = [max.length, max.width, max.height].sort((a, b) => b - a)
  for (const [i, p] of packages.entries()) {
    const sides = [p.lengthInCm ?? 0, p.widthInCm ?? 0, p.heightInCm ?? 0].sort((a, b) => b - a)
    if (sides.some((s, k) => s > limit[k])) return { package: i + 1, sides, max: limit }
  }
  return null
}
