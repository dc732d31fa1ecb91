import type { Simulator } from './engine'
import { reportHandOff, type HandOffReportingFetch } from '../bring/hand-off-probe'
import { sandboxAccount } from './demo-data'

/**
 * A fetch that hands requests straight to the simulator, no socket: the app's Sandbox mode.
 * Faults behave like their network twins: a reset rejects like undici's "other side closed",
 * a hang waits until the caller's AbortSignal fires. It carries the Sandbox's own API user, which
 * the simulator knows and the app signs Sandbox requests with.
 */
export function createInProcessFetch(sim: Simulator, origin = 'https://sandbox.fraktdesk.local'): HandOffReportingFetch & { origin: string; account: { apiUid: string; apiKey: string } } {
  const fetchLike = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input, origin)
    const request = new Request(url, init)
    reportHandOff()
    const outcome = await sim.handle(request)
    if (outcome.kind === 'reset') {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })
    }
    if (outcome.kind === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal
        if (!signal) return
        const abort = (): void => reject(signal.reason ?? new DOMException('aborted', 'AbortError'))
        if (signal.aborted) abort()
        else signal.addEventListener('abort', abort, { once: true })
      })
    }
    const { reply } = outcome
    const headers = new Headers(reply.headers)
    if (reply.raw) {
      headers.set('content-type', reply.raw.contentType)
      return new Response(new Blob([reply.raw.bytes as Uint8Array<ArrayBuffer>]), { status: reply.status, headers })
    }
    headers.set('content-type', 'application/json')
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers })
  }
  return Object.assign(fetchLike, { origin, account: { apiUid: sandboxAccount.apiUid, apiKey: sandboxAccount.apiKey }, reportsHandOff: true as const })
}
