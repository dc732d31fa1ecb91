// A throwaway PostgreSQL for the tests: the system's own server binaries (Debian's `postgresql`
// package, which .ci/run installs), a fresh cluster in a temp directory on a free port, trust auth on
// loopback only. No mock: the shared-store contract tests run against it.
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { freePort } from './free-port'
import { tmpdir, userInfo } from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface PostgresServer {
  /** postgres://… of the `postgres` database, superuser, no password. */
  adminUrl: string
  stop(): Promise<void>
  /** The server goes away as in a power cut (pg_ctl stop -m immediate); its data stay. */
  kill(): void
  /** The same server back on the same port and data. */
  restart(): void
}

/** initdb/pg_ctl from PATH or Debian's versioned folder; null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const candidates = [...(process.env.PATH ?? '').split(':'), ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [])]
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'))) ?? null
}


export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb/postgres on PATH or in /usr/lib/postgresql/*/bin). Install it: apt-get install postgresql')
  const dir = mkdtempSync(path.join(tmpdir(), 'fraktdesk-pg-'))
  const data = path.join(dir, 'data')
  // PostgreSQL refuses to run as root: run it as the `postgres` user the package created.
  const asRoot = userInfo().uid === 0
  const runAs = (cmd: string, args: string[]): string[] => (asRoot ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args])
  if (asRoot) {
    chmodSync(dir, 0o755)
    const { uid, gid } = userIds('postgres')
    chownSync(dir, uid, gid)
  }
  const [initCmd, ...initArgs] = runAs(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N'])
  execFileSync(initCmd, initArgs, { stdio: 'pipe' })
  const port = await freePort()
  const pgCtl = (...args: string[]): void => {
    const [cmd, ...rest] = runAs(path.join(bin, 'pg_ctl'), ['-D', data, ...args])
    execFileSync(cmd, rest, { stdio: 'pipe', timeout: 30_000 })
  }
  const options = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c max_connections=200 -c shared_buffers=64MB`
  try {
    pgCtl('-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '20', 'start')
  } catch (err) {
    throw new Error(`PostgreSQL did not start: ${(err as { stderr?: Buffer }).stderr?.toString() ?? String(err)}`)
  }
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill: () => pgCtl('-m', 'immediate', '-w', 'stop'),
    restart: () => pgCtl('-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '30', 'start'),
    async stop() {
      try {
        pgCtl('-m', 'immediate', '-w', 'stop')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

function userIds(name: string): { uid: number; gid: number } {
  return { uid: Number(execFileSync('id', ['-u', name]).toString()), gid: Number(execFileSync('id', ['-g', name]).toString()) }
}

/** A fresh, empty database of that name on the server (one left from an earlier run is dropped first); its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}
