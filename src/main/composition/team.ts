import type { Logger } from '../services/log/logger'
import type { SettingsStore } from '../services/settings/settings-store'
import type { SecretStore } from '../services/secrets/secret-store'
import type { EventHub } from '../services/events/event-hub'
import type { RateLimiter } from '../services/bring/rate-limiter'
import { bringRateLimits } from '../services/bring/rate-limiter'
import { createSharedConnection, type SharedConnection } from '../services/team/connection'
import { createSharedPacer } from '../services/team/pacer'
import { followSharedChanges } from '../services/team/follow-changes'

/** Team mode as this run has it: the shared PostgreSQL connection (opened on first use) and the booking pace shared by the desks. */
export interface Team {
  connection: SharedConnection
  /** The shared database is this run's history (chosen in Settings; a change takes effect at the next start). */
  active: boolean
  /** Desks that share an API user share Bring's booking and tracking limits, paced through the shared database. */
  pacers: { booking: SharedPacer; tracking: SharedPacer } | null
}
type SharedPacer = RateLimiter & { reconnected(): void }

export function connectTeam(settings: SettingsStore, secretStore: SecretStore, logger: Logger): Team {
  const connection = createSharedConnection({ settings, secretStore, logger })
  const active = connection.configured()
  // One pace per API user and API: the tracking budget has its own row beside booking's.
  const pacers = active
    ? {
        booking: createSharedPacer(connection.database, () => settings.get().apiUid, bringRateLimits.booking),
        tracking: createSharedPacer(connection.database, () => `${settings.get().apiUid} tracking`, bringRateLimits.tracking)
      }
    : null
  return { connection, active, pacers }
}

// The shared tables whose screens follow other desks' changes (shipments have their own event).
const sharedTables = ['batches', 'address_book', 'pickups', 'warehouse_messages'] as const
const isSharedTable = (table: string): table is (typeof sharedTables)[number] => (sharedTables as readonly string[]).includes(table)

/**
 * Every screen holding shared data follows the other desks (LISTEN/NOTIFY), and reads again after
 * the server was away (what changed is unknown) and when it goes (so each list says the database
 * cannot be reached instead of showing what it had); the status line follows the connection.
 * Returns the stop.
 */
export function followTeam(team: Team, events: EventHub, logger: Logger): () => void {
  if (!team.active) return () => undefined
  const refreshSharedScreens = (): void => {
    events.emit('shipments:changed', { shipmentId: '', desk: '', status: '' })
    for (const table of sharedTables) events.emit('shared:changed', { table, id: '', desk: '' })
  }
  const stopFollowing = followSharedChanges(
    team.connection.database,
    (c) => {
      if (c.table === 'shipments') events.emit('shipments:changed', { shipmentId: c.id, desk: c.desk, status: c.status })
      else if (c.table === 'tracking') events.emit('tracking:changed', { shipmentIds: [c.id] })
      else if (isSharedTable(c.table)) events.emit('shared:changed', { table: c.table, id: c.id, desk: c.desk })
    },
    logger,
    30_000,
    refreshSharedScreens
  )
  let lastHealth = 'connected'
  const stopHealth = team.connection.onHealth((health) => {
    events.emit('shared:health', health)
    if (health.state !== lastHealth) refreshSharedScreens()
    lastHealth = health.state
  })
  return () => {
    stopHealth()
    stopFollowing()
  }
}
