import { z } from 'zod'
import type { BringHttp } from './bring-http'
import { emptyWhenNothingFound } from './bring-errors'

// Bring's current Postal Code API answers snake_case; its OpenAPI document is not published here, so
// the shape is checked defensively: what the app reads is required, the rest may come or not.
const currentShape = z.object({
  postal_codes: z
    .array(
      z.object({
        postal_code: z.string().optional(),
        city: z.string(),
        municipality: z.string().nullish(),
        county: z.string().nullish(),
        postal_code_type: z.string().nullish()
      })
    )
    .default([])
})
// The interface published until 2021 ({ postalCode: { city, postalcode, postalCodeType } }), read the same way.
const olderShape = z.object({ postalCode: z.object({ city: z.string().min(1), postalcode: z.string().optional(), postalCodeType: z.string().nullish() }) })
const answerSchema = z.union([olderShape, currentShape]).transform((a) =>
  'postal_codes' in a ? a : { postal_codes: [{ postal_code: a.postalCode.postalcode, city: a.postalCode.city, municipality: null, county: null, postal_code_type: a.postalCode.postalCodeType ?? null }] }
)

export interface PostalCodeFacts {
  city: string
  municipality: string | null
  county: string | null
  type: string | null
}

/**
 * GET /address/api/{countryCode}/postal-codes/{postalCode}: the code's city, null when Bring does not
 * know it, or 'no city' when the code is listed without one (the Sandbox's sample register answers so
 * for codes it does not hold: nothing can be filled or checked).
 */
export async function lookupPostalCode(http: BringHttp, countryCode: string, postalCode: string): Promise<PostalCodeFacts | null | 'no city'> {
  // A code Bring calls invalid, or finds nothing for, is an unknown code, not a failure.
  const res = await http({
    api: 'postalCode',
    method: 'GET',
    path: `/address/api/${encodeURIComponent(countryCode)}/postal-codes/${encodeURIComponent(postalCode)}`,
    schema: answerSchema,
    idempotent: true
  }).catch(emptyWhenNothingFound({ postal_codes: [] }))
  const first = res.postal_codes[0]
  if (first && first.city.trim() === '') return 'no city'
  return first ? { city: first.city, municipality: first.municipality ?? null, county: first.county ?? null, type: first.postal_code_type ?? null } : null
}
