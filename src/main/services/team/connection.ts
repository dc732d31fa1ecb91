import { hostname } from 'node:os'
import type { SettingsStore } from '../settings/settings-store'
import type { SecretStore } from '../secrets/secret-store'
import type { Logger } from '../log/logger'
import { openSharedDatabase, type SharedDatabase, type SharedDatabaseConfig } from '../store/postgres/database'

export const SHARED_DB_SECRET_ACCOUNT = 'fraktdesk:shared-database'

/** How this desk's connection to the team's database is doing, for the status line. */
export type SharedHealth = { state: 'connected' } | { state: 'lost'; since: string; problem: string; nextTryAt: string | null }

export interface SharedConnection {
  /** Connected, or lost since when and when the next try is. */
  health(): SharedHealth
  /** Told of every change of health (lost, each try, back). */
  onHealth(listener: (h: SharedHealth) => void): () => void
  /** Run once the database answers again after it was lost (settle what the loss left, resume pacing cautiously). */
  onReconnect(hook: () => Promise<void> | void): void
  /** A statement failed because the connection went: start reconnecting (with backoff) unless already. */
  reportLost(err: Error): void
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
export function createSharedConnection(deps: { settings: SettingsStore; secretStore: SecretStore; logger: Logger; backoff?: { firstMs: number; maxMs: number }; now?: () => number }): SharedConnection {
  const now = deps.now ?? Date.now
  const backoff = deps.backoff ?? { firstMs: 1000, maxMs: 30_000 }
  let opening: Promise<SharedDatabase> | null = null
  let health: SharedHealth = { state: 'connected' }
  let delay = backoff.firstMs
  let timer: ReturnType<typeof setTimeout> | undefined
  let closed = false
  const listeners = new Set<(h: SharedHealth) => void>()
  const hooks: (() => Promise<void> | void)[] = []
  const tell = (): void => {
    for (const l of listeners) l(health)
  }

  const reportLost = (err: Error): void => {
    if (closed || health.state === 'lost') return
    deps.logger.warn({ problem: err.message }, 'shared database connection lost; reconnecting')
    health = { state: 'lost', since: new Date(now()).toISOString(), problem: err.message, nextTryAt: null }
    delay = backoff.firstMs
    schedule()
  }
  /** The next try, later each time (up to maxMs): a server coming back is not flooded by every desk at once. */
  const schedule = (): void => {
    if (closed || health.state !== 'lost') return
    clearTimeout(timer)
    health = { ...health, nextTryAt: new Date(now() + delay).toISOString() }
    tell()
    timer = setTimeout(() => void probe(), delay)
    timer.unref?.()
  }
  async function probe(): Promise<void> {
    const answered = await database().then((d) => d.ping(), () => false)
    if (closed) return
    if (!answered) {
      delay = Math.min(delay * 2, backoff.maxMs)
      return schedule()
    }
    deps.logger.info('shared database reachable again')
    health = { state: 'connected' }
    tell()
    for (const hook of hooks) {
      try {
        await hook()
      } catch (err) {
        deps.logger.warn({ problem: (err as Error).message }, 'after reconnecting: a step failed')
      }
    }
  }

  const database = (): Promise<SharedDatabase> => {
    opening ??= sharedDatabaseConfig(deps.settings.get().sharedDatabase, deps.secretStore)
      .then((c) => openSharedDatabase(c, { onLost: reportLost }))
      .catch((err: unknown) => {
        opening = null
        deps.logger.warn({ problem: (err as Error).message }, 'shared database not reachable')
        reportLost(err as Error)
        throw err
      })
    return opening
  }
  return {
    health: () => health,
    onHealth(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onReconnect: (hook) => void hooks.push(hook),
    reportLost,
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
      closed = true
      clearTimeout(timer)
      const open = opening
      opening = null
      if (open) await (await open.catch(() => null))?.close()
    }
  }
}
