// Main-process start-up: composing every service (settings, keychain, database with migrations and
// crash recovery, Bring connection, the missing-label check) on a userData folder that already
// holds a history of 100,000 shipments with their label files.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { createAppDeps } from '../../src/main/create-deps'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createLogger } from '../../src/main/services/log/logger'
import { printTable, quick, ms, stats, timeAsync } from '../lib'
import { seededDatabase } from './search'
import { OPEN_MARKER } from '../../src/main/services/store/sqlite/damaged-database'

export interface StartupResult {
  shipments: number
  composeMedian: number
  /** The same start after a crash: the whole file is read by `PRAGMA quick_check` first. */
  composeAfterCrashMedian: number
  labelCheckMedian: number
  runs: number
}

/** A userData folder with the seeded history and one label file per booked shipment (cached). */
function userDataWithHistory(n: number): string {
  const dir = path.resolve('bench/.data', `userdata-${n}-${path.basename(seededDatabase(n))}`)
  if (existsSync(path.join(dir, 'ready'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'labels'), { recursive: true })
  cpSync(path.join(seededDatabase(n), 'fraktdesk.sqlite3'), path.join(dir, 'fraktdesk.sqlite3'))
  const db = new Database(path.join(dir, 'fraktdesk.sqlite3'))
  const files = db.prepare<[], { consignment_number: string }>(`SELECT consignment_number FROM shipments WHERE status = 'booked'`).all()
  db.prepare(`UPDATE shipments SET label_file = consignment_number || '.pdf' WHERE status = 'booked'`).run()
  db.close()
  for (const f of files) writeFileSync(path.join(dir, 'labels', `${f.consignment_number}.pdf`), '%PDF-1.4\n')
  writeFileSync(path.join(dir, 'ready'), '')
  return dir
}

export async function benchStartup(): Promise<StartupResult> {
  const n = quick ? 10_000 : 100_000
  const runs = quick ? 3 : 10
  const source = userDataWithHistory(n)
  const compose: number[] = []
  const labelCheck: number[] = []
  // One copy of the history, started again and again: every start after the first finds it just
  // as a user's next morning does (migrations done, files in place).
  const userDataDir = path.join(tmpdir(), `fraktdesk-bench-start-${process.pid}`)
  cpSync(source, userDataDir, { recursive: true })
  const start = async (): Promise<{ composeMs: number; backgroundMs: number }> => {
    let deps: Awaited<ReturnType<typeof createAppDeps>> | undefined
    const composeMs = await timeAsync(async () => {
      deps = await createAppDeps({
        userDataDir,
        secretStore: createMemorySecretStore(),
        fetch: socketReportingFetch(),
        openExternal: async () => undefined,
        logger: createLogger({ write: () => true }, 'warn'),
        version: '0.1.0'
      })
    })
    const started = performance.now()
    await deps!.maintenance.labelsRefetched
    await deps!.maintenance.tempFilesRemoved
    const backgroundMs = performance.now() - started
    deps!.dispose()
    return { composeMs, backgroundMs }
  }
  for (let i = 0; i <= runs; i++) {
    const { composeMs, backgroundMs } = await start()
    if (i === 0) continue // the first start warms the disk cache (and checks the never-checked file)
    compose.push(composeMs)
    labelCheck.push(backgroundMs)
  }
  const afterCrash: number[] = []
  for (let i = 0; i < Math.min(runs, 5); i++) {
    writeFileSync(path.join(userDataDir, OPEN_MARKER), '') // as a session that died with the history open leaves it
    afterCrash.push((await start()).composeMs)
  }
  rmSync(userDataDir, { recursive: true, force: true })
  const result = { shipments: n, composeMedian: stats(compose).median, composeAfterCrashMedian: stats(afterCrash).median, labelCheckMedian: stats(labelCheck).median, runs }
  printTable(`Main-process start-up on an existing userData (median of ${runs}; after a crash: of ${afterCrash.length}; ms)`, ['shipments', 'compose services', 'then: label check (background)', 'compose after a crash (full check)'], [
    [n.toLocaleString('en'), ms(result.composeMedian), ms(result.labelCheckMedian), ms(result.composeAfterCrashMedian)]
  ])
  return result
}
