import type { HandOffHooks } from '../bring/bring-http'

/**
 * Follows one money-moving request across the network boundary: "sending" is recorded when it is
 * handed off and undone when it reached nothing (429, connection never opened). After a failure,
 * `handedOff` says which side of the boundary it ended on: false means nothing reached Bring.
 */
export function trackHandOff(record: { sending(): void; pending(): void }): { hooks: HandOffHooks; handedOff(): boolean } {
  let handedOff = false
  return {
    hooks: {
      onHandOff: () => {
        record.sending()
        handedOff = true
      },
      onNotProcessed: () => {
        record.pending()
        handedOff = false
      }
    },
    handedOff: () => handedOff
  }
}

/** A record's store, as far as a money-moving request's hand-off is concerned. */
export interface HandOffStore {
  /** Where a commit can be made synchronously (SQLite): at the socket. */
  handOffNow?: { sending(): void; notHandedOff(): void }
  markSending(): Promise<void>
  markPending(): Promise<void>
}

/**
 * Where the store can commit at the socket (SQLite), "sending" is recorded the moment the request is
 * handed off. Otherwise (a shared database) it is committed once the rate limiter has given the
 * request its slot, just before it starts, and a request that reached nothing (429, no connection)
 * goes back to "pending" while it waits: queued requests never read "outcome unknown" after a crash.
 * `refused` holds the reason when "sending" could not be recorded: then nothing was sent.
 */
export function storeHandOff(store: HandOffStore): ReturnType<typeof trackHandOff> & { refused(): unknown } {
  const now = store.handOffNow
  if (now) return { ...trackHandOff({ sending: () => now.sending(), pending: () => now.notHandedOff() }), refused: () => null }
  const tracked = trackHandOff({ sending: () => undefined, pending: () => undefined })
  let refused: unknown = null
  const hooks: HandOffHooks = {
    ...tracked.hooks,
    beforeAttempt: () =>
      store.markSending().catch((err: unknown) => {
        refused = err
        throw err
      }),
    onNotProcessed: async () => {
      tracked.hooks.onNotProcessed?.()
      await store.markPending()
    }
  }
  return { hooks, handedOff: tracked.handedOff, refused: () => refused }
}
