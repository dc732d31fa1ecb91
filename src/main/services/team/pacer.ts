import { sql, type Kysely } from 'kysely'
import type { RateLimiter } from '../bring/rate-limiter'
import { defaultSleep } from '../bring/rate-limiter'

export const SHARED_WINDOW_SAFETY_MS = 80
const COLD_AFTER_MS = 10_000
const COLD_SLOTS = 3
/** How long after a reconnect starts are spaced twice as far apart. */
const CAUTIOUS_MS = 3000
import type { SharedSchema } from '../store/postgres/schema'

/**
 * Bring's limit is per API user, however many desks use it: in team mode every desk takes its next
 * booking start from the shared database. Starts are spaced evenly (window / rate, as the one-desk
 * limiter does), on the database server's clock, so desks' clocks never disagree about them.
 * An unreachable database throws before anything is sent (the booking is then "not sent").
 */
export function createSharedPacer(
  open: () => Promise<{ db: Kysely<SharedSchema> }>,
  apiUser: () => string,
  perSecond: number,
  opts: { windowMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {}
): RateLimiter & { reconnected(): void } {
  // Desks reach Bring by different roads (their own machine, network and event loop): a start that
  // runs late next to one on time is likelier than in one process, so the window is a little longer.
  const gapSeconds = (opts.windowMs ?? 1000 + SHARED_WINDOW_SAFETY_MS) / perSecond / 1000
  const sleep = opts.sleep ?? defaultSleep
  const now = opts.now ?? (() => Date.now())
  let lastStart = -Infinity
  let cautiousUntil = -Infinity
  return {
    /**
     * The database was away: bookings held up meanwhile (and other desks') all start again at once, on
     * fresh connections that leave late. For a while each start takes the room of two, the first of three.
     */
    reconnected() {
      lastStart = -Infinity
      cautiousUntil = now() + CAUTIOUS_MS
    },
    async acquire() {
      // A desk's first request after a pause leaves late (a new connection, cold code) and would land
      // next to the one after it: it takes the room of COLD_SLOTS starts. Only the first: decided before any wait.
      const cold = now() - lastStart > COLD_AFTER_MS
      lastStart = now()
      const slots = cold ? COLD_SLOTS : now() < cautiousUntil ? 2 : 1
      const { db } = await open()
      const { rows } = await sql<{ wait_ms: number }>`
        INSERT INTO bring_pacing AS p (api_user, next_at) VALUES (${apiUser()}, clock_timestamp() + make_interval(secs => ${gapSeconds * slots}))
        ON CONFLICT (api_user) DO UPDATE SET next_at = greatest(p.next_at, clock_timestamp()) + make_interval(secs => ${gapSeconds * slots})
        RETURNING (extract(epoch FROM (p.next_at - make_interval(secs => ${gapSeconds * slots}) - clock_timestamp())) * 1000)::float8 AS wait_ms`.execute(db)
      const wait = rows[0].wait_ms
      if (wait > 0) await sleep(Math.ceil(wait))
    }
  }
}
