import { describe, expect, it } from 'vitest'
import { bringRateLimits, createRateLimiter, parseRetryAfter } from '../../../../src/main/services/bring/rate-limiter'

describe('client-side rate limiting', () => {
  it('uses Bring’s documented rates: booking 18/s, shipping guide 120/s', () => {
    expect(bringRateLimits.booking).toBe(18)
    expect(bringRateLimits.shippingGuide).toBe(120)
  })

  it('lets 18 booking requests start in a second and makes the 19th wait for the window', async () => {
    let t = 0
    const waits: number[] = []
    const limiter = createRateLimiter(18, () => t, async (ms) => {
      waits.push(ms)
      t += ms
    })
    for (let i = 0; i < 18; i++) await limiter.acquire()
    expect(waits).toEqual([])
    t = 250
    await limiter.acquire()
    expect(waits).toEqual([750])
    expect(t).toBe(1000)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})
