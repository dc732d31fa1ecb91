import type { Logger } from '../services/log/logger'
import type { SettingsStore } from '../services/settings/settings-store'
import type { BringConnection } from '../services/bring/bring-connection'
import type { EventHub } from '../services/events/event-hub'
import type { ShipmentRecord } from '@shared/domain/booking'
import type { Stores } from '../services/store/stores'
import { attentionCutoffs } from '../services/store/tracking'
import { attentionDays } from '../services/tracking/attention'
import { attentionNotification } from '@shared/domain/desktop-notifications'
import { createBookingService } from '../services/booking/booking-service'
import { createErrorCatalogue } from '../services/booking/error-catalogue'
import { createPickupService } from '../services/pickups/pickup-service'
import { createBatchService } from '../services/batches/batch-service'
import { DEFAULT_ROW_LEASE_MS } from '../services/store/postgres/batches-store'
import { createTrackingService } from '../services/tracking/tracking-service'
import { createDeliveryRecordService } from '../services/delivery-record/delivery-record-service'
import { trackConsignment } from '../services/bring/tracking'
import { createPostalCodeService } from '../services/addresses/postal-code-service'
import { createAddressCheck } from '../services/addresses/address-check'

interface ServiceDeps {
  userDataDir: string
  labelsDir: string
  stores: Stores
  bring: BringConnection
  settings: SettingsStore
  events: EventHub
  logger: Logger
  /** A desktop notification (Electron's Notification in the app). */
  notify?(title: string, body: string): void
  batchRowLeaseMs?: number
}

/** What books, orders, runs batches and follows shipments, each on its store, wired to what follows a booking. */
export function createShipmentServices(d: ServiceDeps) {
  const { stores, bring, settings, logger } = d
  const pickups = createPickupService({ repo: stores.pickups, bring, logger })
  const deliveryRecord = createDeliveryRecordService({ tracking: stores.tracking, shipments: stores.shipments, logger })
  const tracking = createTrackingService({
    repo: stores.tracking,
    afterResult: (shipmentId, result, price) => deliveryRecord.record(shipmentId, result.packages, price),
    track: (mode, cn) => trackConsignment(bring.httpFor(mode), cn, settings.get().language),
    logger,
    onChange: (shipmentIds) => d.events.emit('tracking:changed', { shipmentIds }),
    enabled: () => settings.get().trackingEnabled
  })
  // Every desk tells its own user, whichever desk's check found the change (in team mode the others hear
  // of it from the shared database); once per shipment and state, however often the change is heard.
  const notified = new Set<string>()
  d.events.subscribe((event, payload) => {
    if (event === 'tracking:changed') void notifyAttention((payload as { shipmentIds: string[] }).shipmentIds)
  })
  /** A shipment that now needs attention: tell the user, if they asked for it. */
  async function notifyAttention(shipmentIds: string[]): Promise<void> {
    if (!settings.get().attentionNotifications || !d.notify) return
    for (const id of shipmentIds) {
      const t = await stores.tracking.get(id).catch(() => null)
      if (!t || notified.has(`${id} ${t.state}`)) continue
      // The same rule as the list and the sidebar count (a handled shipment is not news).
      if (!(await stores.tracking.needsAttention(id, attentionCutoffs(new Date(), attentionDays(settings.get()))))) continue
      notified.add(`${id} ${t.state}`)
      const shipment = await stores.shipments.get(id).catch(() => null)
      d.notify(attentionNotification[settings.get().language], `${shipment?.recipientName ?? ''} · ${t.consignmentNumber}`)
    }
  }
  /** What follows a booking: a mailbox pickup becomes a pickup; the desk that booked follows it. */
  const afterBooked = async (s: ShipmentRecord): Promise<void> => {
    await pickups.recordMailboxPickup(s)
    await tracking.enrol({ id: s.id, mode: s.mode, consignmentNumber: s.consignmentNumber, bookedAt: s.updatedAt })
  }
  // Addresses are checked against Bring's postal code register (cached on this desk) before a booking is saved or sent.
  const postalCodes = createPostalCodeService({ cache: stores.postalCodes, http: () => bring.http(), mode: () => bring.mode(), logger })
  const checkAddresses = createAddressCheck(postalCodes)
  const booking = createBookingService({ repo: stores.shipments, bring, errorCatalogue: createErrorCatalogue(d.userDataDir), labelsDir: d.labelsDir, logger, onBooked: afterBooked, checkAddresses })
  const batches = createBatchService({
    repo: stores.batches,
    addressBook: stores.addressBook,
    booking,
    bring,
    settings,
    logger,
    emit: (progress) => d.events.emit('batch:progress', progress),
    renewEveryMs: Math.round((d.batchRowLeaseMs ?? DEFAULT_ROW_LEASE_MS) / 3),
    checkAddresses
  })
  return { pickups, tracking, booking, batches, postalCodes, afterBooked, deliveryRecord }
}
export type ShipmentServices = ReturnType<typeof createShipmentServices>
