// Vitest global setup: one PostgreSQL server for the whole run (when PostgreSQL is installed);
// each test file makes its own database on it (test/helpers/postgres.ts).
import type { TestProject } from 'vitest/node'
import { findPostgresBin, startPostgres, type PostgresServer } from './postgres-server'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string
    postgresUnavailable: string
  }
}

let server: PostgresServer | undefined

export async function setup(project: TestProject): Promise<void> {
  if (process.env.FRAKTDESK_TEST_PG_URL) {
    project.provide('postgresAdminUrl', process.env.FRAKTDESK_TEST_PG_URL)
    project.provide('postgresUnavailable', '')
    return
  }
  if (!findPostgresBin()) {
    const reason = 'PostgreSQL is not installed here (apt-get install postgresql): the PostgreSQL half of the store contract tests is skipped'
    if (process.env.FRAKTDESK_REQUIRE_POSTGRES === '1') throw new Error(`${reason}, but FRAKTDESK_REQUIRE_POSTGRES=1 requires it`)
    console.warn(`\n[postgres] ${reason}.\n`)
    project.provide('postgresAdminUrl', '')
    project.provide('postgresUnavailable', reason)
    return
  }
  server = await startPostgres()
  project.provide('postgresAdminUrl', server.adminUrl)
  project.provide('postgresUnavailable', '')
}

export async function teardown(): Promise<void> {
  await server?.stop()
}
