import type { ShipmentRecord } from '../../../../shared/domain/booking'
import type { Logger } from '../../log/logger'
import type { ShipmentsRepo } from '../shipments-repo'
import type { ShipmentsStore } from '../shipments-store'

/**
 * Team mode: the shared database is the history (every read and every decision comes from it);
 * this desk's own bookings are also copied into its local file, with their label links, because
 * batches, tracking and label downloads still live per desk. A failed copy is logged, never fatal:
 * the shared record is the one that counts.
 */
export function mirroredShipmentsStore(shared: ShipmentsStore, local: ShipmentsRepo, logger: Logger): ShipmentsStore {
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
    async markBooked(id, confirmation) {
      await shared.markBooked(id, confirmation)
      copy('markBooked', () => local.markBooked(id, confirmation))
    },
    async markStatus(id, status, error) {
      await shared.markStatus(id, status, error)
      copy('markStatus', () => local.markStatus(id, status, error))
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
    bookedLabelFiles: () => shared.bookedLabelFiles(),
    async recoverInterrupted(messages) {
      const result = await shared.recoverInterrupted(messages)
      copy('recoverInterrupted', () => void local.recoverInterrupted(messages))
      return result
    },
    // Tracking is followed by the desk that booked: its states join the shared page here.
    async list(filter) {
      // "Needs attention" comes from tracking, which this desk keeps for what it booked: its own copies answer.
      if (filter.attention) return local.list(filter)
      const page = await shared.list(filter)
      const states = local.trackingStates(page.items.map((i) => i.id))
      return { items: page.items.map((i) => ({ ...i, trackingState: states.get(i.id) ?? i.trackingState })) }
    },
    count: async (filter) => (filter.attention ? local.count(filter) : shared.count(filter))
  }
}
