/** Bring's documented per-API request rates (requests per second). */
export const bringRateLimits = {
  booking: 18,
  shippingGuide: 120,
  customerInfo: 10,
  pickup: 10,
  /** Bring's Postal Code API takes 300 a second; a clerk's typing stays far under it. */
  postalCode: 280,
  /** Bring's Pickup Point API takes 80 a second. */
  pickupPoint: 75,
  /** Not published; kept low (polling is background work) — 429s back it off further. */
  tracking: 5
} as const
export type BringApi = keyof typeof bringRateLimits

export interface RateLimiter {
  /** Resolves when one more request may start without exceeding the limit. */
  acquire(): Promise<void>
}

/**
 * Bring counts a request when it arrives, we count it when it starts: a request held up on its way
 * (a busy event loop, a slow TLS handshake) can land in the same second as the next ones. The window
 * is that much longer than a second, costing about 5 % of the rate and sparing a 429 and its wait.
 */
export const WINDOW_SAFETY_MS = 50

export interface RateLimiterOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  windowMs?: number
  /** Spread the requests over the window instead of letting a burst go at once. */
  evenly?: boolean
}

/**
 * Sliding window: at most `perSecond` starts in any 1000 ms plus the safety margin. `evenly` also
 * spaces starts by window/perSecond: a burst of 18 opening fresh connections arrives spread out, and
 * its late arrivals would share Bring's second with the next burst; evenly paced requests need a
 * delay of a whole gap (58 ms) to collide. Used for bookings, where a batch runs at the limit.
 */
export function createRateLimiter(perSecond: number, { now = () => Date.now(), sleep = defaultSleep, windowMs = 1000 + WINDOW_SAFETY_MS, evenly = false }: RateLimiterOptions = {}): RateLimiter {
  const gapMs = evenly ? windowMs / perSecond : 0
  const starts: number[] = []
  let chain = Promise.resolve()
  return {
    acquire() {
      // Serialise waiters so they take slots in arrival order.
      const turn = chain.then(async () => {
        for (;;) {
          const t = now()
          while (starts.length > 0 && t - starts[0] >= windowMs) starts.shift()
          const last = starts.at(-1)
          if (starts.length < perSecond && (last === undefined || t - last >= gapMs)) {
            starts.push(t)
            return
          }
          // Whole milliseconds: timers have no finer grain, and a fraction could round to no wait at all.
          await sleep(Math.max(1, Math.ceil(starts.length < perSecond ? gapMs - (t - last!) : windowMs - (t - starts[0]))))
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
