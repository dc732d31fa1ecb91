import Database from 'better-sqlite3'
import path from 'node:path'
import { migrations } from './migrations'

export type Db = Database.Database

/** The app's SQLite file in userData: WAL for crash safety and concurrent reads, migrations by user_version. */
export function openDatabase(userDataDir: string, file = 'fraktdesk.sqlite3'): Db {
  const db = new Database(path.join(userDataDir, file))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // WAL + NORMAL: durable across app crashes, fast commits
  db.pragma('foreign_keys = ON')
  migrate(db)
  return db
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
