import { useEffect, useRef, useState } from 'react'
import { useFormContext, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { completePostalCode, type PostalCodeAnswer } from '@shared/domain/addresses'
import { call } from '../lib/ipc'

type Found = Extract<PostalCodeAnswer, { status: 'found' }>

/** The form fields a postal code lookup reads and fills (a quote has no city: it only shows Bring's). */
export interface PostalCodeFields {
  postalCode: string
  countryCode: string
  city?: string
}

/**
 * Postal code → city for one address's fields: a complete postal code asks main (Bring's Postal Code API,
 * cached on the desk) in the background, and fills the city when it is empty or was filled this way;
 * a city the clerk typed is left alone and Bring's is offered instead. Typing never waits.
 */
// A form outside a FormProvider (the quote, a pickup) passes its own methods.
export function usePostalCodeCity(fields: PostalCodeFields, own?: UseFormReturn<FieldValues, unknown, unknown>): { found: Found | null; differs: boolean; useBringsCity(): void } {
  const context = useFormContext()
  const { control, setValue, getValues } = own ?? context
  const [postalCode, countryCode, city] = useWatch({ control, name: [fields.postalCode, fields.countryCode, fields.city ?? fields.postalCode] as never }) as unknown as [string | undefined, string | undefined, string | undefined]
  const cityField = fields.city
  const [found, setFound] = useState<Found | null>(null)
  const filled = useRef<string | null>(null)
  const asked = useRef(0)

  useEffect(() => {
    const code = completePostalCode(countryCode ?? 'NO', postalCode ?? '')
    if (!code) {
      setFound(null)
      return
    }
    const ticket = ++asked.current
    void call('addresses:postalCode', { countryCode: countryCode ?? 'NO', postalCode: code })
      .then((answer) => {
        if (ticket !== asked.current) return // a later code was typed meanwhile
        if (answer.status !== 'found') return setFound(null)
        setFound(answer)
        if (!cityField) return
        const current = String(getValues(cityField as never) ?? '').trim()
        if (current === '' || current === filled.current) {
          filled.current = answer.city
          setValue(cityField as never, answer.city as never, { shouldDirty: true, shouldValidate: current !== '' })
        }
      })
      .catch(() => setFound(null)) // offline and not cached: the clerk types the city, as before
  }, [cityField, postalCode, countryCode, getValues, setValue])

  const differs = Boolean(cityField && found && (city ?? '').trim() !== '' && (city ?? '').trim().toUpperCase() !== found.city.toUpperCase())
  return {
    found,
    differs,
    useBringsCity: () => {
      if (!found || !cityField) return
      filled.current = found.city
      setValue(cityField as never, found.city as never, { shouldDirty: true, shouldValidate: true })
    }
  }
}

/** A found code as a line under the field: "SANDVIKA · BÆRUM" (nothing when Bring has no city for it). */
export const placeName = (found: Found | null): string | undefined => (found ? [found.city, found.municipality !== found.city ? found.municipality : null].filter(Boolean).join(' · ') : undefined)
