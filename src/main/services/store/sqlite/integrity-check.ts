import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import path from 'node:path'
import { isDamagedDatabaseError } from './damaged-database'

/** What `PRAGMA quick_check` said: 'ok', or SQLite's first complaint. */
export type CheckResult = { ok: true } | { ok: false; problem: string }

export interface RunningCheck {
  done: Promise<CheckResult>
  /** Stops the check (the app is closing); `done` then never settles. */
  stop(): void
}

// The worker is given as code, not a file: the main bundle and the tests (plain Node) both run it the same way.
// It opens its own read-only connection, so the app's connection keeps working (WAL: readers never block writers).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
let db
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  parentPort.postMessage({ checked: String(db.pragma('quick_check', { simple: true })) })
} catch (err) {
  parentPort.postMessage({ failed: String(err && err.message), code: err && err.code })
} finally {
  if (db) db.close()
}
`

/**
 * Reads the whole history file (`PRAGMA quick_check`, ~1.4 ms per MB here: seconds at a million shipments)
 * on a thread of its own while the app works, instead of before the window can answer.
 */
export function checkInBackground(file: string): RunningCheck {
  // The app's bundle and Playwright's loader run this as CommonJS (`require` is there); Vitest as an ES
  // module, from the project folder. (No import.meta: a file using it is an ES module to Playwright's loader.)
  const requireHere = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'))
  const module = requireHere.resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { file, module } })
  worker.unref()
  const done = new Promise<CheckResult>((resolve, reject) => {
    worker.once('message', (m: { checked?: string; failed?: string; code?: string }) => {
      if (m.checked !== undefined) resolve(m.checked === 'ok' ? { ok: true } : { ok: false, problem: m.checked })
      // SQLite could not read the file: damaged. Anything else (no module, no thread) is not a verdict on the file.
      else if (isDamagedDatabaseError(m)) resolve({ ok: false, problem: `${m.code}: ${m.failed}` })
      else reject(new Error(`the background check could not run: ${m.failed}`))
    })
    worker.once('error', reject)
  })
  return { done, stop: () => void worker.terminate() }
}
