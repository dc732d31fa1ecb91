import { AsyncLocalStorage } from 'node:async_hooks'
import diagnosticsChannel from 'node:diagnostics_channel'
import type { Socket } from 'node:net'

/**
 * Knows the moment a request can first reach Bring: when its headers are about to be written to a
 * connected socket. Node's fetch (undici) publishes that on a diagnostics channel, synchronously and
 * before the write, so a "sending" record committed there is on disk before any byte leaves, and a
 * crash or failure before it provably sent nothing (a connection that never opened, a TLS handshake
 * that timed out).
 */
interface Slot {
  onHandOff: () => void
  handedOff: boolean
  failure?: unknown
}

/** A fetch that calls `reportHandOff` itself, at the moment the request leaves. */
/** The fetch the Bring client sends through (the global fetch, the in-process simulator, a test's). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export type HandOffReportingFetch = FetchLike & { reportsHandOff: true }

const current = new AsyncLocalStorage<Slot>()
const slotsByRequest = new WeakMap<object, Slot>()
let listening = false

function listenToUndici(): void {
  if (listening) return
  listening = true
  // `request:create` runs inside fetch()'s own promise chain, so the caller's slot is current there;
  // `client:sendHeaders` runs wherever the connection pool is, so it is matched by request object.
  diagnosticsChannel.subscribe('undici:request:create', (message) => {
    const slot = current.getStore()
    if (slot) slotsByRequest.set((message as { request: object }).request, slot)
  })
  diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
    const { request, socket } = message as { request: object; socket?: Socket }
    const slot = slotsByRequest.get(request)
    if (slot) fire(slot, socket)
  })
}

function fire(slot: Slot, socket?: Socket): void {
  if (slot.handedOff || slot.failure) return
  try {
    slot.onHandOff()
    slot.handedOff = true
  } catch (err) {
    // "sending" could not be recorded: the request must not leave either.
    slot.failure = err
    socket?.destroy(err as Error)
  }
}

/** Node's fetch, reporting hand-off at the socket. The app and the tests reach Bring with this. */
export function socketReportingFetch(fetchImpl: FetchLike = (input, init) => fetch(input, init)): HandOffReportingFetch {
  listenToUndici()
  return Object.assign((input: string, init: RequestInit) => fetchImpl(input, init), { reportsHandOff: true as const })
}

/** For transports without a socket (the in-process Sandbox): the request is handed off now. */
export function reportHandOff(): void {
  const slot = current.getStore()
  if (!slot) return
  fire(slot)
  if (slot.failure) throw slot.failure
}

export interface ProbedFetch {
  response: Promise<Response>
  /** The request (or part of it) may have reached Bring. */
  handedOff(): boolean
  /** Recording the hand-off threw: the request was stopped before it left, with that error. */
  recordingFailed(): boolean
}

/**
 * Starts one fetch whose hand-off is reported to `onHandOff`. Transports that cannot report the
 * moment count as handed off when the call starts: never "not sent" by mistake. Throws (sending
 * nothing) when the hand-off cannot be recorded.
 */
export function fetchWithHandOff(fetchImpl: FetchLike, onHandOff: () => void, input: string, init: RequestInit): ProbedFetch {
  const slot: Slot = { onHandOff, handedOff: false }
  if (!(fetchImpl as Partial<HandOffReportingFetch>).reportsHandOff) fire(slot)
  if (slot.failure) throw slot.failure
  const response = current.run(slot, () => fetchImpl(input, init)).catch((err: unknown) => {
    throw slot.failure ?? err
  })
  return { response, handedOff: () => slot.handedOff, recordingFailed: () => slot.failure !== undefined }
}
