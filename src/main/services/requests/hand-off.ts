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
