import type { ShipmentRecord } from '@shared/domain/booking'
import type { Logger } from '../log/logger'
import type { ShipmentsRepo } from '../store/sqlite/shipments-repo'
import type { ShipmentsStore } from '../store/shipments'
import { interruptedErrors, type InterruptedMessages } from '../store/interrupted'

/**
 * Team mode: the shared database is the history (every read and every decision comes from it);
 * this desk's own bookings are also copied into its local file, with their label links, because
 * batches, tracking and label downloads still live per desk. A failed copy is logged, never fatal:
 * the shared record is the one that counts.
 */
/** What a reconcile settled: rows written, how many became not sent or unknown, and which were booked meanwhile. */
export interface Reconciled {
  written: number
  notSent: number
  unknown: number
  booked: string[]
}

export function mirroredShipmentsStore(shared: ShipmentsStore, local: ShipmentsRepo, logger: Logger): ShipmentsStore & { reconcile(inFlight: ReadonlySet<string>, messages: InterruptedMessages): Promise<Reconciled> } {
  const copy = (what: string, f: () => void): void => {
    try {
      f()
    } catch (err) {
      logger.warn({ what, problem: (err as Error).message }, 'local copy of a shared shipment not updated')
    }
  }
  // The label links exist only in the copy of the desk that booked.
  const withLocalLinks = (r: ShipmentRecord | null): ShipmentRecord | null => {
    if (!r?.confirmation) return r
    const mine = local.get(r.id)?.confirmation
    return mine?.labelUrl ? { ...r, confirmation: { ...r.confirmation, labelUrl: mine.labelUrl, waybillUrl: mine.waybillUrl } } : r
  }
  /**
   * After the shared database was away (or at start-up): this desk's shipments it still shows as pending
   * or sending, and that no request of this process is still waiting on, are settled from what this desk
   * knows. An outcome its own file holds (booked, refused, unknown) is written; one never sent is "not
   * sent"; one that was being sent is "outcome unknown" for the user to check.
   */
  async function reconcile(inFlight: ReadonlySet<string>, messages: InterruptedMessages): Promise<Reconciled> {
    const open = (await shared.openOfThisDesk?.()) ?? []
    const errors = interruptedErrors(messages)
    const counts: Reconciled = { written: 0, notSent: 0, unknown: 0, booked: [] }
    for (const row of open) {
      if (inFlight.has(row.id)) continue
      const mine = local.get(row.id)
      if (mine?.status === 'booked' && mine.confirmation) {
        await shared.markBooked(row.id, mine.confirmation)
        counts.booked.push(row.id)
      } else if (mine && mine.status !== 'pending' && mine.status !== 'sending' && mine.status !== 'booked') await shared.markStatus(row.id, mine.status, mine.error)
      else if (row.status === 'pending') {
        await shared.markStatus(row.id, 'not_sent', errors.notSent)
        copy('reconcile', () => local.markStatus(row.id, 'not_sent', errors.notSent))
        counts.notSent++
      } else {
        await shared.markStatus(row.id, 'outcome_unknown', errors.unknown)
        copy('reconcile', () => local.markStatus(row.id, 'outcome_unknown', errors.unknown))
        counts.unknown++
      }
      counts.written++
    }
    return counts
  }
  return {
    engine: shared.engine,
    async insertPending(form, request, mode, batchId) {
      const r = await shared.insertPending(form, request, mode, batchId)
      copy('insert', () => local.insertCopy(r, form, request, mode, batchId))
      return r
    },
    async replaceRequest(id, form, request, mode) {
      await shared.replaceRequest(id, form, request, mode)
      copy('replaceRequest', () => local.replaceRequest(id, form, request, mode))
    },
    async markSending(id) {
      await shared.markSending(id)
      copy('markSending', () => local.markSending(id))
    },
    // An outcome is written to this desk's own file first: if the shared database has gone meanwhile,
    // Bring's answer is not lost, and reconcile() writes it there once the database is back.
    async markBooked(id, confirmation) {
      copy('markBooked', () => local.markBooked(id, confirmation))
      await shared.markBooked(id, confirmation)
    },
    async markStatus(id, status, error) {
      copy('markStatus', () => local.markStatus(id, status, error))
      await shared.markStatus(id, status, error)
    },
    async setLabelFile(id, file) {
      await shared.setLabelFile(id, file)
      copy('setLabelFile', () => local.setLabelFile(id, file))
    },
    async renewClientRequest(id) {
      const fresh = await shared.renewClientRequest(id)
      copy('renewClientRequest', () => local.setClientRequest(id, fresh))
      return fresh
    },
    requestIds: (id) => shared.requestIds(id),
    get: async (id) => withLocalLinks(await shared.get(id)),
    findByClientRequest: async (clientRequestId) => withLocalLinks(await shared.findByClientRequest(clientRequestId)),
    labelFile: (id) => shared.labelFile(id),
    bookedLabelFiles: (since) => shared.bookedLabelFiles(since),
    // Start-up, nothing of this process in flight: the same settling, with what this desk's own file knows
    // (Bring's answer kept while the shared database was away) written first.
    async recoverInterrupted(messages) {
      const { notSent, unknown } = await reconcile(new Set(), messages)
      copy('recoverInterrupted', () => void local.recoverInterrupted(messages))
      return { notSent, unknown }
    },
    // Tracking is shared too: the shared store's page carries the states, and answers "Needs attention".
    list: (filter) => shared.list(filter),
    count: (filter) => shared.count(filter),
    reconcile
  }
}
