import path from 'node:path'
import type { AppDeps, FileKind } from './ipc/deps'
import type { SecretStore } from './services/secrets/secret-store'
import type { FetchLike } from './services/bring/bring-http'
import type { Logger } from './services/log/logger'
import type { DamagedChoice, DamagedDatabase } from './services/store/sqlite/damaged-database'
import { createSimulator, type Simulator } from './services/bring-simulator/engine'
import { createInProcessFetch } from './services/bring-simulator/in-process-fetch'
import { createSettingsStore } from './services/settings/settings-store'
import { createCredentialsService } from './services/secrets/credentials'
import { createBringConnection, DEFAULT_BRING_BASE_URL } from './services/bring/bring-connection'
import { createEventHub } from './services/events/event-hub'
import { createLabelLinksSeal } from './services/team/label-links-seal'
import { createSharedDbService } from './services/team/shared-db-service'
import { createBackups } from './services/store/sqlite/backups'
import { createCustomersCache } from './services/customers/customers-cache'
import { createCustomersService } from './services/customers/customers-service'
import { createQuoteService } from './services/quote/quote-service'
import { createDraftsStore } from './services/drafts/drafts-store'
import { createReceiverService } from './services/warehousing/receiver-service'
import { createPickupPointService } from './services/addresses/pickup-point-service'
import { createPrintService } from './services/printing/print-service'
import { labelPrinterFor } from './services/printing/os-printer'
import type { LabelPrinter } from './services/printing/label-printer'
import { prepareFolders } from './composition/folders'
import { connectTeam } from './composition/team'
import { openHistoryFile } from './composition/history'
import { createStores } from './composition/stores'
import { settleInterruptedWork } from './composition/interrupted'
import { createShipmentServices } from './composition/services'
import { startupNotices } from './composition/startup-notices'
import { startBackgroundWork } from './composition/background-work'

export interface CreateAppDepsOptions {
  userDataDir: string
  secretStore: SecretStore
  fetch: FetchLike
  /** BRING_API_BASE_URL or Bring itself. */
  baseUrl?: string
  openExternal(url: string): Promise<void>
  openPath?(file: string): Promise<string>
  copyToClipboard?(text: string): void | Promise<void>
  logger: Logger
  version: string
  platform?: string
  timeoutMs?: number
  /** The simulator behind Sandbox mode; tests pass their own to inject faults. */
  sandbox?: Simulator
  /** A history database that cannot be used was moved aside: recover what can be read, or start empty (the app asks; default recover). */
  onDamagedDatabase?(damaged: DamagedDatabase): Promise<DamagedChoice>
  /** Native pickers and restart (Electron dialog/app); absent in tests and the e2e bridge unless given. */
  chooseFolder?(): Promise<string | null>
  /** A file of a kind: a backup (*.sqlite3) or a certificate/key (PEM). */
  chooseFile?(kind: FileKind): Promise<string | null>
  relaunch?(): void
  /** The daily automatic backup (on by default; tests turn it off to stay quiet). */
  autoBackup?: boolean
  /** Background tracking polls (on by default). */
  autoTracking?: boolean
  /** Team mode: how long a desk's claim on a batch row lasts unrenewed (tests shorten it). */
  batchRowLeaseMs?: number
  /** Team mode: how long a desk's claim on a shipment's tracking check lasts (tests shorten it). */
  trackingLeaseMs?: number
  /** A desktop notification (Electron's Notification in the app). */
  notify?(title: string, body: string): void
  /** The OS's printing (CUPS or Windows by platform); tests pass one reaching their own CUPS. */
  labelPrinter?: LabelPrinter
}

/**
 * Electron-free composition of every service: the app's main process and the e2e bridge both use it.
 * Read top to bottom: folders, settings and Bring, the history and its stores (one choice of engine),
 * what start-up settles, the services, what start-up tells the user, and the background work.
 */
export async function createAppDeps(opts: CreateAppDepsOptions): Promise<AppDeps> {
  const { userDataDir, logger } = opts
  const folders = await prepareFolders(userDataDir, logger)
  const settings = await createSettingsStore(userDataDir)
  const credentials = createCredentialsService(settings, opts.secretStore)
  const team = connectTeam(settings, opts.secretStore, logger)
  const bring = createBringConnection({
    limiters: team.pacers ?? undefined,
    settings,
    credentials,
    fetch: opts.fetch,
    baseUrl: opts.baseUrl || DEFAULT_BRING_BASE_URL,
    sandboxFetch: createInProcessFetch(opts.sandbox ?? createSimulator()),
    logger,
    appVersion: opts.version,
    timeoutMs: opts.timeoutMs
  })
  const events = createEventHub((event, problem) => logger.error({ event, problem }, 'event payload broke its schema; not sent'))

  const history = await openHistoryFile(userDataDir, logger, opts.onDamagedDatabase)
  const labelSeal = createLabelLinksSeal(() => credentials.current())
  const { stores, localShipments, reconcile } = createStores(history.db, { team, seal: labelSeal, events, logger, batchRowLeaseMs: opts.batchRowLeaseMs, trackingLeaseMs: opts.trackingLeaseMs })
  const { pausedBatches } = await settleInterruptedWork(stores, logger)

  const services = createShipmentServices({ userDataDir, labelsDir: folders.labelsDir, stores, bring, settings, events, logger, notify: opts.notify, batchRowLeaseMs: opts.batchRowLeaseMs })
  const receiver = await createReceiverService({ userDataDir, repo: stores.warehouse, secretStore: opts.secretStore, logger })
  const backups = createBackups(history.db, userDataDir)

  const notices = startupNotices({ labelsAside: folders.labelsAside, history, pausedBatches })
  const background = startBackgroundWork({ services, stores, reconcile, team, backups, receiver, events, logger, notices, autoBackup: opts.autoBackup !== false, autoTracking: opts.autoTracking !== false, labelsLost: Boolean(folders.labelsAside), checkHistory: history.checkBesideTheApp })

  return {
    app: { name: 'Fraktdesk', version: opts.version, platform: opts.platform ?? process.platform, userDataDir, labelsDir: folders.labelsDir, logsDir: path.join(userDataDir, 'logs') },
    logger,
    settings,
    credentials,
    bring,
    stores,
    localShipments,
    customers: createCustomersService(bring, createCustomersCache(userDataDir), settings),
    quotes: createQuoteService(),
    drafts: await createDraftsStore(userDataDir),
    booking: services.booking,
    pickups: services.pickups,
    batches: services.batches,
    tracking: services.tracking,
    deliveryRecord: services.deliveryRecord,
    postalCodes: services.postalCodes,
    pickupPoints: createPickupPointService({ http: () => bring.http(), logger }),
    printing: createPrintService({ printer: opts.labelPrinter ?? labelPrinterFor(opts.platform ?? process.platform), settings, prints: stores.labelPrints, labelsDir: folders.labelsDir, logger, onProgress: (p) => events.emit('printing:job', p) }),
    receiver,
    backups,
    sharedDb: createSharedDbService({ settings, secretStore: opts.secretStore, connection: team.connection, localDb: history.db, activeInThisRun: team.active, labelSeal }),
    events,
    copyToClipboard: opts.copyToClipboard ?? (() => undefined),
    openExternal: opts.openExternal,
    openPath: opts.openPath ?? (async () => 'Opening files is not available here.'),
    pickers: { folder: opts.chooseFolder ?? (async () => null), file: opts.chooseFile ?? (async () => null) },
    relaunch: opts.relaunch ?? (() => undefined),
    notices: () => [...settings.notices(), ...notices],
    sharedHealth: () => (team.active ? team.connection.health() : null),
    maintenance: { tempFilesRemoved: folders.tempFilesRemoved, labelsRefetched: background.labelsRefetched, historyChecked: background.historyChecked, checkDatabaseAtNextStart: history.checkAtNextStart, historyDamaged: history.damagedNow },
    dispose: () => {
      background.stop()
      void team.connection.close()
      history.close()
    }
  }
}
