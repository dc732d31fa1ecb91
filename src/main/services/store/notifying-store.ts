import type { ShipmentStatus } from '@shared/domain/booking'
import type { ShipmentsStore } from './shipments'

/**
 * One desk on its own file: every change of a shipment's state is told (as the shared database's
 * NOTIFY tells every desk in team mode), so each screen holding the shipment — its batch row, the
 * Shipments list, Pickups — follows it live, whichever path changed it.
 */
export function notifyingShipmentsStore(store: ShipmentsStore, changed: (shipmentId: string, status: ShipmentStatus) => void): ShipmentsStore {
  const tell = async <T>(id: string, status: ShipmentStatus, write: Promise<T>): Promise<T> => {
    const out = await write
    changed(id, status)
    return out
  }
  return {
    ...store,
    async insertPending(form, request, mode, batchId) {
      const r = await store.insertPending(form, request, mode, batchId)
      changed(r.id, r.status)
      return r
    },
    replaceRequest: (id, form, request, mode) => tell(id, 'pending', store.replaceRequest(id, form, request, mode)),
    markSending: (id) => tell(id, 'sending', store.markSending(id)),
    markBooked: (id, confirmation) => tell(id, 'booked', store.markBooked(id, confirmation)),
    markStatus: (id, status, error) => tell(id, status, store.markStatus(id, status, error))
  }
}
