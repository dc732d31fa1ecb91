import { useEffect, useRef, useState } from 'react'
import { useFormContext, useWatch, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { completePostalCode, type PostalCodeAnswer } from '@shared/domain/addresses'
import { call } from '../lib/ipc'

type Found = Extract<PostalCodeAnswer, { status: 'found' }>

export interface CityFromPostalCode {
  found: Found | null
  /** The clerk's city is not Bring's for the postal code, or is still empty: offer Bring's (↓ or the button). */
  differs: boolean
  useBringsCity(): void
}

/**
 * Postal code → city for one address, whatever holds its values: a complete postal code asks main
 * (Bring's Postal Code API, cached on the desk) in the background, and fills the city when it is empty
 * or was filled this way; a city the clerk typed is left alone and Bring's is offered instead. Typing
 * never waits. `setCity` is absent where there is no city to fill (the quote only names the place).
 */
export function useCityFromPostalCode(
  values: { postalCode?: string; countryCode?: string; city?: string },
  setCity?: (city: string, validate: boolean) => void,
  /** The clerk is in the city field: what they type must not land after a city filled under their cursor. */
  cityFocused: () => boolean = () => false
): CityFromPostalCode {
  const { postalCode, countryCode = 'NO', city } = values
  const [found, setFound] = useState<Found | null>(null)
  const filled = useRef<string | null>(null)
  const asked = useRef(0)
  // Read at answer time, so typing in the city does not ask Bring again.
  const latest = useRef({ city, setCity, cityFocused })
  latest.current = { city, setCity, cityFocused }

  useEffect(() => {
    const code = completePostalCode(countryCode, postalCode ?? '')
    if (!code) {
      setFound(null)
      return
    }
    const ticket = ++asked.current
    void call('addresses:postalCode', { countryCode, postalCode: code })
      .then((answer) => {
        if (ticket !== asked.current) return // a later code was typed meanwhile
        if (answer.status !== 'found') return setFound(null)
        setFound(answer)
        const { city: now, setCity: set, cityFocused: focused } = latest.current
        const current = (now ?? '').trim()
        // In the city field the clerk may be typing: Bring's city is offered there (↓), not written under the cursor.
        if (set && !focused() && (current === '' || current === filled.current)) {
          filled.current = answer.city
          set(answer.city, current !== '')
        }
      })
      .catch(() => setFound(null)) // offline and not cached: the clerk types the city, as before
  }, [postalCode, countryCode])

  const typed = (city ?? '').trim()
  const differs = Boolean(setCity && found && typed.toUpperCase() !== found.city.toUpperCase())
  return {
    found,
    differs,
    useBringsCity: () => {
      if (!found || !setCity) return
      filled.current = found.city
      setCity(found.city, true)
    }
  }
}

/** The form fields a postal code lookup reads and fills (a quote has no city: it only shows Bring's). */
export interface PostalCodeFields {
  postalCode: string
  countryCode: string
  city?: string
}

/** `useCityFromPostalCode` over react-hook-form fields. A form outside a FormProvider (the quote, a pickup) passes its own methods. */
export function usePostalCodeCity(fields: PostalCodeFields, own?: UseFormReturn<FieldValues, unknown, unknown>): CityFromPostalCode {
  const context = useFormContext()
  const { control, setValue } = own ?? context
  const [postalCode, countryCode, city] = useWatch({ control, name: [fields.postalCode, fields.countryCode, fields.city ?? fields.postalCode] as never }) as unknown as [string | undefined, string | undefined, string | undefined]
  const cityField = fields.city
  return useCityFromPostalCode(
    { postalCode, countryCode, city: cityField ? city : undefined },
    cityField ? (value, validate) => setValue(cityField as never, value as never, { shouldDirty: true, shouldValidate: validate }) : undefined,
    () => typeof document !== 'undefined' && document.activeElement?.getAttribute('name') === cityField
  )
}

/** A found code as a line under the field: "SANDVIKA · BÆRUM" (nothing when Bring has no city for it). */
export const placeName = (found: Found | null): string | undefined => (found ? [found.city, found.municipality !== found.city ? found.municipality : null].filter(Boolean).join(' · ') : undefined)
