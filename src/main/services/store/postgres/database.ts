import { readFile } from 'node:fs/promises'
import { Kysely, Migrator, PostgresDialect, sql, type MigrationProvider } from 'kysely'
import pg from 'pg'
import type { SharedSchema } from './schema'
import { sharedMigrations } from './migrations'
import { AppError } from '@shared/ipc/app-error'

/** Where the team's database is. The password comes from the desk's keychain, never from settings. */
export interface SharedDatabaseConfig {
  /** postgres://user@host:5432/database (a password in the URL is refused: it belongs in the keychain). */
  url: string
  password?: string
  /** TLS is on unless turned off; a CA file trusts a server certificate the system does not. */
  tls: { enabled: boolean; caFile?: string }
}

export const MIN_SERVER_VERSION = 130000

/** A connection problem in words a shop can act on. */
export class SharedDatabaseError extends Error {}

/** The words for a database that went away while the desk was using it (the window has them in nb and en: sharedDbUnreachable). */
export const unreachableMessage = 'The shared database cannot be reached right now, so this could not be done. Fraktdesk reconnects by itself; check that the database server and the network are up.'

/** The error the window is given (and a paused batch keeps): translatable when it is the database gone away. */
export const sharedDatabaseAppError = (err: SharedDatabaseError): AppError =>
  err.message === unreachableMessage ? AppError.templated('SHARED_DB_UNAVAILABLE', 'sharedDbUnreachable') : new AppError('SHARED_DB_UNAVAILABLE', err.message)

const lostCodes = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH'])

/** An error that says the connection to the server is gone (or never came), as opposed to a refused statement. */
export function isConnectionLost(err: unknown): boolean {
  if (err instanceof SharedDatabaseError) return true
  const e = err as { code?: string; message?: string } | null
  if (!e) return false
  if (e.code && lostCodes.has(e.code)) return true
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended|server closed the connection|Client was closed|terminating connection|the database system is (shutting down|starting up|in recovery mode)/i.test(e.message ?? '')
}

export interface SharedDatabase {
  db: Kysely<SharedSchema>
  serverVersion: string
  /** LISTEN fraktdesk_changes on a connection of its own; `onLost` when that connection goes; returns the way to stop. */
  listen(onChange: (change: { table: string; id: string; desk: string; status: string }) => void, onLost?: (err: Error) => void): Promise<() => Promise<void>>
  /** One round trip: the server answers (true) or the connection is gone (false). */
  ping(): Promise<boolean>
  /** A statement failed because the connection went: the owner starts reconnecting. */
  reportLost(err: Error): void
  close(): Promise<void>
}

async function clientConfig(config: SharedDatabaseConfig): Promise<pg.ClientConfig> {
  let url: URL
  try {
    url = new URL(config.url)
  } catch {
    throw new SharedDatabaseError('The shared database address is not a URL like postgres://user@host:5432/database.')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new SharedDatabaseError('The shared database address must start with postgres://')
  if (url.password) throw new SharedDatabaseError('Leave the password out of the address: Fraktdesk keeps it in the keychain.')
  const ca = config.tls.enabled && config.tls.caFile ? await readFile(config.tls.caFile, 'utf8').catch(() => {
    throw new SharedDatabaseError(`The CA file ${config.tls.caFile} could not be read.`)
  }) : undefined
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined,
    password: config.password,
    ssl: config.tls.enabled ? { rejectUnauthorized: true, ...(ca ? { ca } : {}) } : false,
    connectionTimeoutMillis: 5000,
    application_name: 'fraktdesk'
  }
}

/** pg's errors in the shop's words; the original message stays for the log. */
export function explainConnectionError(err: unknown, config: SharedDatabaseConfig): SharedDatabaseError {
  if (err instanceof SharedDatabaseError) return err
  const e = err as { code?: string; message?: string }
  const where = (() => {
    try {
      const u = new URL(config.url)
      return `${u.hostname}:${u.port || 5432}`
    } catch {
      return config.url
    }
  })()
  const message = e.message ?? String(err)
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'ETIMEDOUT' || /timeout/i.test(message))
    return new SharedDatabaseError(`The shared database at ${where} cannot be reached (${e.code ?? 'timeout'}). Check the address and that the server is running.`)
  if (e.code === '28P01' || e.code === '28000') return new SharedDatabaseError('The shared database refused the user name or password.')
  if (e.code === '3D000') return new SharedDatabaseError(`The database in the address does not exist on ${where}.`)
  if (/does not support SSL/i.test(message)) return new SharedDatabaseError('The server does not offer TLS. Turn TLS on at the server, or turn it off here only on a network you trust.')
  if (/self[- ]signed|unable to verify|certificate/i.test(message)) return new SharedDatabaseError('The server’s TLS certificate is not trusted. Choose the CA file that signed it.')
  return new SharedDatabaseError(`The shared database answered: ${message}`)
}

const provider: MigrationProvider = { getMigrations: async () => sharedMigrations }

/** Connects, checks the server version, and brings the schema up to date. */
export async function openSharedDatabase(config: SharedDatabaseConfig, opts: { poolSize?: number; onLost?: (err: Error) => void } = {}): Promise<SharedDatabase> {
  const base = await clientConfig(config)
  const pool = new pg.Pool({ ...base, max: opts.poolSize ?? 6 })
  const lost = (err: Error): void => opts.onLost?.(err)
  // A connection the server drops must never take the process down: pg emits 'error' on the client
  // itself, idle or checked out (a query in flight also fails, and says so to its caller). The pool
  // only listens on idle clients, so every client gets a listener of its own the moment it exists.
  pool.on('connect', (client) => client.on('error', lost))
  pool.on('error', lost)
  const db = new Kysely<SharedSchema>({ dialect: new PostgresDialect({ pool }) })
  try {
    const { rows } = await sql<{ server_version_num: string; server_version: string }>`SELECT current_setting('server_version_num') AS server_version_num, current_setting('server_version') AS server_version`.execute(db)
    const version = rows[0]
    if (Number(version.server_version_num) < MIN_SERVER_VERSION) throw new SharedDatabaseError(`The server runs PostgreSQL ${version.server_version}; Fraktdesk needs 13 or newer.`)
    await migrateSharedDatabase(db)
    return {
      db,
      serverVersion: version.server_version,
      listen: async (onChange, onLost) => {
        const client = new pg.Client(base)
        let stopping = false
        const gone = (err: Error): void => {
          if (stopping) return
          stopping = true
          lost(err)
          onLost?.(err)
        }
        client.on('error', gone)
        client.on('end', () => gone(new Error('The LISTEN connection ended.')))
        await client.connect()
        client.on('notification', (n) => {
          try {
            if (n.channel === 'fraktdesk_changes' && n.payload) onChange(JSON.parse(n.payload))
          } catch {
            // A payload from something else on the channel: not ours to read.
          }
        })
        await client.query('LISTEN fraktdesk_changes')
        return async () => {
          stopping = true
          await client.end().catch(() => undefined)
        }
      },
      ping: () => sql`SELECT 1`.execute(db).then(() => true, () => false),
      reportLost: lost,
      close: () => db.destroy()
    }
  } catch (err) {
    await db.destroy().catch(() => undefined)
    throw explainConnectionError(err, config)
  }
}

export async function migrateSharedDatabase(db: Kysely<SharedSchema>): Promise<void> {
  const known = new Set(Object.keys(sharedMigrations))
  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db).then((r) => r.rows.map((x) => x.name)).catch(() => [] as string[])
  const newer = applied.filter((name) => !known.has(name))
  if (newer.length) throw new SharedDatabaseError(`The shared database was upgraded by a newer Fraktdesk (${newer.join(', ')}). Update Fraktdesk on this desk.`)
  // Several desks may start at once: Kysely's migrator takes a transaction-scoped advisory lock, so one migrates and the others wait.
  const { error } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) throw error
}
