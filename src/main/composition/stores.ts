import type { Logger } from '../services/log/logger'
import type { EventHub } from '../services/events/event-hub'
import type { Db } from '../services/store/sqlite/db'
import type { Stores } from '../services/store/stores'
import type { ShipmentsRepo } from '../services/store/sqlite/shipments-repo'
import type { LabelLinksSeal } from '../services/store/postgres/shipments-store'
import type { InterruptedMessages } from '../services/store/interrupted'
import { createSqliteStores } from '../services/store/sqlite/create-stores'
import { createPostgresStores } from '../services/store/postgres/create-stores'
import { notifyingShipmentsStore } from '../services/store/notifying-store'
import { mirroredShipmentsStore, type Reconciled } from '../services/team/mirrored-store'
import type { Team } from './team'

export interface AppStores {
  /** On the engine this run uses: the team's PostgreSQL in team mode, else the desk's own SQLite file. */
  stores: Stores
  /** The desk's own SQLite copy of the history (alone: the history itself; in team mode: outcomes first, tracking beside it). */
  localShipments: ShipmentsRepo
  /** Team mode: settle into the shared database what its loss left on this desk (null alone). */
  reconcile: ((inFlight: ReadonlySet<string>, messages: InterruptedMessages) => Promise<Reconciled>) | null
}

/** The one choice of engine: every store on the desk's file, or on the shared database with the desk's file beneath the shipments. */
export function createStores(db: Db, deps: { team: Team; seal: LabelLinksSeal; events: EventHub; logger: Logger; batchRowLeaseMs?: number; trackingLeaseMs?: number }): AppStores {
  const { shipmentsRepo, ...local } = createSqliteStores(db)
  if (!deps.team.active) {
    // Alone, the store says what changed; in team mode the shared database tells every desk (see followTeam).
    const shipments = notifyingShipmentsStore(local.shipments, (shipmentId, status) => deps.events.emit('shipments:changed', { shipmentId, desk: '', status }))
    return { stores: { ...local, shipments }, localShipments: shipmentsRepo, reconcile: null }
  }
  const shared = createPostgresStores(deps.team.connection.database, { desk: deps.team.connection.deskName(), seal: deps.seal, batchRowLeaseMs: deps.batchRowLeaseMs, trackingLeaseMs: deps.trackingLeaseMs })
  const shipments = mirroredShipmentsStore(shared.shipments, shipmentsRepo, deps.logger)
  // Tracking is shared like the history; postal code lookups and label prints stay in the desk's own file.
  return { stores: { ...shared, shipments, postalCodes: local.postalCodes, labelPrints: local.labelPrints }, localShipments: shipmentsRepo, reconcile: shipments.reconcile }
}
