import type { BatchRunState } from '@shared/domain/batches'
import type { ShipmentStatus } from '@shared/domain/booking'
import type { BatchesRepo } from './sqlite/batches-repo'
import type { StoreEngine } from './shipments'
import { promised, type Promised } from './sqlite/promised'

/** The outcome of trying to take a batch row for booking. */
export interface RowClaim {
  claimed: boolean
  /** The desk whose lease on the row ran out (it stopped mid-booking), when this desk took the row from it. */
  takenFrom: string | null
}

/**
 * Batches and their rows behind one async interface: the embedded SQLite file (one desk) or the
 * shared PostgreSQL database, where several desks may run "Book all" on the same batch. There a
 * desk claims each row before booking it and holds the claim with a lease it renews while it works,
 * so every row is sent by one desk, and a desk that dies leaves its rows to the others once its
 * lease has run out.
 */
export interface BatchesStore extends Promised<BatchesRepo> {
  readonly engine: StoreEngine
  /** Takes the row for this desk unless another desk holds a live claim on it. */
  claimRow(rowId: string): Promise<RowClaim>
  /** Keeps this desk's claims alive (call well within the lease). */
  renewClaims(rowIds: string[]): Promise<void>
  releaseRow(rowId: string): Promise<void>
  /** Rows of the batch another desk is booking right now. */
  othersWorking(batchId: string): Promise<number>
  runState(batchId: string): Promise<BatchRunState | null>
  /**
   * The booking of a row whose desk stopped (its claim ran out): "pending" was never sent and becomes
   * "not sent" (so it can be sent again); "sending" may have reached Bring and becomes "outcome unknown"
   * (never resent without the user). Returns the row's shipment status afterwards.
   */
  settleAbandoned(rowId: string, messages: { notSent: string; unknown: string }): Promise<ShipmentStatus | null>
}

/** The embedded SQLite repository as a BatchesStore: one desk, so nothing to claim from anyone. */
export function sqliteBatchesStore(repo: BatchesRepo): BatchesStore {
  return {
    ...promised(repo),
    engine: 'sqlite',
    claimRow: async () => ({ claimed: true, takenFrom: null }),
    renewClaims: async () => undefined,
    releaseRow: async () => undefined,
    othersWorking: async () => 0,
    runState: async (batchId) => repo.get(batchId)?.runState ?? null,
    // One desk: no claim is ever taken from another, so nothing is ever abandoned here.
    settleAbandoned: async () => null
  }
}
