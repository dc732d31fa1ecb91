import { useEffect, useRef, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import type { PostalCodeAnswer } from '@shared/domain/postal-code-lookup'
import { completePostalCode } from '@shared/domain/postal-code-lookup'
import { call } from '../lib/ipc'

type Found = Extract<PostalCodeAnswer, { status: 'found' }>

/**
 * Postal code → city for one party's fields: a complete postal code asks main (Bring's Postal Code API,
 * cached on the desk) in the background, and fills the city when it is empty or was filled this way;
 * a city the clerk typed is left alone and Bring's is offered instead. Typing never waits.
 */
export function usePostalCodeCity(prefix: string): { found: Found | null; differs: boolean; useBringsCity(): void } {
  const { control, setValue, getValues } = useFormContext<Record<string, { postalCode?: string; countryCode?: string; city?: string }>>()
  const [postalCode, countryCode, city] = useWatch({ control, name: [`${prefix}.postalCode`, `${prefix}.countryCode`, `${prefix}.city`] as never }) as unknown as [string | undefined, string | undefined, string | undefined]
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
        const current = String(getValues(`${prefix}.city` as never) ?? '').trim()
        if (current === '' || current === filled.current) {
          filled.current = answer.city
          setValue(`${prefix}.city` as never, answer.city as never, { shouldDirty: true, shouldValidate: current !== '' })
        }
      })
      .catch(() => setFound(null)) // offline and not cached: the clerk types the city, as before
  }, [prefix, postalCode, countryCode, getValues, setValue])

  const differs = Boolean(found && (city ?? '').trim() !== '' && (city ?? '').trim().toUpperCase() !== found.city.toUpperCase())
  return {
    found,
    differs,
    useBringsCity: () => {
      if (!found) return
      filled.current = found.city
      setValue(`${prefix}.city` as never, found.city as never, { shouldDirty: true, shouldValidate: true })
    }
  }
}
