import type { ShipmentsStore } from '../store/shipments'
import type { TrackingService } from './tracking-service'

/**
 * "Refresh now" (Tracking) on a booked shipment nobody follows yet (booked before tracking was shared,
 * or the desk that booked it never enrolled it): it is followed from now on, by whichever desk's turn it
 * is. Test bookings have no tracking at Bring.
 */
export async function followHere(ids: string[], deps: { store: ShipmentsStore; tracking: TrackingService; isFollowed(id: string): boolean }): Promise<void> {
  for (const id of ids) {
    if (deps.isFollowed(id)) continue
    const s = await deps.store.get(id)
    if (!s?.confirmation || s.status !== 'booked' || s.mode === 'test') continue
    await deps.tracking.enrol({ id, mode: s.mode, consignmentNumber: s.consignmentNumber, bookedAt: s.updatedAt })
  }
}
