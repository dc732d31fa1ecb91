// Main-process start-up on a userData folder that already holds a history (100,000 and 1,000,000
// shipments, with label files for the newest): composing every service (settings, keychain, database
// with migrations and crash recovery, Bring connection), the first IPC call answered through the real
// dispatcher (the window's app:info, then its first Shipments page), and the background work that
// follows (the recent-labels check; the whole-file check when due). Three kinds of start: clean
// (closed cleanly, checked this week), a never-checked file, and after a crash.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tmpdir } from 'node:os'
import Database from 'better-sqlite3'
import { createAppDeps } from '../../src/main/create-deps'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createLogger } from '../../src/main/services/log/logger'
import { printTable, quick, ms, stats } from '../lib'
import { seededDatabase } from './search'
import { DB_FILE, OPEN_MARKER } from '../../src/main/services/store/sqlite/damaged-database'

type StartKind = 'clean' | 'never checked' | 'after a crash'

export interface StartupRow {
  shipments: number
  kind: StartKind
  runs: number
  /** createAppDeps until it returns (median). */
  composeMedian: number
  /** From the start until app:info is answered through the dispatcher (median): what the window waits for. */
  firstAnswerMedian: number
  /** Then the first Shipments page (100 newest) answered. */
  firstPageMedian: number
  /** From the start until the background work ends: the recent-labels check, and the whole-file check when due. */
  backgroundDoneMedian: number
}

/** A userData folder with the seeded history and a label file for each of the newest booked shipments (cached). */
function userDataWithHistory(n: number): string {
  const dir = path.resolve('bench/.data', `userdata-${n}-${path.basename(seededDatabase(n))}`)
  if (existsSync(path.join(dir, 'ready'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'labels'), { recursive: true })
  cpSync(path.join(seededDatabase(n), DB_FILE), path.join(dir, DB_FILE))
  const db = new Database(path.join(dir, DB_FILE))
  db.prepare(`UPDATE shipments SET label_file = consignment_number || '.pdf' WHERE status = 'booked'`).run()
  const files = db.prepare<[], { consignment_number: string }>(`SELECT consignment_number FROM shipments WHERE status = 'booked' ORDER BY rowid DESC LIMIT 20000`).all()
  db.close()
  for (const f of files) writeFileSync(path.join(dir, 'labels', `${f.consignment_number}.pdf`), '%PDF-1.4\n')
  writeFileSync(path.join(dir, 'ready'), '')
  return dir
}

const TRUSTED = 'bench://startup'

async function start(userDataDir: string) {
  const started = performance.now()
  const deps = await createAppDeps({
    userDataDir,
    secretStore: createMemorySecretStore(),
    fetch: socketReportingFetch(),
    openExternal: async () => undefined,
    logger: createLogger({ write: () => true }, 'warn'),
    version: '0.1.0',
    autoBackup: false
  })
  const composeMs = performance.now() - started
  const dispatch = createDispatcher(handlers, deps, (url) => url === TRUSTED)
  const info = await dispatch('app:info', undefined, TRUSTED)
  const firstAnswerMs = performance.now() - started
  const list = await dispatch('shipments:list', { query: '', limit: 100, offset: 0 }, TRUSTED)
  const firstPageMs = performance.now() - started
  if (!info.ok || !list.ok) throw new Error('start-up bench: a first call failed')
  await Promise.all([deps.maintenance.labelsRefetched, deps.maintenance.tempFilesRemoved, deps.maintenance.historyChecked])
  const backgroundDoneMs = performance.now() - started
  deps.dispose()
  return { composeMs, firstAnswerMs, firstPageMs, backgroundDoneMs }
}

/** Puts the folder in the state a kind of start finds it in. */
function prepare(userDataDir: string, kind: StartKind): void {
  if (kind === 'never checked') for (const f of [`${DB_FILE}.checked`, `${DB_FILE}.check-due`]) rmSync(path.join(userDataDir, f), { force: true })
  if (kind === 'after a crash') writeFileSync(path.join(userDataDir, OPEN_MARKER), '') // as a session that died with the history open leaves it
}

export async function benchStartup(): Promise<StartupRow[]> {
  const sizes = quick ? [10_000] : [100_000, 1_000_000]
  const rows: StartupRow[] = []
  for (const n of sizes) {
    const source = userDataWithHistory(n)
    // One copy of the history, started again and again: a start finds it as a user's next morning does.
    const userDataDir = path.join(tmpdir(), `fraktdesk-bench-start-${process.pid}`)
    rmSync(userDataDir, { recursive: true, force: true })
    cpSync(source, userDataDir, { recursive: true })
    await start(userDataDir) // warms the disk cache, runs migrations, checks the file (never checked)
    for (const kind of ['clean', 'never checked', 'after a crash'] as const) {
      const runs = quick ? 3 : kind === 'clean' ? 10 : 3
      const measured: Awaited<ReturnType<typeof start>>[] = []
      for (let i = 0; i < runs; i++) {
        prepare(userDataDir, kind)
        measured.push(await start(userDataDir))
      }
      const median = (f: (m: (typeof measured)[number]) => number) => stats(measured.map(f)).median
      rows.push({ shipments: n, kind, runs, composeMedian: median((m) => m.composeMs), firstAnswerMedian: median((m) => m.firstAnswerMs), firstPageMedian: median((m) => m.firstPageMs), backgroundDoneMedian: median((m) => m.backgroundDoneMs) })
    }
    rmSync(userDataDir, { recursive: true, force: true })
  }
  printTable('Main-process start-up on an existing userData (medians, ms from the start; the whole-file check runs beside the app when due)', ['shipments', 'start', 'runs', 'compose', 'first call answered', 'first page answered', 'background done (incl. check)'], rows.map((r) => [r.shipments.toLocaleString('en'), r.kind, r.runs, ms(r.composeMedian), ms(r.firstAnswerMedian), ms(r.firstPageMedian), ms(r.backgroundDoneMedian)]))
  return rows
}
