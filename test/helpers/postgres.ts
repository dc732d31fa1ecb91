import { randomBytes } from 'node:crypto'
import { afterAll, inject } from 'vitest'
import pg from 'pg'
import { createDatabase } from './postgres-server'

/** Why the PostgreSQL tests of this run are skipped ('' when they run). */
export const postgresUnavailable = (): string => inject('postgresUnavailable')

/**
 * A fresh, empty database on the run's PostgreSQL server for each call, dropped after the file.
 * Returns its URL.
 */
export function usePostgresDatabase(): () => Promise<string> {
  const created: string[] = []
  const admin = (): pg.Client => new pg.Client({ connectionString: inject('postgresAdminUrl') })
  afterAll(async () => {
    if (created.length === 0) return
    const client = admin()
    await client.connect()
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.end()
  })
  return async () => {
    const name = `fraktdesk_${randomBytes(6).toString('hex')}`
    created.push(name)
    return createDatabase(inject('postgresAdminUrl'), name)
  }
}
