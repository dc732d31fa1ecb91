import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, promises as fs, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Db } from './db'

/** Each backup's SHA-256 sits beside it (`<file>.sha256`, as `sha256sum` writes it): a backup proves itself before it is listed or restored. */
export const checksumFile = (file: string): string => `${file}.sha256`
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
function writeChecksum(file: string): void {
  writeFileSync(checksumFile(file), `${sha256(file)}  ${path.basename(file)}\n`, { mode: 0o600 })
}
/** true: matches; false: differs (the file changed since it was made); null: no checksum beside it (a file from elsewhere). */
export function checksumMatches(file: string): boolean | null {
  let text: string
  try {
    text = readFileSync(checksumFile(file), 'utf8')
  } catch {
    return null
  }
  const expected = /^([0-9a-f]{64})\b/.exec(text.trim())?.[1]
  return expected !== undefined && expected === sha256(file)
}

export const BACKUP_PREFIX = 'fraktdesk-'
const DAILY = 7
const WEEKLY = 4
const RESTORE_MARKER = 'restore-pending.json'

export interface BackupInfo {
  file: string
  createdAt: string
  sizeBytes: number
  shipments: number
}

/**
 * Shipments in a backup, if it proves itself, else null: its checksum matches (when it has one), SQLite
 * finds it sound (integrity_check), and every record's JSON can be read (damage inside a valid page).
 */
export function checkBackup(file: string): { shipments: number } | null {
  let db: Database.Database | undefined
  try {
    if (checksumMatches(file) === false) return null
    db = new Database(file, { readonly: true, fileMustExist: true })
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return null
    const unreadable = db.prepare(`SELECT count(*) AS n FROM shipments WHERE NOT json_valid(form_json) OR NOT json_valid(request_json) OR (confirmation_json IS NOT NULL AND NOT json_valid(confirmation_json)) OR (error_json IS NOT NULL AND NOT json_valid(error_json))`).get() as { n: number }
    if (unreadable.n > 0) return null
    return { shipments: (db.prepare('SELECT count(*) AS n FROM shipments').get() as { n: number }).n }
  } catch {
    return null
  } finally {
    db?.close()
  }
}

/** SQLite's online backup (consistent while bookings are being written), then checked; a bad copy is removed and reported. */
export async function backupTo(db: Db, file: string): Promise<BackupInfo> {
  const partial = `${file}.partial`
  await db.backup(partial)
  const checked = checkBackup(partial)
  if (!checked) {
    rmSync(partial, { force: true })
    throw new Error('The backup copy failed its integrity check and was not kept.')
  }
  renameSync(partial, file)
  writeChecksum(file)
  const stat = await fs.stat(file)
  return { file, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size, shipments: checked.shipments }
}

const dayOf = (d: Date): string => d.toISOString().slice(0, 10)
const backupName = (d: Date): string => `${BACKUP_PREFIX}${dayOf(d)}.sqlite3`
const dateOfName = (name: string): string | null => /^fraktdesk-(\d{4}-\d{2}-\d{2})\.sqlite3$/.exec(name)?.[1] ?? null

/** Monday of the ISO week a date is in: the weekly backups are the newest of each week. */
function weekOf(isoDay: string): string {
  const d = new Date(`${isoDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return dayOf(d)
}

/** Which backup files to delete: keep the 7 newest days, and the newest of each of the 4 weeks before them. */
export function backupsToDelete(names: string[]): string[] {
  const dated = names.map((n) => ({ n, day: dateOfName(n) })).filter((x): x is { n: string; day: string } => x.day !== null)
  dated.sort((a, b) => b.day.localeCompare(a.day))
  const keep = new Set(dated.slice(0, DAILY).map((x) => x.n))
  const weeks = new Set<string>()
  for (const x of dated.slice(DAILY)) {
    const week = weekOf(x.day)
    if (weeks.size >= WEEKLY || weeks.has(week)) continue
    weeks.add(week)
    keep.add(x.n)
  }
  return dated.filter((x) => !keep.has(x.n)).map((x) => x.n)
}

/** The automatic backups folder: one backup a day, rotated. */
export function createBackups(db: Db, userDataDir: string, now = () => new Date()) {
  const dir = path.join(userDataDir, 'backups')
  return {
    dir,
    /** Today's backup unless there is one already; then the rotation. */
    async daily(): Promise<BackupInfo | null> {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 })
      const target = path.join(dir, backupName(now()))
      if (existsSync(target)) return null
      const made = await backupTo(db, target)
      for (const old of backupsToDelete(await fs.readdir(dir))) {
        await fs.rm(path.join(dir, old), { force: true })
        await fs.rm(checksumFile(path.join(dir, old)), { force: true })
      }
      return made
    },
    /** "Back up now" into a folder the user chose (a USB stick, a network share). */
    async to(folder: string): Promise<BackupInfo> {
      const stamp = now().toISOString().replace(/[:.]/g, '-').slice(0, 19)
      return backupTo(db, path.join(folder, `${BACKUP_PREFIX}${stamp}.sqlite3`))
    },
    /** Automatic backups, newest first, with how many shipments each holds (-1: it does not prove itself). */
    list: () => listBackups(dir)
  }
}

/** The automatic backups in a folder, newest first, each checked (checksum, integrity, readable records). */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => dateOfName(n) !== null).sort().reverse()
  const out: BackupInfo[] = []
  for (const n of names) {
    const file = path.join(dir, n)
    const stat = await fs.stat(file)
    out.push({ file, createdAt: stat.mtime.toISOString(), sizeBytes: stat.size, shipments: checkBackup(file)?.shipments ?? -1 })
  }
  return out
}

/** The newest automatic backup that proves itself, for the start-up question about a damaged history. */
export async function latestGoodBackup(userDataDir: string): Promise<BackupInfo | null> {
  return (await listBackups(path.join(userDataDir, 'backups'))).find((b) => b.shipments >= 0) ?? null
}
export type Backups = ReturnType<typeof createBackups>

/** Restore happens at the next start, before the database is opened: the running app never swaps files under itself. */
export function stageRestore(userDataDir: string, backupFile: string): void {
  if (!checkBackup(backupFile)) throw new Error('This backup is damaged or not a Fraktdesk database; it cannot be restored.')
  writeFileSync(path.join(userDataDir, RESTORE_MARKER), JSON.stringify({ file: backupFile }), { mode: 0o600 })
}

/**
 * At start-up: a staged restore puts the backup in place of the database, moving the current file
 * aside (never deleting it). A backup that no longer checks out is refused and the current file stays.
 */
export function applyStagedRestore(userDataDir: string, dbFile: string, now = new Date()): { restored: string; movedAside: string } | { refused: string } | null {
  const marker = path.join(userDataDir, RESTORE_MARKER)
  if (!existsSync(marker)) return null
  let file: string
  try {
    file = String((JSON.parse(readFileSync(marker, 'utf8')) as { file?: unknown }).file ?? '')
  } catch {
    file = ''
  } finally {
    rmSync(marker, { force: true })
  }
  if (!file || !checkBackup(file)) return { refused: file || '(unknown file)' }
  const dbPath = path.join(userDataDir, dbFile)
  const movedAside = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
  if (existsSync(dbPath)) renameSync(dbPath, movedAside)
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, movedAside + suffix)
  copyFileSync(file, dbPath)
  return { restored: file, movedAside }
}
