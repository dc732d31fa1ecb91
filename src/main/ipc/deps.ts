import type { Logger } from '../services/log/logger'
import type { SettingsStore } from '../services/settings/settings-store'
import type { CredentialsService } from '../services/secrets/credentials'
import type { BringConnection } from '../services/bring/bring-connection'
import type { CustomersService } from '../services/customers/customers-service'
import type { QuoteService } from '../services/quote/quote-service'
import type { DraftsStore } from '../services/drafts/drafts-store'
import type { ShipmentsRepo } from '../services/store/sqlite/shipments-repo'
import type { ShipmentsStore } from '../services/store/shipments'
import type { SharedDbService } from '../services/team/shared-db-service'
import type { BookingService } from '../services/booking/booking-service'
import type { PickupsStore } from '../services/store/pickups'
import type { PickupService } from '../services/pickups/pickup-service'
import type { Notice } from '@shared/domain/notices'
import type { SharedHealth } from '../services/team/connection'
import type { AddressBookStore } from '../services/store/address-book'
import type { BatchesStore } from '../services/store/batches'
import type { BatchService } from '../services/batches/batch-service'
import type { EventHub } from '../services/events/event-hub'
import type { Backups } from '../services/store/sqlite/backups'
import type { WarehouseStore } from '../services/store/warehouse'
import type { ReceiverService } from '../services/warehousing/receiver-service'
import type { TrackingRepo } from '../services/store/sqlite/tracking-repo'
import type { TrackingService } from '../services/tracking/tracking-service'

/** Everything a handler may use; built by createAppDeps, in the app and in the e2e bridge alike. */
/** What a file picker offers to choose. */
export type FileKind = 'backup' | 'pem'

export interface AppDeps {
  app: { name: string; version: string; platform: string; userDataDir: string; labelsDir: string; logsDir: string }
  /** clipboard.writeText in the app. */
  copyToClipboard(text: string): Promise<void> | void
  settings: SettingsStore
  credentials: CredentialsService
  bring: BringConnection
  customers: CustomersService
  quotes: QuoteService
  drafts: DraftsStore
  shipments: ShipmentsRepo
  /** The history as the booking service and the history screens use it: embedded SQLite or a shared PostgreSQL. */
  shipmentsStore: ShipmentsStore
  sharedDb: SharedDbService
  booking: BookingService
  pickupsRepo: PickupsStore
  pickups: PickupService
  addressBook: AddressBookStore
  batchesRepo: BatchesStore
  batches: BatchService
  backups: Backups
  warehouse: WarehouseStore
  /** The optional Bring Warehousing receiver (off unless turned on). */
  receiver: ReceiverService
  trackingRepo: TrackingRepo
  tracking: TrackingService
  /** Native folder and file pickers (Electron's dialog); a file picker offers one kind of file. Null when the user cancels. */
  pickers: { folder(): Promise<string | null>; file(kind: FileKind): Promise<string | null> }
  /** Restart the app (a staged restore takes effect at start-up). */
  relaunch(): void
  /** Pushes progress to the window (app: webContents.send; e2e: the page). */
  events: EventHub
  /** shell.openPath in the app: returns an error string, '' on success. Handlers validate the path first. */
  openPath(file: string): Promise<string>
  /** Closes the database; the app calls it on quit, tests after each run. */
  dispose(): void
  /** shell.openExternal in the app; handlers check the allowlist before calling it. */
  openExternal(url: string): Promise<void>
  logger: Logger
  /** Messages for the user from start-up: settings reset, labels fetched again after a crash. */
  notices(): Notice[]
  /** Team mode: how the connection to the shared database is doing (null: this desk keeps its own file). */
  sharedHealth(): SharedHealth | null
  /** What start-up cleaned up after a crash; the label refetch runs in the background. */
  maintenance: {
    tempFilesRemoved: Promise<number>
    labelsRefetched: Promise<{ missing: number; stillMissing: number }>
    /** SQLite found a damaged page while the app ran: check the whole file at the next start. */
    checkDatabaseAtNextStart(): void
    /** Reads the whole history file (quick_check): true when it is damaged. Only when data could not be checked. */
    historyDamaged?(): boolean
  }
}
