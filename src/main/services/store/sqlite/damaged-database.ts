import Database from 'better-sqlite3'
import { copyFileSync, existsSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { openDatabase, type Db } from './db'
import { checkBackup, latestGoodBackup, type BackupInfo } from './backups'

export const DB_FILE = 'fraktdesk.sqlite3'

/** Tables worth saving, parents before children (rows keep their rowid, so "newest first" stays true). */
const recoverable = ['shipments', 'pickups', 'pickup_shipments', 'address_book', 'batches', 'batch_rows', 'import_mappings', 'warehouse_messages', 'warehouse_rejected', 'warehouse_inventory', 'warehouse_adjustments', 'tracking'] as const

export interface DamagedDatabase {
  /** Why it could not be used, in SQLite's words. */
  reason: string
  /** Where the damaged file now is (never deleted). */
  movedTo: string
  /** What "recover what can be read" would bring back (counted before the question is asked). */
  readable: Recovered
  /** The newest automatic backup that proves itself (checksum, integrity, readable records), offered first. */
  latestBackup: Pick<BackupInfo, 'file' | 'createdAt' | 'shipments'> | null
}

export interface Recovered {
  shipments: number
  pickups: number
  addressBook: number
  batches: number
}

export type DamagedChoice = 'restore' | 'recover' | 'empty'

/** Present while a session has the history open; a clean close removes it, a crash leaves it behind. */
export const OPEN_MARKER = `${DB_FILE}.open`
/** Its modification time is when `PRAGMA quick_check` last passed. */
const CHECKED_STAMP = `${DB_FILE}.checked`
/** Left by a session in which SQLite reported a damaged page. */
const CHECK_REQUESTED = `${DB_FILE}.check-requested`
/** Present while a check runs beside the app: a session closed before it ended checks again. */
const CHECK_DUE = `${DB_FILE}.check-due`
/** The check's marker files in this userData folder. */
const checkFiles = (userDataDir: string) => ({
  open: path.join(userDataDir, OPEN_MARKER),
  checked: path.join(userDataDir, CHECKED_STAMP),
  requested: path.join(userDataDir, CHECK_REQUESTED),
  due: path.join(userDataDir, CHECK_DUE)
})
/** Damage already seen is checked before anything else, so the recovery offer comes first; other reasons beside the app. */
const DAMAGE_SEEN = 'a damaged page was met while the app ran'
/** A clean history is still checked this often: damage can also come from the disk while the app is closed. */
export const FULL_CHECK_EVERY_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Why this start reads the whole file with `PRAGMA quick_check` (about 1.4 ms per MB here: 0.65 s for
 * 100,000 shipments, seconds at a million), or null when it need not: every start still opens the file,
 * reads its schema and runs its migrations, which fails at once on a file that is not a database.
 * Damage already seen is checked before the file is used; the other reasons run beside the app.
 */
export function fullCheckReason(userDataDir: string, now: Date): string | null {
  const files = checkFiles(userDataDir)
  if (existsSync(files.requested)) return DAMAGE_SEEN
  if (existsSync(files.open)) return 'the last session did not close cleanly'
  if (existsSync(files.due)) return 'the last check did not finish'
  const checked = statSync(files.checked, { throwIfNoEntry: false })
  if (!checked) return 'never checked'
  if (now.getTime() - checked.mtimeMs > FULL_CHECK_EVERY_MS) return 'last checked over a week ago'
  return null
}

/** SQLite's words for a file it cannot trust (better-sqlite3 puts them in the error's `code`). */
export function isDamagedDatabaseError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX' || code === 'SQLITE_CORRUPT_VTAB'
}

export interface History {
  db: Db
  damaged: (DamagedDatabase & { recovered: Recovered | null; restored: Pick<BackupInfo, 'file' | 'createdAt' | 'shipments'> | null }) | null
  /** Why the whole file is checked at this start, or null (a clean close, checked within the week). */
  fullCheck: string | null
  /**
   * The check is left to run beside the app (`fullCheck` says why): its verdict goes to `checked`.
   * False when it ran before the file was used (damage already seen) or is not due.
   */
  checkInBackground: boolean
  /** The background check's verdict: passed (stamped), or damaged (checked before anything else at the next start). */
  checked(ok: boolean): void
  /** Closes the database and records a clean close. */
  close(): void
  /** A read hit a damaged page: the next start checks the whole file (and offers recovery), however it closes. */
  checkAtNextStart(): void
}

/**
 * Opens the history database; one that cannot be opened or fails `PRAGMA quick_check` is moved aside
 * (with its -wal and -shm files), the user chooses between recovering what SQLite can still read and
 * starting empty, and the app continues with a fresh file either way. The full check runs after a
 * crash, on a file never checked, and weekly (see fullCheckReason), not on every start; then beside the
 * app (`checkInBackground`), unless damage was already seen: then first.
 */
export async function openHistory(userDataDir: string, choose: (damaged: DamagedDatabase) => Promise<DamagedChoice>, now = () => new Date()): Promise<History> {
  const dbPath = path.join(userDataDir, DB_FILE)
  const files = checkFiles(userDataDir)
  const fullCheck = fullCheckReason(userDataDir, now())
  const inForeground = fullCheck === DAMAGE_SEEN
  const opened = (db: Db, damaged: History['damaged']): History => {
    writeFileSync(files.open, '')
    // A new file (after recovery) is checked at the next start; this one was just checked or needs none.
    const checkInBackground = fullCheck !== null && !inForeground && damaged === null
    if (checkInBackground) writeFileSync(files.due, '')
    return {
      db,
      damaged,
      fullCheck,
      checkInBackground,
      checked: (ok) => {
        if (!ok) return writeFileSync(files.requested, '')
        stamp(files.checked, now())
        rmSync(files.due, { force: true })
      },
      close: () => {
        db.close()
        rmSync(files.open, { force: true })
      },
      checkAtNextStart: () => writeFileSync(files.requested, '')
    }
  }
  let reason: string
  // A file cut to nothing (or to less than SQLite's header) would open as a new, empty database: it
  // is damaged, not new, once a history was kept here (checked before, or backed up). Only a file
  // that was never used (created, then the app stopped before its first write) is simply new.
  // (Asked only of such a file: listing the backups reads every one of them.)
  const size = statSync(dbPath, { throwIfNoEntry: false })?.size
  const usedBefore = async (): Promise<boolean> => existsSync(files.checked) || existsSync(files.due) || existsSync(files.open) || (await latestGoodBackup(userDataDir).catch(() => null)) !== null
  const cut = size !== undefined && size < 100 && (size > 0 || (await usedBefore())) ? (size === 0 ? 'the history file is empty (0 bytes)' : `the history file is cut short (${size} bytes)`) : null
  try {
    if (cut) throw new Error(cut)
    const db = openDatabase(userDataDir, DB_FILE)
    const check = inForeground ? String(db.pragma('quick_check', { simple: true })) : 'ok'
    if (check === 'ok') {
      if (inForeground) {
        stamp(files.checked, now())
        rmSync(files.requested, { force: true })
        rmSync(files.due, { force: true })
      }
      return opened(db, null)
    }
    db.close()
    reason = `integrity check failed: ${check}`
  } catch (err) {
    reason = (err as Error).message
  }
  const movedTo = moveAside(dbPath, now())
  // The stamp and any request were about the old file: the new one is checked at the next start.
  rmSync(files.checked, { force: true })
  rmSync(files.requested, { force: true })
  rmSync(files.due, { force: true })
  const latestBackup = await latestGoodBackup(userDataDir).catch(() => null)
  const recovery = recoverAside(userDataDir, movedTo)
  const question: DamagedDatabase = { reason, movedTo, readable: recovery.readable, latestBackup: latestBackup && { file: latestBackup.file, createdAt: latestBackup.createdAt, shipments: latestBackup.shipments } }
  const choice = await choose(question)
  // The backup is checked again as it is put in place: it must still prove itself.
  const restore = choice === 'restore' && question.latestBackup && checkBackup(question.latestBackup.file)
  if (restore) copyFileSync(question.latestBackup!.file, dbPath)
  else if (choice !== 'empty') renameSync(recovery.file, dbPath)
  rmSync(recovery.file, { force: true })
  const db = openDatabase(userDataDir, DB_FILE)
  return opened(db, { ...question, recovered: restore || choice === 'empty' ? null : recovery.readable, restored: restore ? question.latestBackup : null })
}

/**
 * What can still be read, copied once into a file of its own beside the history: counted for the
 * question, and put in place if the user chooses it (the damaged file is read only once).
 */
function recoverAside(userDataDir: string, damagedFile: string): { file: string; readable: Recovered } {
  const name = `${DB_FILE}.recovered`
  const file = path.join(userDataDir, name)
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const db = openDatabase(userDataDir, name)
  try {
    return { file, readable: recoverInto(db, damagedFile) }
  } finally {
    db.pragma('journal_mode = DELETE') // one file to move: the WAL is checkpointed and removed
    db.close()
  }
}

function stamp(file: string, at: Date): void {
  writeFileSync(file, at.toISOString())
  utimesSync(file, at, at)
}

function moveAside(dbPath: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-')
  const target = `${dbPath}.damaged-${stamp}`
  renameSync(dbPath, target)
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, target + suffix)
  return target
}

/**
 * Row by row, by rowid, from the damaged file into the fresh one: a broken page loses the rows on it,
 * not the rest of the table. Columns the two files share are copied; a row the new schema refuses is skipped.
 */
export function recoverInto(db: Db, damagedFile: string): Recovered {
  const counts: Record<string, number> = {}
  let source: Database.Database
  try {
    source = new Database(damagedFile, { readonly: true, fileMustExist: true })
    source.pragma('user_version') // fails at once on a file that is not a database
  } catch {
    return { shipments: 0, pickups: 0, addressBook: 0, batches: 0 }
  }
  try {
    for (const table of recoverable) counts[table] = copyTable(source, db, table)
    // Every recovered shipment keeps its request ids (the table has no rowid to walk: read whole, else its first);
    // a batch row finds its shipment again.
    try {
      const insert = db.prepare('INSERT OR IGNORE INTO shipment_requests (client_request_id, shipment_id, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM shipments WHERE id = ?)')
      for (const r of source.prepare('SELECT client_request_id, shipment_id, created_at FROM shipment_requests').all() as { client_request_id: string; shipment_id: string; created_at: string }[]) insert.run(r.client_request_id, r.shipment_id, r.created_at, r.shipment_id)
    } catch {
      // unreadable or absent in the damaged file: each shipment's current request id below
    }
    db.exec(`INSERT OR IGNORE INTO shipment_requests (client_request_id, shipment_id, created_at) SELECT client_request_id, id, created_at FROM shipments;
      UPDATE batch_rows SET shipment_id = (SELECT q.shipment_id FROM shipment_requests q WHERE q.client_request_id = batch_rows.client_request_id) WHERE shipment_id IS NULL OR shipment_id NOT IN (SELECT id FROM shipments)`)
  } finally {
    source.close()
  }
  return { shipments: counts.shipments ?? 0, pickups: counts.pickups ?? 0, addressBook: counts.address_book ?? 0, batches: counts.batches ?? 0 }
}

function copyTable(source: Database.Database, target: Db, table: string): number {
  let sourceColumns: string[]
  let maxRowid: number
  try {
    sourceColumns = (source.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
    maxRowid = (source.prepare(`SELECT max(rowid) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0
  } catch {
    return 0
  }
  const targetColumns = new Set((target.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name))
  // A batch row's shipment is linked again afterwards, by its request id: its shipment may be among the rows lost.
  const columns = sourceColumns.filter((c) => targetColumns.has(c) && !(table === 'batch_rows' && c === 'shipment_id'))
  if (columns.length === 0) return 0
  const read = source.prepare(`SELECT rowid AS __rowid, ${columns.join(', ')} FROM ${table} WHERE rowid = ?`)
  const write = target.prepare(`INSERT OR IGNORE INTO ${table} (rowid, ${columns.join(', ')}) VALUES (@__rowid, ${columns.map((c) => `@${c}`).join(', ')})`)
  let copied = 0
  target.transaction(() => {
    for (let id = 1; id <= maxRowid; id++) {
      try {
        const row = read.get(id)
        if (row && write.run(row).changes > 0) copied++
      } catch {
        // a damaged page, or a row the new schema refuses: skip it, keep going
      }
    }
  })()
  return copied
}
