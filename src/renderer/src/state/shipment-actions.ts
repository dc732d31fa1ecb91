import type { ShipmentActions } from '../components/ShipmentCard'
import { call } from '../lib/ipc'

/** What a shipment card can ask main to do; shared by the Book and Shipments screens. */
export const shipmentActions: ShipmentActions = {
  openLabel: (id) => call('labels:open', { id }).then(() => undefined),
  downloadLabel: (id) => call('labels:download', { id }),
  openTracking: (id) => call('tracking:open', { id }).then(() => undefined),
  markBooked: (id, consignmentNumber) => call('shipments:resolve', { id, booked: true, consignmentNumber }),
  markNotBooked: (id) => call('shipments:resolve', { id, booked: false }),
  notBookedSendAgain: (id, confirmLive) => call('shipments:resolve', { id, booked: false, sendAgain: true, confirmLive }),
  sendAgain: (id, confirmLive) => call('shipments:retry', { id, confirmLive }),
  tracking: (id) => call('tracking:get', { id }),
  refreshTracking: (id) => call('tracking:refresh', { ids: [id] }),
  markHandled: (id, note) => call('tracking:handle', { id, note }),
  printLabel: (id, again, printId) => call('printing:shipments', { ids: [id], again, printId }),
  printHistory: (id) => call('printing:history', { id })
}
