import { afterEach } from 'vitest'
import type { Kysely } from 'kysely'
import { openDatabase, type Db } from '../../src/main/services/store/sqlite/db'
import { openSharedDatabase, type SharedDatabase } from '../../src/main/services/store/postgres/database'
import type { SharedSchema } from '../../src/main/services/store/postgres/schema'
import { useTempDir } from './temp-dir'
import { postgresUnavailable, usePostgresDatabase } from './postgres'

/** Makes a store (or a desk's stores) on one engine; each call is one more connection to the same database. */
export type MakeStore<A extends unknown[], T> = (...args: A) => Promise<T>

/**
 * The engines a store contract runs on: the embedded SQLite file and the shared PostgreSQL database
 * (skipped, with the reason, where PostgreSQL is missing). Each `factory()` is a fresh database; every
 * store made from it shares that database, so on PostgreSQL two stores are two desks.
 */
export function storeEngines<A extends unknown[], T>(build: { sqlite: (db: Db, ...args: A) => T; postgres: (db: Kysely<SharedSchema>, ...args: A) => T }): [string, () => MakeStore<A, T>, string][] {
  const tempDir = useTempDir()
  const newPgDatabase = usePostgresDatabase()
  const open: SharedDatabase[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()))
  })
  const sqlite = (): MakeStore<A, T> => {
    let dir: Promise<string> | undefined
    return async (...args) => build.sqlite(openDatabase(await (dir ??= tempDir())), ...args)
  }
  const postgres = (): MakeStore<A, T> => {
    let url: Promise<string> | undefined
    return async (...args) => {
      const shared = await openSharedDatabase({ url: await (url ??= newPgDatabase()), tls: { enabled: false } })
      open.push(shared)
      return build.postgres(shared.db, ...args)
    }
  }
  return [
    ['SQLite', sqlite, ''],
    ['PostgreSQL', postgres, postgresUnavailable()]
  ]
}
