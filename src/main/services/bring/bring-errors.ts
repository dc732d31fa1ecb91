import { AppError } from '@shared/ipc/app-error'
import type { z } from 'zod'

type BringDetail = { code: string; message: string }

/** Network failures that happen before a byte was sent: always safe to retry, nothing reached Bring. */
const preConnectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_NAME_NOT_RESOLVED', 'ERR_INTERNET_DISCONNECTED', 'ERR_CONNECTION_REFUSED'])

export function networkErrorCode(err: unknown): string | undefined {
  let e: unknown = err
  for (let depth = 0; depth < 4 && e; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    // Electron's net.fetch reports Chromium net errors in the message, e.g. "net::ERR_CONNECTION_REFUSED".
    const msg = (e as { message?: unknown }).message
    const m = typeof msg === 'string' ? /net::(ERR_[A-Z_]+)/.exec(msg) : null
    if (m) return m[1]
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

export function isPreConnectFailure(err: unknown): boolean {
  const code = networkErrorCode(err)
  return code !== undefined && preConnectCodes.has(code)
}

const validationPrefix = 'Bring refused the request.'

/** Turns a zod failure on Bring's response into a message naming the field. */
export function badResponseError(error: z.ZodError): AppError {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the response'
  const what = issue?.code === 'invalid_type' && /received undefined/i.test(issue.message) ? 'is missing' : 'is not valid'
  return new AppError('BRING_BAD_RESPONSE', `Bring's answer could not be used: ${where} ${what}.`)
}

/** Collects Bring's own error codes/messages from the shapes its APIs use. */
export function extractBringDetails(body: unknown): BringDetail[] {
  const out: BringDetail[] = []
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    const obj = node as Record<string, unknown>
    const code = obj.code ?? obj.errorCode ?? obj.uniqueId
    const messages = obj.messages
    if (typeof code === 'string' && Array.isArray(messages)) {
      const en = messages.find((m) => (m as { lang?: string }).lang === 'en') ?? messages[0]
      const message = (en as { message?: unknown })?.message
      out.push({ code, message: typeof message === 'string' ? message : code })
      return
    }
    if (typeof code === 'string' && typeof obj.message === 'string') {
      out.push({ code, message: obj.message })
      return
    }
    for (const value of Object.values(obj)) if (typeof value === 'object') visit(value)
  }
  // Pickup create answers 400 with { errors: ["message", ...] }.
  const list = (body as { errors?: unknown } | null)?.errors
  if (Array.isArray(list)) for (const e of list) if (typeof e === 'string') out.push({ code: 'PICKUP_INPUT', message: e })
  visit(body)
  if (out.length === 0 && body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    const { message, status } = body as { message: string; status?: unknown }
    out.push({ code: String(status ?? 'ERROR'), message })
  }
  return out
}

export function httpStatusError(status: number, body: unknown, retryAfterMs?: number): AppError {
  if (status === 401 || status === 403) return AppError.templated('BRING_AUTH', 'auth')
  if (status === 404) return AppError.templated('BRING_NOT_FOUND', 'notFound', undefined, { details: extractBringDetails(body) })
  if (status === 429) return AppError.templated('BRING_RATE_LIMITED', 'rateLimited', { seconds: Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000)) })
  if (status >= 500) return AppError.templated('BRING_SERVER', 'server', { status })
  if (status >= 400) {
    const details = extractBringDetails(body)
    const summary = details.length > 0 ? `${validationPrefix} ${details.map((d) => d.message).join(' ')}` : validationPrefix
    return new AppError('BRING_VALIDATION', summary, { details })
  }
  return AppError.templated('BRING_BAD_RESPONSE', 'unexpected', { status })
}

/**
 * For a lookup (a postal code, pickup points): Bring calling the question invalid or finding nothing is
 * an empty answer, not a failure. The given empty answer stands in; anything else is thrown on.
 */
export function emptyWhenNothingFound<T>(empty: T): (err: unknown) => T {
  return (err) => {
    if (err instanceof AppError && (err.code === 'BRING_NOT_FOUND' || err.code === 'BRING_VALIDATION')) return empty
    throw err
  }
}
