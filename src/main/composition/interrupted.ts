import type { Logger } from '../services/log/logger'
import type { Stores } from '../services/store/stores'
import { notSentMessage, outcomeUnknownMessage } from '../services/booking/booking-service'
import { pickupNotSentMessage, pickupOutcomeUnknownMessage } from '../services/pickups/pickup-service'

/**
 * Start-up: nothing can be in flight. This desk's bookings and pickups still "pending" were never sent,
 * those "sending" have an unknown outcome; running batches are paused until the user says so again.
 * The shared database may not be reachable now: what it holds is recovered at the next start.
 */
export async function settleInterruptedWork(stores: Stores, logger: Logger): Promise<{ pausedBatches: number }> {
  const unlessUnavailable = <T>(what: string, work: Promise<T>, fallback: T): Promise<T> =>
    work.catch((err: unknown) => {
      logger.warn({ problem: (err as Error).message }, `interrupted ${what} not recovered: store unavailable`)
      return fallback
    })
  const none = { notSent: 0, unknown: 0 }
  const shipments = await unlessUnavailable(
    'bookings',
    stores.shipments.recoverInterrupted({
      notSent: `Fraktdesk stopped before this booking was sent. ${notSentMessage}`,
      unknown: `Fraktdesk stopped while this booking was being sent. ${outcomeUnknownMessage}`
    }),
    none
  )
  const pickups = await unlessUnavailable(
    'pickups',
    stores.pickups.recoverInterrupted({
      notSent: `Fraktdesk stopped before this pickup was ordered. ${pickupNotSentMessage}`,
      unknown: `Fraktdesk stopped while this pickup was being ordered. ${pickupOutcomeUnknownMessage}`
    }),
    none
  )
  if (shipments.notSent + shipments.unknown + pickups.notSent + pickups.unknown > 0) {
    logger.warn({ interrupted: { shipments, pickups } }, 'requests interrupted by the last shutdown: never handed off = not sent, cut off = outcome unknown')
  }
  const pausedBatches = await unlessUnavailable('batches', stores.batches.pauseInterrupted(), 0)
  return { pausedBatches }
}
