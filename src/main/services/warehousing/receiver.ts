import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Logger } from '../log/logger'
import type { WarehouseStore } from '../store/warehouse'
import { parseWarehouseMessage } from './gs1'

export const MAX_BODY_BYTES = 5 * 1024 * 1024
const RESPONSE_NS = 'http://interchange.bring.com/SupplyChain.Response'

export interface ReceiverCredentials {
  auth: 'basic' | 'apiKey'
  user: string
  secret: string
}

export type ReceiverEvent = 'stored' | 'duplicate' | 'rejected' | 'unauthorized'

export interface ReceiverOptions {
  repo: Pick<WarehouseStore, 'store' | 'reject'>
  credentials: () => ReceiverCredentials | null
  logger: Logger
  maxBodyBytes?: number
  onEvent?(event: ReceiverEvent): void
  /** Waits before a 401, growing with repeated failures from one address (tests pass a shorter one). */
  failureDelayMs?: (failures: number) => number
  /** Headers must arrive within this (10 s), checked this often (1 s): a client sending a byte a second is cut off on time. */
  headersTimeoutMs?: number
  checkEveryMs?: number
  /** A body must keep coming at this many bytes per second at least (1 KiB/s), judged over each few seconds. */
  minBodyBytesPerSecond?: number
  bodyRateWindowMs?: number
}

/** Failed attempts from one address waiting for their answer at once; more are told to come back later, unchecked. */
const MAX_FAILURES_WAITING = 8

/** Bring's documented answer: Message "success" and a request id unique per message, in the request's format. */
export function successBody(format: 'xml' | 'json', requestId: string): string {
  return format === 'json'
    ? JSON.stringify({ PostBackResponse: { Message: 'success', RequestID: requestId } })
    : `<?xml version="1.0" encoding="UTF-8"?>\n<ns0:PostbackResponse xmlns:ns0="${RESPONSE_NS}"><Message>success</Message><RequestID>${requestId}</RequestID></ns0:PostbackResponse>`
}

/** Equal-time comparison of two secrets of any length (their digests are compared). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b) && given.length === expected.length
}

function authorized(req: IncomingMessage, creds: ReceiverCredentials): boolean {
  if (creds.auth === 'apiKey') {
    const key = req.headers['x-api-key']
    return typeof key === 'string' && sameSecret(key, creds.secret)
  }
  const header = req.headers.authorization ?? ''
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header)
  if (!m) return false
  const decoded = Buffer.from(m[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return false
  // Both compared, always: a wrong user takes as long as a wrong password.
  const userOk = sameSecret(decoded.slice(0, colon), creds.user)
  const passOk = sameSecret(decoded.slice(colon + 1), creds.secret)
  return userOk && passOk
}

const formatOf = (contentType: string | undefined): 'xml' | 'json' | null => {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/xml' || type === 'text/xml') return 'xml'
  if (type === 'application/json') return 'json'
  return null
}

/**
 * The endpoint Bring Warehousing pushes to. Order of work: method, authentication, content type,
 * size, parse, store (committed), then — only then — the success answer. Failures say little: 401
 * with no detail (after a delay that grows with repeated failures), 413, 415, 400 with a short reason.
 */
export function createReceiver(opts: ReceiverOptions) {
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES
  const failures = new Map<string, number>()
  const delay = opts.failureDelayMs ?? ((n: number) => Math.min(3000, 100 * 2 ** Math.min(n, 5)))
  const minRate = opts.minBodyBytesPerSecond ?? 1024
  const rateWindow = opts.bodyRateWindowMs ?? 5000
  /**
   * Wrong credentials from one address are answered one after another, each after its delay, so
   * guesses sent in parallel are slowed as much as guesses sent in turn. While several wait, further
   * requests from that address get 429 before their credentials are looked at (so that says nothing).
   */
  const penalty = new Map<string, { waiting: number; nextAt: number }>()
  const answerFailure = async (from: string, n: number): Promise<void> => {
    const slot = penalty.get(from) ?? { waiting: 0, nextAt: 0 }
    penalty.set(from, slot)
    slot.waiting++
    const at = Math.max(Date.now(), slot.nextAt) + delay(n)
    slot.nextAt = at
    await new Promise((r) => setTimeout(r, at - Date.now()))
    slot.waiting--
  }

  const reply = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
    res.end(body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return reply(res, 405, 'Method not allowed')
    }
    const creds = opts.credentials()
    const from = req.socket.remoteAddress ?? '?'
    if ((penalty.get(from)?.waiting ?? 0) >= MAX_FAILURES_WAITING) {
      req.resume()
      res.setHeader('Retry-After', String(Math.ceil(delay(failures.get(from) ?? 1) / 1000)))
      return reply(res, 429, 'Too many attempts; try again later')
    }
    if (!creds || !authorized(req, creds)) {
      const n = (failures.get(from) ?? 0) + 1
      failures.set(from, n)
      opts.logger.warn({ from, failures: n, scheme: req.headers.authorization ? 'basic' : req.headers['x-api-key'] ? 'apiKey' : 'none' }, 'warehousing receiver: unauthorized request')
      opts.onEvent?.('unauthorized')
      req.resume()
      await answerFailure(from, n)
      return reply(res, 401, 'Unauthorized')
    }
    failures.delete(from)
    const format = formatOf(req.headers['content-type'])
    if (!format) {
      req.resume()
      return reply(res, 415, 'Send application/xml, text/xml or application/json')
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBody) {
      req.resume()
      return reply(res, 413, `At most ${maxBody} bytes`)
    }
    const chunks: Buffer[] = []
    let size = 0
    // A body trickling in (a byte now and then) would hold the connection until the request timeout:
    // each window must bring at least the minimum rate, or what is left of the declared length.
    let checkedAt = 0
    const slow = setInterval(() => {
      const due = declared > 0 ? Math.min(declared - checkedAt, (minRate * rateWindow) / 1000) : (minRate * rateWindow) / 1000
      if (size - checkedAt < due) {
        clearInterval(slow)
        if (!res.headersSent) reply(res, 408, 'The body arrived too slowly')
        req.destroy()
      }
      checkedAt = size
    }, rateWindow)
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length
        if (size > maxBody) {
          reply(res, 413, `At most ${maxBody} bytes`)
          req.destroy()
          return
        }
        chunks.push(chunk as Buffer)
      }
    } catch {
      return // the sender went away mid-body (or was too slow): nothing was answered, nothing stored
    } finally {
      clearInterval(slow)
    }
    if (req.destroyed && !req.complete) return
    const body = Buffer.concat(chunks).toString('utf8')
    const contentType = format === 'json' ? 'application/json' : 'application/xml'
    const parsed = parseWarehouseMessage(body, format)
    if (!parsed.ok) {
      await opts.repo.reject(parsed.reason, body, contentType)
      opts.logger.warn({ reason: parsed.reason, bytes: size }, 'warehousing receiver: message rejected')
      opts.onEvent?.('rejected')
      return reply(res, 400, parsed.reason.slice(0, 200))
    }
    // Committed before the answer: a success Bring receives is for a message that is on disk.
    const { requestId, duplicate } = await opts.repo.store(parsed.message, body, contentType)
    opts.logger.info({ kind: parsed.message.kind, order: parsed.message.orderNumber, duplicate, requestId }, 'warehousing receiver: message stored')
    opts.onEvent?.(duplicate ? 'duplicate' : 'stored')
    reply(res, 200, successBody(format, requestId), format === 'json' ? 'application/json' : 'application/xml; charset=utf-8')
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((err) => {
      opts.logger.error({ err: (err as Error).message }, 'warehousing receiver: request failed')
      if (!res.headersSent) reply(res, 500, 'Internal error: the message was not stored; send it again')
    })
  }

  return {
    handler,
    /** Listens; HTTPS when a certificate and key are given. Resolves with the URL and a close that frees the port. */
    listen(port: number, host: string, tls?: { cert: string | Buffer; key: string | Buffer }): Promise<{ url: string; close(): Promise<void> }> {
      // Node checks these timeouts only every connectionsCheckingInterval (30 s by default): checked each second.
      const limits = { headersTimeout: opts.headersTimeoutMs ?? 10_000, requestTimeout: 30_000, connectionsCheckingInterval: opts.checkEveryMs ?? 1000 }
      const server = tls ? https.createServer({ cert: tls.cert, key: tls.key, ...limits }, handler) : http.createServer(limits, handler)
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const { port: actual } = server.address() as AddressInfo
          resolve({
            url: `${tls ? 'https' : 'http'}://${host === '0.0.0.0' ? 'localhost' : host}:${actual}/`,
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done())
                server.closeAllConnections()
              })
          })
        })
      })
    }
  }
}
export type Receiver = ReturnType<typeof createReceiver>
