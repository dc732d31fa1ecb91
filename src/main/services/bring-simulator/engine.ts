import { bringRateLimits, type BringApi } from '../bring/rate-limiter'
import { createFaultBook, type Fault, type FaultBook } from './faults'
import { trackingRoutes } from './routes/tracking'
import { sandboxAccount } from './demo-data'
import { customerInfoRoutes } from './routes/customer-info'
import { shippingGuideRoutes } from './routes/shipping-guide'
import { bookingRoutes } from './routes/booking'
import { pickupRoutes } from './routes/pickup'
import { postalCodeRoutes } from './routes/postal-codes'
import { pickupPointRoutes } from './routes/pickup-points'
import type { SimAccount, SimApiModule, SimReply, SimRequestRecord, SimRoute, SimState, SimJourney } from './types'

/** What the engine decided; the in-process fetch and the HTTP server each act it out. */
export type SimOutcome =
  | { kind: 'reply'; reply: SimReply }
  | { kind: 'reset' }
  | { kind: 'hang' }

export interface SimulatorOptions {
  accounts?: SimAccount[]
  rateLimits?: Partial<Record<BringApi, number>>
  modules?: SimApiModule[]
  now?: () => Date
  /** How many recent requests to keep (the Sandbox runs for the life of the app). */
  maxRequests?: number
}

export const DEFAULT_MAX_REQUESTS = 1000

export interface Simulator {
  handle(req: Request): Promise<SimOutcome>
  faults: FaultBook
  /** Shared between API modules: pickups known to the simulator by shipment number. */
  state: SimState
  /** The most recent requests (at most `maxRequests`), newest last; bodies kept, auth headers never stored. */
  requests: SimRequestRecord[]
  accounts: SimAccount[]
  /** Moves the simulator's clock forward (shipments it tracks move on with it). */
  advanceClock(ms: number): void
  /** The next bookings' tracking journeys, in order (e.g. a deviation for a "needs attention" test). */
  scriptJourneys(...journeys: SimJourney[]): void
  reset(): void
}

export const defaultModules: SimApiModule[] = [customerInfoRoutes, shippingGuideRoutes, bookingRoutes, pickupRoutes, trackingRoutes, postalCodeRoutes, pickupPointRoutes]

const bringError = (status: number, message: string): SimReply => ({ status, body: { message, status } })

/** A strict fake Bring: checks auth headers and bodies, rate-limits with 429, injects faults per route. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const accounts = options.accounts ?? [sandboxAccount]
  const base = options.now ?? (() => new Date())
  // Tests (and the e2e "advance the clock") move the simulator's time forward; tracking follows it.
  let offsetMs = 0
  const now = (): Date => new Date(base().getTime() + offsetMs)
  const limits = { ...bringRateLimits, ...options.rateLimits }
  const state: SimState = { bookings: new Map(), consignments: new Map(), pickups: new Map(), scriptedJourneys: [] }
  const routes: SimRoute[] = (options.modules ?? defaultModules).flatMap((m) => m({ accounts, state }))
  const faults = createFaultBook()
  const requests: SimRequestRecord[] = []
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS
  const windows = new Map<string, number[]>()

  function overLimit(api: BringApi, apiUid: string): boolean {
    const key = `${api}:${apiUid}`
    const t = Date.now()
    const starts = (windows.get(key) ?? []).filter((s) => t - s < 1000)
    starts.push(t)
    windows.set(key, starts)
    return starts.length > limits[api]
  }

  async function route(req: Request, url: URL, record: SimRequestRecord, fault: Fault | undefined): Promise<SimOutcome> {
    const match = findRoute(routes, req.method, url.pathname)
    if (!match) return reply(bringError(404, `No such endpoint: ${req.method} ${url.pathname}`))
    const [r, params] = match
    record.routeId = r.id

    // Read first, so the log shows what was sent even when it is refused (401, 429).
    const text = await req.text()
    try {
      record.body = text === '' ? undefined : JSON.parse(text)
    } catch {
      record.body = text.slice(0, 1000)
    }

    const uid = req.headers.get('x-mybring-api-uid')
    const key = req.headers.get('x-mybring-api-key')
    let account: SimAccount | undefined
    if (!r.public) {
      if (!uid || !key) return reply(bringError(401, 'Missing X-Mybring-API-Uid or X-Mybring-API-Key header'))
      account = accounts.find((a) => a.apiUid === uid && a.apiKey === key)
      if (!account) return reply(bringError(401, 'Authentication failed: unknown API user or wrong API key'))
      if (!req.headers.get('x-bring-client-url')) return reply(bringError(400, 'X-Bring-Client-URL header is required'))
      if (overLimit(r.api, uid)) return reply({ ...bringError(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } })
    } else if (uid && r.api === 'tracking' && overLimit(r.api, uid)) {
      // Open to anyone, but an API user's tracking calls count against its rate.
      return reply({ ...bringError(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } })
    }

    let body: unknown
    if (text !== '') {
      if (!/application\/json/i.test(req.headers.get('content-type') ?? '')) return reply(bringError(415, 'Content-Type must be application/json'))
      try {
        body = JSON.parse(text)
      } catch {
        return reply(bringError(400, 'Request body is not valid JSON'))
      }
    }
    record.body = body

    const before = fault && !('afterHandling' in fault && fault.afterHandling)
    if (before && fault) {
      const early = applyFault(fault)
      if (early) return early
    }
    const result = await r.handle({ url, params, headers: req.headers, body, account: account ?? accounts[0], now: now() })
    if (fault && !before) return applyFault(fault) ?? reply(result)
    if (fault?.kind === 'malformed') return reply({ status: 200, raw: { bytes: new TextEncoder().encode('{"customers": [ {"broken'), contentType: 'application/json' } })
    return reply(result)
  }

  return {
    faults,
    requests,
    accounts,
    state,
    advanceClock(ms: number) {
      offsetMs += ms
    },
    scriptJourneys(...journeys) {
      state.scriptedJourneys.push(...journeys)
    },
    reset() {
      faults.clear()
      requests.length = 0
      windows.clear()
    },
    async handle(req) {
      const url = new URL(req.url)
      const record: SimRequestRecord = { routeId: null, method: req.method, path: url.pathname + url.search, status: 0, at: new Date().toISOString(), body: undefined }
      requests.push(record)
      if (requests.length > maxRequests) requests.splice(0, requests.length - maxRequests)
      const match = findRoute(routes, req.method, url.pathname)
      const fault = match ? faults.take(match[0].id) : undefined
      if (fault?.kind === 'latency') await new Promise((r) => setTimeout(r, fault.ms))
      const outcome = await route(req, url, record, fault?.kind === 'latency' ? undefined : fault)
      record.status = outcome.kind === 'reply' ? outcome.reply.status : outcome.kind === 'reset' ? 'reset' : 'timeout'
      return outcome
    }
  }
}

function reply(r: SimReply): SimOutcome {
  return { kind: 'reply', reply: r }
}

function applyFault(fault: Fault): SimOutcome | undefined {
  switch (fault.kind) {
    case 'status':
      return reply({
        ...bringError(fault.status, fault.status === 429 ? 'Too Many Requests' : 'Simulated server error'),
        headers: fault.retryAfter ? { 'Retry-After': fault.retryAfter } : undefined
      })
    case 'timeout':
      return { kind: 'hang' }
    case 'reset':
      return { kind: 'reset' }
    default:
      return undefined
  }
}

function findRoute(routes: SimRoute[], method: string, pathname: string): [SimRoute, Record<string, string>] | undefined {
  for (const r of routes) {
    if (r.method !== method) continue
    const want = r.path.split('/')
    const got = pathname.replace(/\/+$/, '').split('/')
    if (want.length !== got.length) continue
    const params: Record<string, string> = {}
    if (want.every((seg, i) => (seg.startsWith(':') ? ((params[seg.slice(1)] = decodeURIComponent(got[i])), true) : seg === got[i]))) return [r, params]
  }
  return undefined
}
