import { describe, expect, it } from 'vitest'
import responseExample from '../../fixtures/bring/shipping-guide-response.example.json'
import { createQuoteService, QUOTE_CACHE_MAX } from '../../../src/main/services/quote/quote-service'
import { createSimulator } from '../../../src/main/services/bring-simulator/engine'
import { createInProcessFetch } from '../../../src/main/services/bring-simulator/in-process-fetch'
import type { BringHttp } from '../../../src/main/services/bring/bring-http'
import { quoteInputSchema } from '../../../src/shared/domain/quote'
import { osloDate } from '../../../src/shared/domain/fields'

describe('memory that does not only grow', () => {
  it('the quote cache keeps at most its cap of distinct quotes, the newest ones', async () => {
    let calls = 0
    // Bring's published example answer, for every call: the service under test is the cache.
    const http = (async (req) => (calls++, req.schema.parse(responseExample))) as BringHttp
    const quotes = createQuoteService()
    const customer = { customerNumber: '5', name: 'Demo', countryCode: 'NO', products: ['5800'] }
    const input = (grams: number) => quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: osloDate(), packages: [{ weightKg: grams / 1000 }], customerNumbers: ['5'] })
    const opts = { refresh: false, cacheScope: 'sandbox:' }
    for (let g = 1; g <= QUOTE_CACHE_MAX + 50; g++) await quotes.quote(http, input(g), [customer], 'en', opts)
    expect(quotes.cacheSize()).toBe(QUOTE_CACHE_MAX)
    const before = calls
    expect((await quotes.quote(http, input(QUOTE_CACHE_MAX + 50), [customer], 'en', opts)).fromCache).toBe(true)
    expect((await quotes.quote(http, input(1), [customer], 'en', opts)).fromCache).toBe(false)
    expect(calls).toBe(before + 1)
  })

  it('the Sandbox simulator remembers only its most recent requests', async () => {
    const sim = createSimulator({ maxRequests: 25 })
    const fetch = createInProcessFetch(sim)
    for (let i = 0; i < 60; i++) await fetch(`${fetch.origin}/no-such-route/${i}`, { method: 'GET' })
    expect(sim.requests).toHaveLength(25)
    expect(sim.requests.at(-1)?.path).toBe('/no-such-route/59')
    expect(sim.requests[0].path).toBe('/no-such-route/35')
  })
})
