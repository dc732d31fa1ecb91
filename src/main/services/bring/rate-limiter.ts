/** Bring's documented per-API request rates (requests per second). */
export const bringRateLimits = {
  booking: 18,
  shippingGuide: 120,
  customerInfo: 10,
  pickup: 10
} as const
export type BringApi = keyof typeof bringRateLimits

export interface RateLimiter {
  /** Resolves when one more request may start without exceeding the limit. */
  acquire(): Promise<void>
}

/** Sliding one-second window: at most `perSecond` starts in any 1000 ms. */
export function createRateLimiter(perSecond: number, now = () => Date.now(), sleep = defaultSleep): RateLimiter {
  const starts: number[] = []
  let chain = Promise.resolve()
  return {
    acquire() {
      // Serialise waiters so they take slots in arrival order.
      const turn = chain.then(async () => {
        for (;;) {
          const t = now()
          while (starts.length > 0 && t - starts[0] >= 1000) starts.shift()
          if (starts.length < perSecond) {
            starts.push(t)
            return
          }
          await sleep(1000 - (t - starts[0]))
        }
      })
      chain = turn
      return turn
    }
  }
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Retry-After is either delta-seconds or an HTTP date. Returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
