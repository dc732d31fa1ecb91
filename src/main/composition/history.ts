import path from 'node:path'
import type { Logger } from '../services/log/logger'
import { applyStagedRestore } from '../services/store/sqlite/backups'
import { DB_FILE, isDamagedDatabaseError, openHistory, type DamagedChoice, type DamagedDatabase, type History } from '../services/store/sqlite/damaged-database'

export interface OpenedHistory extends History {
  /** A restore chosen in Settings, applied (or refused) before the file was opened. */
  restored: ReturnType<typeof applyStagedRestore>
  /** Reads the whole file (quick_check): true when it is damaged. */
  damagedNow(): boolean
}

/** The desk's own SQLite file: a staged restore first, then opened, checked when due, and recovered if damaged. */
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
  return { ...history, restored, damagedNow }
}
