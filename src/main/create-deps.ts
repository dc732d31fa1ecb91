import path from 'node:path'
import { promises as fs } from 'node:fs'
import type { AppDeps, FileKind } from './ipc/deps'
import { createSettingsStore } from './services/settings/settings-store'
import { createCredentialsService } from './services/secrets/credentials'
import type { SecretStore } from './services/secrets/secret-store'
import { createBringConnection, DEFAULT_BRING_BASE_URL } from './services/bring/bring-connection'
import type { FetchLike } from './services/bring/bring-http'
import { createSimulator, type Simulator } from './services/bring-simulator/engine'
import { createInProcessFetch } from './services/bring-simulator/in-process-fetch'
import { createCustomersCache } from './services/customers/customers-cache'
import { createCustomersService } from './services/customers/customers-service'
import { createQuoteService } from './services/quote/quote-service'
import { createDraftsStore } from './services/drafts/drafts-store'
import type { Logger } from './services/log/logger'
import { DB_FILE, isDamagedDatabaseError, openHistory, type DamagedChoice, type DamagedDatabase } from './services/store/sqlite/damaged-database'
import { applyStagedRestore, createBackups } from './services/store/sqlite/backups'
import { createShipmentsRepo } from './services/store/sqlite/shipments-repo'
import { sqliteShipmentsStore } from './services/store/shipments'
import { notifyingShipmentsStore } from './services/store/notifying-store'
import { createSharedConnection } from './services/team/connection'
import { lazyPgShipmentsStore } from './services/store/postgres/shipments-store'
import { createLabelLinksSeal } from './services/team/label-links-seal'
import { createSharedDbService } from './services/team/shared-db-service'
import { followSharedChanges } from './services/team/follow-changes'
import { createSharedPacer } from './services/team/pacer'
import { mirroredShipmentsStore } from './services/team/mirrored-store'
import { bringRateLimits } from './services/bring/rate-limiter'
import { createBookingService, notSentMessage, outcomeUnknownMessage } from './services/booking/booking-service'
import { createErrorCatalogue } from './services/booking/error-catalogue'
import { createPickupsRepo } from './services/store/sqlite/pickups-repo'
import { sqlitePickupsStore } from './services/store/pickups'
import { lazyPgPickupsStore } from './services/store/postgres/pickups-store'
import { removeStaleTempFiles } from './services/maintenance/crash-leftovers'
import { createPickupService, pickupNotSentMessage, pickupOutcomeUnknownMessage } from './services/pickups/pickup-service'
import type { Notice } from '@shared/domain/notices'
import type { ShipmentRecord } from '@shared/domain/booking'
import { createAddressBookRepo } from './services/store/sqlite/address-book-repo'
import { sqliteAddressBookStore } from './services/store/address-book'
import { lazyPgAddressBookStore } from './services/store/postgres/address-book-store'
import { createBatchesRepo } from './services/store/sqlite/batches-repo'
import { sqliteBatchesStore } from './services/store/batches'
import { DEFAULT_ROW_LEASE_MS, lazyPgBatchesStore } from './services/store/postgres/batches-store'
import { createBatchService } from './services/batches/batch-service'
import { createEventHub } from './services/events/event-hub'
import { createWarehouseRepo } from './services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from './services/store/warehouse'
import { lazyPgWarehouseStore } from './services/store/postgres/warehouse-store'
import { createReceiverService } from './services/warehousing/receiver-service'
import { createTrackingRepo } from './services/store/sqlite/tracking-repo'
import { createTrackingService } from './services/tracking/tracking-service'
import { trackConsignment } from './services/bring/tracking'
import { attentionStates } from '@shared/domain/tracking'

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
  /** A desktop notification (Electron's Notification in the app). */
  notify?(title: string, body: string): void
}

/** Electron-free composition of every service: the app's main process and the e2e bridge both use it. */
export async function createAppDeps(opts: CreateAppDepsOptions): Promise<AppDeps> {
  const labelsDir = path.join(opts.userDataDir, 'labels')
  // Something that is not a folder where the labels belong: keep it, aside, and start a fresh folder.
  const labelsAside = await moveAsideIfNotFolder(labelsDir)
  await fs.mkdir(labelsDir, { recursive: true, mode: 0o700 })
  // Labels and the history are the user's business only (POSIX; Windows profiles are per-user already).
  if (process.platform !== 'win32') await Promise.all([fs.chmod(opts.userDataDir, 0o700), fs.chmod(labelsDir, 0o700)])
  // Crash leftovers go in the background: listing a labels folder of 100,000 files takes a while,
  // and the one-minute rule keeps it clear of any write the app starts meanwhile.
  const tempFilesRemoved = removeStaleTempFiles([opts.userDataDir, labelsDir]).then((removed) => {
    if (removed > 0) opts.logger.info({ tempFilesRemoved: removed }, 'removed temp files left by an earlier crash')
    return removed
  })
  const settings = await createSettingsStore(opts.userDataDir)
  const credentials = createCredentialsService(settings, opts.secretStore)
  const sandboxFetch = createInProcessFetch(opts.sandbox ?? createSimulator())
  // Team mode: the history in the shared PostgreSQL database chosen in Settings (opened on first use).
  const sharedConnection = createSharedConnection({ settings, secretStore: opts.secretStore, logger: opts.logger })
  const teamMode = sharedConnection.configured()
  // Desks that share an API user share Bring's booking limit, paced through the shared database.
  const sharedPacer = teamMode ? createSharedPacer(sharedConnection.database, () => settings.get().apiUid, bringRateLimits.booking) : null
  const bring = createBringConnection({
    limiters: sharedPacer ? { booking: sharedPacer } : undefined,
    settings,
    credentials,
    fetch: opts.fetch,
    baseUrl: opts.baseUrl || DEFAULT_BRING_BASE_URL,
    sandboxFetch,
    logger: opts.logger,
    appVersion: opts.version,
    timeoutMs: opts.timeoutMs
  })
  // A restore chosen in Settings happens now, before the database is opened.
  const restored = applyStagedRestore(opts.userDataDir, DB_FILE)
  // Without anyone to ask (tests, the e2e bridge): the latest good backup if there is one, else what can be read.
  const history = await openHistory(opts.userDataDir, opts.onDamagedDatabase ?? (async (d) => (d.latestBackup ? 'restore' : 'recover')))
  const db = history.db
  opts.logger.info({ fullCheck: history.fullCheck ?? 'skipped: closed cleanly, checked within the week' }, 'history database opened')
  const shipments = createShipmentsRepo(db)
  const pickupsRepo = teamMode ? lazyPgPickupsStore(sharedConnection.database, sharedConnection.deskName()) : sqlitePickupsStore(createPickupsRepo(db))
  const labelSeal = createLabelLinksSeal(() => credentials.current())
  const events = createEventHub((event, problem) => opts.logger.error({ event, problem }, 'event payload broke its schema; not sent'))
  // Team mode: the shared database tells every desk of every change (LISTEN/NOTIFY, below); alone, the store does.
  const mirrored = teamMode ? mirroredShipmentsStore(lazyPgShipmentsStore(sharedConnection.database, sharedConnection.deskName(), labelSeal), shipments, opts.logger) : null
  const shipmentsStore = mirrored
    ? mirrored
    : notifyingShipmentsStore(sqliteShipmentsStore(shipments), (shipmentId, status) => events.emit('shipments:changed', { shipmentId, desk: '', status }))
  // The shared database may not be reachable now: this desk's interrupted requests are recovered at the next start.
  const unlessUnavailable = (what: string, recovery: Promise<{ notSent: number; unknown: number }>) =>
    recovery.catch((err: unknown) => {
      opts.logger.warn({ problem: (err as Error).message }, `interrupted ${what} not recovered: store unavailable`)
      return { notSent: 0, unknown: 0 }
    })
  const interrupted = {
    shipments: await unlessUnavailable(
      'bookings',
      shipmentsStore.recoverInterrupted({
        notSent: `Fraktdesk stopped before this booking was sent. ${notSentMessage}`,
        unknown: `Fraktdesk stopped while this booking was being sent. ${outcomeUnknownMessage}`
      })
    ),
    pickups: await unlessUnavailable(
      'pickups',
      pickupsRepo.recoverInterrupted({
        notSent: `Fraktdesk stopped before this pickup was ordered. ${pickupNotSentMessage}`,
        unknown: `Fraktdesk stopped while this pickup was being ordered. ${pickupOutcomeUnknownMessage}`
      })
    )
  }
  if (interrupted.shipments.notSent + interrupted.shipments.unknown + interrupted.pickups.notSent + interrupted.pickups.unknown > 0) {
    opts.logger.warn({ interrupted }, 'requests interrupted by the last shutdown: never handed off = not sent, cut off = outcome unknown')
  }
  const pickups = createPickupService({ repo: pickupsRepo, bring, logger: opts.logger })
  const trackingRepo = createTrackingRepo(db)
  // Every screen holding shared data reads it again: after the server was away (what changed is unknown),
  // and when it goes (so each list says the database cannot be reached instead of showing what it had).
  const sharedTables = ['batches', 'address_book', 'pickups', 'warehouse_messages'] as const
  const isSharedTable = (table: string): table is (typeof sharedTables)[number] => (sharedTables as readonly string[]).includes(table)
  const refreshSharedScreens = (): void => {
    events.emit('shipments:changed', { shipmentId: '', desk: '', status: '' })
    for (const table of sharedTables) events.emit('shared:changed', { table, id: '', desk: '' })
  }
  const stopFollowing = teamMode
    ? followSharedChanges(
        sharedConnection.database,
        (c) => {
          if (c.table === 'shipments') events.emit('shipments:changed', { shipmentId: c.id, desk: c.desk, status: c.status })
          else if (isSharedTable(c.table)) events.emit('shared:changed', { table: c.table, id: c.id, desk: c.desk })
        },
        opts.logger,
        30_000,
        refreshSharedScreens
      )
    : () => undefined
  // The status line follows the connection: lost, each try, back; the screens follow when it goes and when it is back.
  let lastHealth = 'connected'
  if (teamMode)
    sharedConnection.onHealth((health) => {
      events.emit('shared:health', health)
      if (health.state !== lastHealth) refreshSharedScreens()
      lastHealth = health.state
    })
  const tracking = createTrackingService({
    repo: trackingRepo,
    track: (mode, cn) => trackConsignment(bring.httpFor(mode), cn, settings.get().language),
    logger: opts.logger,
    onChange: (shipmentIds) => {
      events.emit('tracking:changed', { shipmentIds })
      // A shipment that now needs attention: tell the user, if they asked for it.
      if (!settings.get().attentionNotifications || !opts.notify) return
      for (const id of shipmentIds) {
        const t = trackingRepo.get(id)
        if (t && attentionStates.has(t.state)) {
          const s = shipments.get(id)
          opts.notify(settings.get().language === 'nb' ? 'Sending trenger oppfølging' : 'A shipment needs attention', `${s?.recipientName ?? ''} · ${t.consignmentNumber}`)
        }
      }
    },
    enabled: () => settings.get().trackingEnabled
  })
  if (opts.autoTracking !== false) tracking.start()
  /** What follows a booking: a mailbox pickup becomes a pickup; the desk that booked follows it (tracking lives in its own file). */
  const afterBooked = async (s: ShipmentRecord): Promise<void> => {
    await pickups.recordMailboxPickup(s)
    tracking.enrol({ id: s.id, mode: s.mode, consignmentNumber: s.consignmentNumber, bookedAt: s.updatedAt })
  }
  const booking = createBookingService({
    repo: shipmentsStore,
    bring,
    errorCatalogue: createErrorCatalogue(opts.userDataDir),
    labelsDir,
    logger: opts.logger,
    onBooked: afterBooked
  })
  const addressBook = teamMode ? lazyPgAddressBookStore(sharedConnection.database, sharedConnection.deskName()) : sqliteAddressBookStore(createAddressBookRepo(db))
  const batchesRepo = teamMode ? lazyPgBatchesStore(sharedConnection.database, sharedConnection.deskName(), { leaseMs: opts.batchRowLeaseMs }) : sqliteBatchesStore(createBatchesRepo(db))
  const pausedBatches = await batchesRepo.pauseInterrupted().catch((err: unknown) => {
    opts.logger.warn({ problem: (err as Error).message }, 'interrupted batches not paused: store unavailable')
    return 0
  })
  const warehouse = teamMode ? lazyPgWarehouseStore(sharedConnection.database, sharedConnection.deskName()) : sqliteWarehouseStore(createWarehouseRepo(db))
  // Off unless the user turned it on; then it listens again after a restart.
  const receiver = await createReceiverService({ userDataDir: opts.userDataDir, repo: warehouse, secretStore: opts.secretStore, logger: opts.logger })
  if (receiver.config().enabled) void receiver.apply()
  const batches = createBatchService({
    repo: batchesRepo,
    addressBook,
    booking,
    bring,
    settings,
    logger: opts.logger,
    emit: (progress) => events.emit('batch:progress', progress),
    renewEveryMs: Math.round((opts.batchRowLeaseMs ?? DEFAULT_ROW_LEASE_MS) / 3)
  })
  // The shared database came back after it was lost: settle what the loss left on this desk, and book on cautiously.
  if (mirrored) {
    sharedConnection.onReconnect(async () => {
      sharedPacer?.reconnected()
      const settled = await mirrored.reconcile(booking.inFlight(), {
        notSent: `The shared database went away before this booking was sent. ${notSentMessage}`,
        unknown: `The shared database went away while this booking was being sent. ${outcomeUnknownMessage}`
      })
      // Booked at Bring while the database was away: now recorded, they get what every booking gets.
      for (const id of settled.booked) {
        const s = await shipmentsStore.get(id)
        if (s) await afterBooked(s).catch((err: unknown) => opts.logger.warn({ shipment: id, problem: (err as Error).message }, 'after-booking step failed'))
      }
      const batchStates = await batches.flushStates()
      opts.logger.info({ settled: settled.written, booked: settled.booked.length, batchStates }, 'shared database back: what the outage left is settled')
      void booking.refetchMissingLabels().catch(() => undefined)
    })
  }
  const startupNotices: Notice[] = []
  if (labelsAside) {
    opts.logger.warn({ labelsAside }, 'labels folder was not a folder; moved aside')
    startupNotices.push({ key: 'labelsFolderMoved', params: { file: path.basename(labelsAside) }, text: `The labels folder was damaged (not a folder) and has been moved aside as ${path.basename(labelsAside)}. Labels are downloaded again from the history.` })
  }
  if (restored && 'restored' in restored) {
    opts.logger.info(restored, 'backup restored')
    startupNotices.push({ key: 'backupRestored', params: { file: path.basename(restored.restored), aside: path.basename(restored.movedAside) }, text: `The backup ${path.basename(restored.restored)} was restored. The database you had before is kept as ${path.basename(restored.movedAside)}.` })
  } else if (restored) {
    opts.logger.warn(restored, 'backup restore refused')
    startupNotices.push({ key: 'backupRefused', params: { file: path.basename(restored.refused) }, text: `The backup ${path.basename(restored.refused)} could not be restored: it is damaged or missing. Your current history was kept.` })
  }
  const backups = createBackups(db, opts.userDataDir)
  // One backup a day: shortly after start-up, then checked every few hours (a no-op once today's exists).
  const runBackup = (): void =>
    void backups.daily().then(
      (made) => made && opts.logger.info({ file: path.basename(made.file), shipments: made.shipments }, 'daily backup made'),
      (err) => opts.logger.error({ err: (err as Error).message }, 'daily backup failed')
    )
  const backupTimers = opts.autoBackup === false ? [] : [setTimeout(runBackup, 30_000), setInterval(runBackup, 4 * 3600_000)]
  backupTimers.forEach((t) => t.unref())
  if (history.damaged) {
    const { movedTo, reason, recovered, restored } = history.damaged
    opts.logger.error({ movedTo, reason, recovered, restored: restored && path.basename(restored.file) }, 'history database could not be used; moved aside')
    const file = path.basename(movedTo)
    startupNotices.push(
      restored
        ? { key: 'databaseRestoredFromBackup', params: { file, backup: path.basename(restored.file), count: restored.shipments }, text: `The history database was damaged and has been moved aside as ${file}. The backup ${path.basename(restored.file)} was restored: ${restored.shipments} shipment(s).` }
        : recovered
        ? { key: 'databaseRecovered', params: { file, count: recovered.shipments, pickups: recovered.pickups, addressBook: recovered.addressBook }, text: `The history database was damaged and has been moved aside as ${file}. ${recovered.shipments} shipment(s), ${recovered.pickups} pickup(s) and ${recovered.addressBook} address-book entries were recovered.` }
        : { key: 'databaseReset', params: { file }, text: `The history database was damaged and has been moved aside as ${file}. Fraktdesk started with an empty history; the old file was not deleted.` }
    )
  }
  if (pausedBatches > 0) {
    startupNotices.push({ key: 'batchesPaused', params: { count: pausedBatches }, text: `${pausedBatches} batch(es) were running when Fraktdesk stopped. They are paused: open Batches and choose “Book all” to book the rows not yet sent.` })
  }
  // Booked before a crash but the label never saved: fetch it again, in the background.
  const labelsRefetched = booking.refetchMissingLabels().then(
    ({ missing, stillMissing }) => {
      if (missing === 0) return { missing, stillMissing }
      opts.logger.info({ missing, stillMissing }, 'labels missing after the last shutdown fetched again')
      startupNotices.push(
        stillMissing === 0
          ? { key: 'labelsRefetched', params: { count: missing }, text: `${missing} label(s) of shipments booked just before Fraktdesk last stopped were missing and have been downloaded again.` }
          : {
              key: 'labelsStillMissing',
              params: { count: missing, stillMissing },
              text: `${missing} label(s) were missing after Fraktdesk last stopped; ${stillMissing} could not be downloaded yet. Open the shipment and use “Download label”.`
            }
      )
      return { missing, stillMissing }
    },
    (err) => {
      opts.logger.warn({ err: (err as Error).message }, 'could not check for missing labels')
      return { missing: 0, stillMissing: 0 }
    }
  )
  return {
    notices: () => [...settings.notices(), ...startupNotices],
    sharedHealth: () => (teamMode ? sharedConnection.health() : null),
    maintenance: {
      tempFilesRemoved,
      labelsRefetched,
      checkDatabaseAtNextStart: history.checkAtNextStart,
      historyDamaged: () => {
        try {
          return db.pragma('quick_check', { simple: true }) !== 'ok'
        } catch (err) {
          return isDamagedDatabaseError(err)
        }
      }
    },
    app: { name: 'Fraktdesk', version: opts.version, platform: opts.platform ?? process.platform, userDataDir: opts.userDataDir, labelsDir, logsDir: path.join(opts.userDataDir, 'logs') },
    copyToClipboard: opts.copyToClipboard ?? (() => undefined),
    settings,
    credentials,
    bring,
    customers: createCustomersService(bring, createCustomersCache(opts.userDataDir), settings),
    quotes: createQuoteService(),
    drafts: await createDraftsStore(opts.userDataDir),
    shipments,
    shipmentsStore,
    sharedDb: createSharedDbService({ settings, secretStore: opts.secretStore, connection: sharedConnection, localDb: db, activeInThisRun: teamMode, labelSeal }),
    booking,
    pickupsRepo,
    pickups,
    addressBook,
    batchesRepo,
    batches,
    events,
    openExternal: opts.openExternal,
    openPath: opts.openPath ?? (async () => 'Opening files is not available here.'),
    backups,
    warehouse,
    receiver,
    trackingRepo,
    tracking,
    pickers: { folder: opts.chooseFolder ?? (async () => null), file: opts.chooseFile ?? (async () => null) },
    relaunch: opts.relaunch ?? (() => undefined),
    dispose: () => {
      backupTimers.forEach((t) => clearTimeout(t))
      void receiver.stop()
      tracking.stop()
      stopFollowing()
      void sharedConnection.close()
      history.close()
    },
    logger: opts.logger
  }
}

async function moveAsideIfNotFolder(dir: string): Promise<string | null> {
  const stat = await fs.lstat(dir).catch(() => null)
  if (!stat || stat.isDirectory()) return null
  const aside = `${dir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await fs.rename(dir, aside)
  return aside
}
