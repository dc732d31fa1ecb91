import path from 'node:path'
import type { Logger } from '../services/log/logger'
import { applyStagedRestore } from '../services/store/sqlite/backups'
import { DB_FILE, isDamagedDatabaseError, openHistory, type DamagedChoice, type DamagedDatabase, type History } from '../services/store/sqlite/damaged-database'
import { checkInBackground, type RunningCheck } from '../services/store/sqlite/integrity-check'

export type BackgroundCheck = 'passed' | 'damaged' | 'not due'

export interface OpenedHistory extends History {
  /** A restore chosen in Settings, applied (or refused) before the file was opened. */
  restored: ReturnType<typeof applyStagedRestore>
  /** Reads the whole file (quick_check): true when it is damaged. */
  damagedNow(): boolean
  /** The whole-file check when due, on a thread of its own while the app works; its verdict is recorded. */
  checkBesideTheApp(): Promise<BackgroundCheck>
}

/**
 * The desk's own SQLite file: a staged restore first, then opened and recovered if damaged. The whole-file
 * check runs first only when damage was already seen; otherwise, when due, beside the app (checkBesideTheApp).
 */
export async function openHistoryFile(userDataDir: string, logger: Logger, onDamaged?: (damaged: DamagedDatabase) => Promise<DamagedChoice>): Promise<OpenedHistory> {
  const restored = applyStagedRestore(userDataDir, DB_FILE)
  if (restored && 'restored' in restored) logger.info(restored, 'backup restored')
  else if (restored) logger.warn(restored, 'backup restore refused')
  // Without anyone to ask (tests, the e2e bridge): the latest good backup if there is one, else what can be read.
  const history = await openHistory(userDataDir, onDamaged ?? (async (d) => (d.latestBackup ? 'restore' : 'recover')))
  logger.info({ fullCheck: history.fullCheck ?? 'skipped: closed cleanly, checked within the week' }, 'history database opened')
  if (history.damaged) {
    const { movedTo, reason, recovered, restored: fromBackup } = history.damaged
    logger.error({ movedTo, reason, recovered, restored: fromBackup && path.basename(fromBackup.file) }, 'history database could not be used; moved aside')
  }
  const damagedNow = (): boolean => {
    try {
      return history.db.pragma('quick_check', { simple: true }) !== 'ok'
    } catch (err) {
      return isDamagedDatabaseError(err)
    }
  }
  let running: RunningCheck | null = null
  const checkBesideTheApp = async (): Promise<BackgroundCheck> => {
    if (!history.checkInBackground) return 'not due'
    const started = performance.now()
    let ok: boolean
    try {
      running = checkInBackground(path.join(userDataDir, DB_FILE))
      const result = await running.done
      ok = result.ok
      if (!result.ok) logger.error({ problem: result.problem }, 'history database damaged (background check): recovery is offered at the next start')
    } catch (err) {
      // No thread to check on: check here, late rather than never (the window waits while it reads).
      logger.warn({ problem: (err as Error).message }, 'background check unavailable: checking on the main thread')
      ok = !damagedNow()
    } finally {
      running = null
    }
    history.checked(ok)
    logger.info({ reason: history.fullCheck, ok, ms: Math.round(performance.now() - started) }, 'history database checked beside the app')
    return ok ? 'passed' : 'damaged'
  }
  return {
    ...history,
    restored,
    damagedNow,
    checkBesideTheApp,
    close: () => {
      running?.stop()
      history.close()
    }
  }
}
