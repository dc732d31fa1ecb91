import type { Mode } from '@shared/domain/mode'
import { completePostalCode, postalCodeCountries, postalCodeTypeSchema, type PostalCodeAnswer } from '@shared/domain/addresses'
import type { Logger } from '../log/logger'
import type { BringHttp } from '../bring/bring-http'
import { lookupPostalCode } from '../bring/postal-codes'
import type { CachedPostalCode, PostalCodeCache } from '../store/postal-codes'

/** An answer older than this is asked again (Bring's register changes slowly: new codes, closed P.O. boxes). */
export const POSTAL_CODE_MAX_AGE_MS = 30 * 24 * 3600_000

interface Deps {
  cache: PostalCodeCache
  /** Bring as the app's current mode reaches it (Sandbox: the built-in simulator). */
  http(): BringHttp
  mode(): Mode
  logger: Logger
  now?: () => Date
}

const covered = new Set<string>(postalCodeCountries)

function answerFrom(c: CachedPostalCode): PostalCodeAnswer {
  if (c.city === null) return { status: 'unknown' }
  const type = postalCodeTypeSchema.safeParse(c.type)
  return { status: 'found', city: c.city, municipality: c.municipality, county: c.county, type: type.success ? type.data : null, checkedAt: c.fetchedAt }
}

/**
 * Postal code → city: from this desk's cache when it has the code (also offline), else one request to
 * Bring's Postal Code API, remembered. Typing never waits on it (the window asks in the background),
 * and the same code asked twice at once is one request.
 */
export function createPostalCodeService(deps: Deps) {
  const now = deps.now ?? (() => new Date())
  const inFlight = new Map<string, Promise<PostalCodeAnswer>>()

  async function ask(source: 'sandbox' | 'bring', country: string, code: string, cached: CachedPostalCode | null): Promise<PostalCodeAnswer> {
    try {
      const facts = await lookupPostalCode(deps.http(), country, code)
      if (facts === 'no city') return cached ? answerFrom(cached) : { status: 'unavailable' }
      const answer: CachedPostalCode = { city: facts?.city ?? null, municipality: facts?.municipality ?? null, county: facts?.county ?? null, type: facts?.type ?? null, fetchedAt: now().toISOString() }
      await deps.cache.put(source, country, code, answer)
      return answerFrom(answer)
    } catch (err) {
      // Offline or Bring busy: an old answer is better than none; with none, the clerk types the city.
      deps.logger.warn({ country, problem: (err as Error).message }, 'postal code lookup failed')
      return cached ? answerFrom(cached) : { status: 'unavailable' }
    }
  }

  return {
    async lookup(countryCode: string, postalCode: string): Promise<PostalCodeAnswer> {
      const country = countryCode.toUpperCase()
      if (!covered.has(country)) return { status: 'unsupported' }
      const code = completePostalCode(country, postalCode)
      if (!code) return { status: 'unknown' }
      const source = deps.mode() === 'sandbox' ? 'sandbox' : 'bring'
      const cached = await deps.cache.get(source, country, code)
      if (cached && now().getTime() - Date.parse(cached.fetchedAt) < POSTAL_CODE_MAX_AGE_MS) return answerFrom(cached)
      const key = `${source}:${country}:${code}`
      const running = inFlight.get(key)
      if (running) return running
      const asked = ask(source, country, code, cached).finally(() => inFlight.delete(key))
      inFlight.set(key, asked)
      return asked
    }
  }
}
export type PostalCodeService = ReturnType<typeof createPostalCodeService>
