import { events, type EventPayload } from '@shared/ipc/contract'
import type { EventName } from '@shared/ipc/channels'

type Sink = (event: EventName, payload: unknown) => void

/**
 * Events from services to whatever shows them (the window in the app, the page in e2e). Payloads are
 * checked against the contract before they leave, like every handler's output.
 */
export function createEventHub(onInvalid: (event: EventName, problem: string) => void = () => undefined) {
  const sinks = new Set<Sink>()
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      const checked = events[event].safeParse(payload)
      if (!checked.success) return onInvalid(event, checked.error.issues[0]?.message ?? 'invalid')
      for (const sink of sinks) sink(event, checked.data)
    },
    /** Returns the unsubscribe. */
    subscribe(sink: Sink): () => void {
      sinks.add(sink)
      return () => void sinks.delete(sink)
    }
  }
}
export type EventHub = ReturnType<typeof createEventHub>
