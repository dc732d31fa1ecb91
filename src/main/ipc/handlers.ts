import type { Handlers } from './invoke'
import { appHandlers } from './app.ipc'
import { settingsHandlers } from './settings.ipc'
import { credentialsHandlers } from './credentials.ipc'
import { customersHandlers } from './customers.ipc'
import { quoteHandlers } from './quote.ipc'
import { bookingHandlers } from './booking.ipc'
import { shipmentsHandlers } from './shipments.ipc'
import { trackingHandlers } from './tracking.ipc'
import { deliveryRecordHandlers } from './delivery-record.ipc'
import { pickupsHandlers } from './pickups.ipc'
import { addressesHandlers } from './addresses.ipc'
import { addressBookHandlers } from './address-book.ipc'
import { batchesHandlers } from './batches.ipc'
import { backupsHandlers } from './backups.ipc'
import { warehouseHandlers } from './warehouse.ipc'
import { sharedDbHandlers } from './shared-db.ipc'
import { printingHandlers } from './printing.ipc'

/** Every channel's handler; the type makes a missing channel a compile error. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...credentialsHandlers,
  ...customersHandlers,
  ...quoteHandlers,
  ...bookingHandlers,
  ...shipmentsHandlers,
  ...trackingHandlers,
  ...deliveryRecordHandlers,
  ...pickupsHandlers,
  ...addressesHandlers,
  ...printingHandlers,
  ...addressBookHandlers,
  ...batchesHandlers,
  ...backupsHandlers,
  ...warehouseHandlers,
  ...sharedDbHandlers
}
