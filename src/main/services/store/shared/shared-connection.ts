import { hostname } from 'node:os'
import type { SettingsStore } from '../../settings/settings-store'
import type { SecretStore } from '../../secrets/secret-store'
import type { Logger } from '../../log/logger'
import { openSharedDatabase, type SharedDatabase, type SharedDatabaseConfig } from './shared-database'

export const SHARED_DB_SECRET_ACCOUNT = 'fraktdesk:shared-database'

export interface SharedConnection {
  /** A shared database is chosen in Settings (this desk is in team mode). */
  configured(): boolean
  deskName(): string
  /** Opened on first use and again after a failure: a server that comes back is used without a restart. */
  database(): Promise<SharedDatabase>
  /** Opened now, or the reason it cannot be (never throws). */
  status(): Promise<{ connected: true; serverVersion: string } | { connected: false; problem: string }>
  close(): Promise<void>
}

/** Settings (or the form) plus the keychain's password, unless one was typed: how to connect. */
export async function sharedDatabaseConfig(s: { url: string; tls: boolean; caFile: string; password?: string }, secretStore: SecretStore): Promise<SharedDatabaseConfig> {
  const password = s.password || ((await secretStore.get(SHARED_DB_SECRET_ACCOUNT).catch(() => null)) ?? undefined)
  return { url: s.url, password, tls: { enabled: s.tls, caFile: s.caFile || undefined } }
}

export const deskNameOr = (name: string): string => name.trim() || hostname().slice(0, 40) || 'Desk'

/** The desk's connection to the team's database, from Settings and the keychain. */
export function createSharedConnection(deps: { settings: SettingsStore; secretStore: SecretStore; logger: Logger }): SharedConnection {
  let opening: Promise<SharedDatabase> | null = null
  const database = (): Promise<SharedDatabase> => {
    opening ??= sharedDatabaseConfig(deps.settings.get().sharedDatabase, deps.secretStore)
      .then((c) => openSharedDatabase(c))
      .catch((err: unknown) => {
        opening = null
        deps.logger.warn({ problem: (err as Error).message }, 'shared database not reachable')
        throw err
      })
    return opening
  }
  return {
    configured: () => deps.settings.get().sharedDatabase.url !== '',
    deskName: () => deskNameOr(deps.settings.get().sharedDatabase.deskName),
    database,
    async status() {
      try {
        return { connected: true, serverVersion: (await database()).serverVersion }
      } catch (err) {
        return { connected: false, problem: (err as Error).message }
      }
    },
    async close() {
      const open = opening
      opening = null
      if (open) await (await open.catch(() => null))?.close()
    }
  }
}
