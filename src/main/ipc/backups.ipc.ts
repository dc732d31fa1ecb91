import path from 'node:path'
import { AppError } from '@shared/ipc/app-error'
import { checkBackup, stageRestore } from '../services/store/sqlite/backups'
import type { HandlersOf } from './invoke'

/** Files the user picked for restoring, by the name shown to them: the window never sends a path. */
const picked = new Map<string, string>()

export const backupsHandlers: HandlersOf<'backups:list' | 'backups:now' | 'backups:pick' | 'backups:restore', 'backups' | 'pickers' | 'logger' | 'app' | 'relaunch'> = {
  async 'backups:list'(_input, { backups }) {
    const items = await backups.list()
    return { folder: backups.dir, items: items.map((b) => ({ name: path.basename(b.file), createdAt: b.createdAt, sizeBytes: b.sizeBytes, shipments: b.shipments })) }
  },
  async 'backups:now'(_input, { backups, pickers, logger }) {
    const folder = await pickers.folder()
    if (!folder) return { saved: false }
    try {
      const made = await backups.to(folder)
      logger.info({ file: made.file, shipments: made.shipments }, 'backup made on request')
      return { saved: true, file: made.file, shipments: made.shipments }
    } catch (err) {
      throw new AppError('INTERNAL', `The backup could not be written to ${folder}: ${(err as Error).message}`)
    }
  },
  async 'backups:pick'(_input, { pickers }) {
    const file = await pickers.file('backup')
    if (!file) return { picked: false }
    const checked = checkBackup(file)
    if (!checked) throw AppError.field('name', 'This file is damaged or not a Fraktdesk backup; it cannot be restored.')
    const name = path.basename(file)
    picked.set(name, file)
    return { picked: true, backup: { name, createdAt: new Date().toISOString(), sizeBytes: 0, shipments: checked.shipments } }
  },
  async 'backups:restore'({ name }, { backups, app, relaunch, logger }) {
    const automatic = /^fraktdesk-\d{4}-\d{2}-\d{2}\.sqlite3$/.test(name) ? path.join(backups.dir, name) : undefined
    const file = picked.get(name) ?? automatic
    if (!file) throw AppError.field('name', 'Choose a backup from the list or pick a backup file first.')
    try {
      stageRestore(app.userDataDir, file)
    } catch (err) {
      throw AppError.field('name', (err as Error).message)
    }
    logger.info({ file: path.basename(file) }, 'restore staged; restarting')
    // Answer first, then restart, so the window is not torn down mid-call.
    setTimeout(relaunch, 300)
    return { staged: true }
  }
}
