import type { z } from 'zod'
import { AppError } from '@shared/ipc/app-error'
import { registerSecret, type Logger } from '../log/logger'
import { badResponseError, httpStatusError, isPreConnectFailure, networkErrorCode } from './bring-errors'
import { fetchWithHandOff, type FetchLike } from './hand-off-probe'
import { bringRateLimits, createRateLimiter, defaultSleep, parseRetryAfter, type BringApi, type RateLimiter } from './rate-limiter'

export type { FetchLike }

export interface BringAuth {
  apiUid: string
  apiKey: string
}

export interface BringHttpOptions {
  fetch: FetchLike
  baseUrl: string
  auth: () => Promise<BringAuth>
  clientUrl: string
  logger: Logger
  timeoutMs?: number
  /** Longest Retry-After we wait for silently before telling the user instead. */
  maxRetryWaitMs?: number
  limiters?: Partial<Record<BringApi, RateLimiter>>
  sleep?: (ms: number) => Promise<void>
}

export interface BringRequest<S extends z.ZodType> {
  api: BringApi
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  schema: S
  /** GETs and quotes: repeating them cannot create anything at Bring. */
  idempotent: boolean
  headers?: Record<string, string>
  /**
   * Called synchronously the moment the request can first reach Bring: with Node's fetch, right
   * before its headers are written to a connected socket (see hand-off-probe). Money-moving callers
   * record "sending" here: what fails or crashes before this point provably never reached Bring.
   */
  onHandOff?: () => void
  /**
   * Nothing of the request reached Bring after all: the connection never opened, or Bring answered
   * 429. Called before waiting to try again or giving up (back to "not handed off").
   */
  onNotProcessed?: () => void | Promise<void>
  /**
   * Awaited after the rate limiter has granted this attempt its slot and before anything is sent:
   * where a store that cannot commit at the socket (a shared database) records "sending". If it
   * throws, nothing is sent and the error is the request's.
   */
  beforeAttempt?: () => Promise<void>
}

/** Hooks of a money-moving request: when it is handed off, and when it turned out to reach nothing. */
export type HandOffHooks = Pick<BringRequest<z.ZodType>, 'onHandOff' | 'onNotProcessed' | 'beforeAttempt'>

export type BringHttp = <S extends z.ZodType>(req: BringRequest<S>) => Promise<z.output<S>>

const MAX_ATTEMPTS = 3
const noop = (): void => {}

/** Shared limiters so every client built in this process respects the same per-API budget. */
const sharedLimiters = Object.fromEntries(
  Object.entries(bringRateLimits).map(([api, rate]) => [api, createRateLimiter(rate, { evenly: api === 'booking' || api === 'tracking' })])
) as Record<BringApi, RateLimiter>

/**
 * One Bring HTTP call: auth headers, per-request timeout, rate limiting, 429/Retry-After,
 * zod-parsed response and errors a person understands. Retries only what cannot double an action:
 * a 429 (Bring did not process it) or a failure before the connection opened, plus 502/503/504
 * for idempotent requests.
 */
export function createBringHttp(opts: BringHttpOptions): BringHttp {
  const timeoutMs = opts.timeoutMs ?? 15_000
  const maxRetryWaitMs = opts.maxRetryWaitMs ?? 10_000
  const sleep = opts.sleep ?? defaultSleep
  const limiters = { ...sharedLimiters, ...opts.limiters }

  return async function request(req) {
    const auth = await opts.auth()
    registerSecret(auth.apiKey)
    let url: string
    try {
      url = buildUrl(opts.baseUrl, req.path, req.query)
    } catch {
      throw new AppError('BRING_NOT_SENT', 'Nothing was sent to Bring: its address (BRING_API_BASE_URL) is not a valid URL.')
    }
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Mybring-API-Uid': auth.apiUid,
      'X-Mybring-API-Key': auth.apiKey,
      'X-Bring-Client-URL': opts.clientUrl,
      ...req.headers
    }
    if (req.body !== undefined) headers['Content-Type'] = 'application/json'
    const log = opts.logger.child({ api: req.api, method: req.method, path: req.path })
    // fetch() refuses header values it cannot encode (non-ASCII API user, a NUL in the client URL)
    // before sending anything: find that out here, where it still means "not sent".
    try {
      new Headers(headers)
    } catch {
      log.warn('request headers cannot be sent; nothing was sent')
      throw AppError.templated('BRING_NOT_SENT', 'notSentHeaders')
    }

    for (let attempt = 1; ; attempt++) {
      await limiters[req.api].acquire()
      await req.beforeAttempt?.()
      const started = Date.now()
      const sent = fetchWithHandOff(opts.fetch, req.onHandOff ?? noop, url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow'
      })
      let res: Response
      try {
        res = await sent.response
      } catch (err) {
        const code = networkErrorCode(err)
        log.warn({ attempt, code, handedOff: sent.handedOff(), ms: Date.now() - started }, 'bring request failed')
        if (sent.recordingFailed()) throw err
        if (!sent.handedOff() || isPreConnectFailure(err)) {
          await req.onNotProcessed?.()
          // A timeout already took the caller's whole budget; other pre-send failures are brief.
          if (attempt < MAX_ATTEMPTS && !isTimeout(err)) {
            await sleep(250 * attempt)
            continue
          }
          throw AppError.templated('BRING_UNREACHABLE', 'unreachable')
        }
        if (isTimeout(err)) throw AppError.templated('BRING_TIMEOUT', 'timeout', { seconds: Math.round(timeoutMs / 1000) })
        throw AppError.templated('BRING_CONNECTION_LOST', 'connectionLost')
      }

      log.info({ attempt, status: res.status, ms: Date.now() - started }, 'bring response')
      if (res.status === 429) {
        const waitMs = parseRetryAfter(res.headers.get('retry-after')) ?? 1000
        await req.onNotProcessed?.()
        if (attempt < MAX_ATTEMPTS && waitMs <= maxRetryWaitMs) {
          await res.body?.cancel()
          await sleep(waitMs)
          continue
        }
        throw httpStatusError(429, undefined, waitMs)
      }
      if (req.idempotent && [502, 503, 504].includes(res.status) && attempt < 2) {
        await res.body?.cancel()
        await sleep(500)
        continue
      }

      const body = await readBody(res, timeoutMs)
      if (!res.ok) throw httpStatusError(res.status, body.ok ? body.value : undefined)
      if (!body.ok) throw AppError.templated('BRING_BAD_RESPONSE', 'notJson')
      const parsed = req.schema.safeParse(body.value)
      if (!parsed.success) {
        log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'bring response failed validation')
        throw badResponseError(parsed.error)
      }
      return parsed.data
    }
  }
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string })?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

async function readBody(res: Response, timeoutMs: number): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text: string
  try {
    text = await res.text()
  } catch (err) {
    if (isTimeout(err)) throw AppError.templated('BRING_TIMEOUT', 'timeout', { seconds: Math.round(timeoutMs / 1000) })
    throw AppError.templated('BRING_CONNECTION_LOST', 'connectionLost')
  }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function buildUrl(base: string, path: string, query?: BringRequest<z.ZodType>['query']): string {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`)
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
  return url.toString()
}
