import type { Logger } from '../services/log/logger'
import type { SettingsStore } from '../services/settings/settings-store'
import type { CredentialsService } from '../services/secrets/credentials'
import type { BringConnection } from '../services/bring/bring-connection'
import type { CustomersService } from '../services/customers/customers-service'
import type { QuoteService } from '../services/quote/quote-service'
import type { DraftsStore } from '../services/drafts/drafts-store'
import type { ShipmentsRepo } from '../services/store/sqlite/shipments-repo'
import type { Stores } from '../services/store/stores'
import type { SharedDbService } from '../services/team/shared-db-service'
import type { BookingService } from '../services/booking/booking-service'
import type { PickupService } from '../services/pickups/pickup-service'
import type { Notice } from '@shared/domain/notices'
import type { SharedHealth } from '../services/team/connection'
import type { BatchService } from '../services/batches/batch-service'
import type { EventHub } from '../services/events/event-hub'
import type { Backups } from '../services/store/sqlite/backups'
import type { ReceiverService } from '../services/warehousing/receiver-service'
import type { DeliveryRecordService } from '../services/delivery-record/delivery-record-service'
import type { TrackingService } from '../services/tracking/tracking-service'
import type { PostalCodeService } from '../services/addresses/postal-code-service'
import type { PickupPointService } from '../services/addresses/pickup-point-service'
import type { PrintService } from '../services/printing/print-service'

/** What a file picker offers to choose. */
export type FileKind = 'backup' | 'pem'

/** Everything a handler may use; built by createAppDeps, in the app and in the e2e bridge alike. Each *.ipc.ts takes only the members it uses. */
export interface AppDeps {
  app: { name: string; version: string; platform: string; userDataDir: string; labelsDir: string; logsDir: string }
  logger: Logger
  settings: SettingsStore
  credentials: CredentialsService
  bring: BringConnection

  /** The stores on this run's engine: the team's PostgreSQL in team mode, else the desk's own SQLite file. */
  stores: Stores
  /** The desk's own SQLite copy of the history: alone it is the history; in team mode the copy beside the tracking this desk does. */
  localShipments: ShipmentsRepo

  // Services: what the screens ask for, each working on its store.
  customers: CustomersService
  quotes: QuoteService
  drafts: DraftsStore
  booking: BookingService
  pickups: PickupService
  batches: BatchService
  tracking: TrackingService
  /** The shop's own delivery record (from tracking): the screen, the CSV and the quote's annotation. */
  deliveryRecord: DeliveryRecordService
  /** Postal code → city (Bring's Postal Code API, cached on this desk). */
  postalCodes: PostalCodeService
  /** The pickup points nearest a recipient (Bring's Pickup Point API). */
  pickupPoints: PickupPointService
  /** Labels straight to this desk's label printer (CUPS or Windows). */
  printing: PrintService
  /** The optional Bring Warehousing receiver (off unless turned on). */
  receiver: ReceiverService
  backups: Backups
  sharedDb: SharedDbService

  // The platform: Electron's in the app, stand-ins in tests and the e2e bridge.
  /** Pushes events to the window (app: webContents.send; e2e: the page). */
  events: EventHub
  /** clipboard.writeText in the app. */
  copyToClipboard(text: string): Promise<void> | void
  /** shell.openExternal in the app; handlers check the allowlist before calling it. */
  openExternal(url: string): Promise<void>
  /** shell.openPath in the app: returns an error string, '' on success. Handlers validate the path first. */
  openPath(file: string): Promise<string>
  /** Native folder and file pickers (Electron's dialog); a file picker offers one kind of file. Null when the user cancels. */
  pickers: { folder(): Promise<string | null>; file(kind: FileKind): Promise<string | null> }
  /** Restart the app (a staged restore takes effect at start-up). */
  relaunch(): void

  /** Messages for the user from start-up: settings reset, labels fetched again after a crash. */
  notices(): Notice[]
  /** Team mode: how the connection to the shared database is doing (null: this desk keeps its own file). */
  sharedHealth(): SharedHealth | null
  /** What start-up cleaned up after a crash; the label refetch runs in the background. */
  maintenance: {
    tempFilesRemoved: Promise<number>
    labelsRefetched: Promise<{ missing: number; stillMissing: number }>
    /** The whole-file check of the history when due, run beside the app (its verdict; 'not due' on a clean start). */
    historyChecked?: Promise<'passed' | 'damaged' | 'not due'>
    /** SQLite found a damaged page while the app ran: check the whole file at the next start. */
    checkDatabaseAtNextStart(): void
    /** Reads the whole history file (quick_check): true when it is damaged. Only when data could not be checked. */
    historyDamaged?(): boolean
  }
  /** Stops background work and closes the databases; the app calls it on quit, tests after each run. */
  dispose(): void
}
