import { describe, expect, it } from 'vitest'
import { bringRateLimits, createRateLimiter, parseRetryAfter, WINDOW_SAFETY_MS } from '../../../../src/main/services/bring/rate-limiter'

describe('client-side rate limiting', () => {
  it('uses Bring’s documented rates: booking 18/s, shipping guide 120/s', () => {
    expect(bringRateLimits.booking).toBe(18)
    expect(bringRateLimits.shippingGuide).toBe(120)
  })

  it('lets 18 booking requests start in a second and makes the 19th wait for the window', async () => {
    let t = 0
    const waits: number[] = []
    const limiter = createRateLimiter(18, {
      now: () => t,
      sleep: async (ms) => {
        waits.push(ms)
        t += ms
      }
    })
    for (let i = 0; i < 18; i++) await limiter.acquire()
    expect(waits).toEqual([])
    t = 250
    await limiter.acquire()
    expect(waits).toEqual([750 + WINDOW_SAFETY_MS])
    expect(t).toBe(1000 + WINDOW_SAFETY_MS)
  })

  it('paces a batch of 200 bookings from 8 parallel workers at ≥ 0.9 × 18/s, never more than 18 in any second (fake clock)', async () => {
    let t = 0
    // A fake clock where sleeping advances time; every request takes 120 ms to answer.
    const timers: { at: number; resolve: () => void }[] = []
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => timers.push({ at: t + ms, resolve }))
    const limiter = createRateLimiter(18, { now: () => t, sleep, evenly: true }) // as bring-http builds the booking limiter
    const starts: number[] = []
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < 200) {
        next++
        await limiter.acquire()
        starts.push(t)
        await sleep(120)
      }
    }
    const done = Promise.all(Array.from({ length: 8 }, worker))
    let finished = false
    void done.then(() => (finished = true))
    while (!finished) {
      await new Promise((r) => setImmediate(r))
      timers.sort((a, b) => a.at - b.at)
      const timer = timers.shift()
      if (!timer) continue
      t = Math.max(t, timer.at)
      timer.resolve()
    }
    expect(starts).toHaveLength(200)
    const busiest = Math.max(...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length))
    expect(busiest).toBeLessThanOrEqual(18)
    const rate = (starts.length - 1) / ((starts.at(-1)! - starts[0]) / 1000)
    expect(rate / 18).toBeGreaterThanOrEqual(0.9)
    expect(rate).toBeLessThanOrEqual(18)
    // Evenly spaced: no two starts closer than 1/18 of the window, so a late arrival cannot crowd a second.
    const gaps = starts.slice(1).map((s, i) => s - starts[i])
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1050 / 18)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
})
