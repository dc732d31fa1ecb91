import path from 'node:path'
import type { Logger } from '../services/log/logger'
import type { EventHub } from '../services/events/event-hub'
import type { Notice } from '@shared/domain/notices'
import type { Backups } from '../services/store/sqlite/backups'
import type { ReceiverService } from '../services/warehousing/receiver-service'
import type { Stores } from '../services/store/stores'
import { notSentMessage, outcomeUnknownMessage } from '../services/booking/booking-service'
import type { ShipmentServices } from './services'
import type { AppStores } from './stores'
import { followTeam, type Team } from './team'
import { labelsRefetchedNotice } from './startup-notices'
import { notice as makeNotice } from '@shared/domain/notices'
import type { BackgroundCheck } from './history'

interface BackgroundDeps {
  services: ShipmentServices
  stores: Stores
  reconcile: AppStores['reconcile']
  team: Team
  backups: Backups
  receiver: ReceiverService
  events: EventHub
  logger: Logger
  /** Where a notice for the user goes once the work that found it ends. */
  notices: Notice[]
  /** The daily backup and tracking polls (on unless a test turns them off). */
  autoBackup: boolean
  autoTracking: boolean
  /** The labels folder was lost at this start (moved aside): every booked shipment's label is fetched again, not only recent ones. */
  labelsLost: boolean
  /** The history file's whole-file check when due (after a crash, never checked, weekly), beside the app. */
  checkHistory(): Promise<BackgroundCheck>
}

/** A crash leaves the labels of the last bookings unsaved: those of the last days are looked at, not the whole history. */
const RECENT_LABELS_MS = 3 * 24 * 3_600_000

/**
 * What runs beside the user once the services are up: the daily backup, tracking polls, the
 * Warehousing receiver, following the other desks, settling what a lost shared database left, and
 * labels a crash left unsaved. Returns its stop and the label refetch (the app reports it).
 */
export function startBackgroundWork(d: BackgroundDeps): { labelsRefetched: Promise<{ missing: number; stillMissing: number }>; historyChecked: Promise<BackgroundCheck>; stop(): void } {
  const { services, logger } = d
  // A notice found after the window asked for them reaches it as an event too.
  const tell = (n: Notice): void => {
    d.notices.push(n)
    d.events.emit('app:notice', n)
  }
  const historyChecked = d.checkHistory().then(
    (verdict) => {
      if (verdict === 'damaged') tell(makeNotice('databaseDamagedFound', {}))
      return verdict
    },
    (err) => {
      logger.error({ err: (err as Error).message }, 'history database check failed to run')
      return 'not due' as const
    }
  )
  // One backup a day: shortly after start-up, then checked every few hours (a no-op once today's exists).
  const runBackup = (): void =>
    void d.backups.daily().then(
      (made) => made && logger.info({ file: path.basename(made.file), shipments: made.shipments }, 'daily backup made'),
      (err) => logger.error({ err: (err as Error).message }, 'daily backup failed')
    )
  const backupTimers = d.autoBackup ? [setTimeout(runBackup, 30_000), setInterval(runBackup, 4 * 3600_000)] : []
  backupTimers.forEach((t) => t.unref())
  if (d.autoTracking) services.tracking.start()
  // Shipments tracked before the delivery record existed (or copied into a shared database) join it, a batch at a time.
  void services.deliveryRecord.backfill().then(
    (n) => n > 0 && logger.info({ shipments: n }, 'delivery record filled in from earlier tracking'),
    (err) => logger.warn({ err: (err as Error).message }, 'delivery record not filled in')
  )
  // Off unless the user turned it on; then it listens again after a restart.
  if (d.receiver.config().enabled) void d.receiver.apply()
  const stopFollowing = followTeam(d.team, d.events, logger)
  if (d.reconcile) settleWhenTeamIsBack(d, d.reconcile)
  // Booked before a crash but the label never saved: fetch it again (the last days' bookings; all when the folder was lost).
  const labelsRefetched = services.booking.refetchMissingLabels(d.labelsLost ? {} : { since: new Date(Date.now() - RECENT_LABELS_MS).toISOString() }).then(
    (result) => {
      const notice = labelsRefetchedNotice(result)
      if (notice) {
        logger.info(result, 'labels missing after the last shutdown fetched again')
        tell(notice)
      }
      return result
    },
    (err) => {
      logger.warn({ err: (err as Error).message }, 'could not check for missing labels')
      return { missing: 0, stillMissing: 0 }
    }
  )
  return {
    labelsRefetched,
    historyChecked,
    stop: () => {
      backupTimers.forEach((t) => clearTimeout(t))
      void d.receiver.stop()
      services.tracking.stop()
      stopFollowing()
    }
  }
}

/** The shared database came back after it was lost: settle what the loss left on this desk, and book on cautiously. */
function settleWhenTeamIsBack(d: BackgroundDeps, reconcile: NonNullable<AppStores['reconcile']>): void {
  const { services, logger } = d
  d.team.connection.onReconnect(async () => {
    d.team.pacers?.booking.reconnected()
    d.team.pacers?.tracking.reconnected()
    const settled = await reconcile(services.booking.inFlight(), {
      notSent: `The shared database went away before this booking was sent. ${notSentMessage}`,
      unknown: `The shared database went away while this booking was being sent. ${outcomeUnknownMessage}`
    })
    // Booked at Bring while the database was away: now recorded, they get what every booking gets.
    for (const id of settled.booked) {
      const s = await d.stores.shipments.get(id)
      if (s) await services.afterBooked(s).catch((err: unknown) => logger.warn({ shipment: id, problem: (err as Error).message }, 'after-booking step failed'))
    }
    const batchStates = await services.batches.flushStates()
    logger.info({ settled: settled.written, booked: settled.booked.length, batchStates }, 'shared database back: what the outage left is settled')
    void services.booking.refetchMissingLabels({ since: new Date(Date.now() - RECENT_LABELS_MS).toISOString() }).catch(() => undefined)
  })
}
