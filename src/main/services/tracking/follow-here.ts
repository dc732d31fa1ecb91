import type { ShipmentsRepo } from '../store/sqlite/shipments-repo'
import type { ShipmentsStore } from '../store/shipments'
import type { TrackingService } from './tracking-service'

/**
 * "Refresh now" (Tracking) on a booked shipment this desk does not follow yet: in team mode, one another desk
 * booked (tracking is kept per desk, beside the desk's copy of the shipment). This desk takes a copy
 * of it and follows it from now on, through its own Bring connection. Test bookings have no tracking.
 */
export async function followHere(ids: string[], deps: { store: ShipmentsStore; local: ShipmentsRepo; tracking: TrackingService; isFollowed(id: string): boolean }): Promise<void> {
  for (const id of ids) {
    if (deps.isFollowed(id)) continue
    const s = await deps.store.get(id)
    if (!s?.confirmation || s.status !== 'booked' || s.mode === 'test') continue
    if (!deps.local.get(id)) {
      deps.local.insertCopy(s, s.form, s.request, s.mode, s.batchId ?? undefined)
      deps.local.markBooked(id, s.confirmation)
    }
    deps.tracking.enrol({ id, mode: s.mode, consignmentNumber: s.consignmentNumber, bookedAt: s.updatedAt })
  }
}
