import Database from 'better-sqlite3'
import { closeSync, chmodSync, openSync } from 'node:fs'
import path from 'node:path'
import { migrations } from './migrations'
import { registerSearchTokens } from './search-tokens'

export type Db = Database.Database

/**
 * The app's SQLite file in userData: WAL for concurrent reads, migrations by user_version.
 * synchronous = FULL: every commit (the pending record written before a booking is sent, the
 * "sending" mark right before it leaves) is on disk before the call returns, so a power cut cannot
 * undo it. bench/sqlite-durability.ts measures what that costs per commit.
 */
export function openDatabase(userDataDir: string, file = 'fraktdesk.sqlite3'): Db {
  const dbPath = path.join(userDataDir, file)
  // Label links (with their access tokens) live here: owner-only, like the settings files. SQLite
  // gives its -wal and -shm files the same mode as the database file.
  if (process.platform !== 'win32') {
    closeSync(openSync(dbPath, 'a', 0o600))
    chmodSync(dbPath, 0o600)
  }
  const db = new Database(dbPath)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  registerSearchTokens(db)
  // Table rebuilds in migrations need foreign keys off; they are checked before they go back on.
  db.pragma('foreign_keys = OFF')
  migrate(db)
  db.pragma('foreign_keys = ON')
  return db
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v].sql)
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) throw new Error(`migration ${migrations[v].name} left ${broken.length} broken references`)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
