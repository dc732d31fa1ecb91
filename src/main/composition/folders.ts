import path from 'node:path'
import { promises as fs } from 'node:fs'
import type { Logger } from '../services/log/logger'
import { removeStaleTempFiles } from '../services/maintenance/crash-leftovers'

export interface Folders {
  labelsDir: string
  /** Where a labels "folder" that was not a folder was moved (null: it was fine). */
  labelsAside: string | null
  /** Crash leftovers removed, counted in the background. */
  tempFilesRemoved: Promise<number>
}

/** The user's data folder and its labels folder, private to the user, with what a crash left behind cleared. */
export async function prepareFolders(userDataDir: string, logger: Logger): Promise<Folders> {
  const labelsDir = path.join(userDataDir, 'labels')
  // Something that is not a folder where the labels belong: keep it, aside, and start a fresh folder.
  const labelsAside = await moveAsideIfNotFolder(labelsDir)
  if (labelsAside) logger.warn({ labelsAside }, 'labels folder was not a folder; moved aside')
  await fs.mkdir(labelsDir, { recursive: true, mode: 0o700 })
  // Labels and the history are the user's business only (POSIX; Windows profiles are per-user already).
  if (process.platform !== 'win32') await Promise.all([fs.chmod(userDataDir, 0o700), fs.chmod(labelsDir, 0o700)])
  // In the background: listing a labels folder of 100,000 files takes a while, and the one-minute
  // rule keeps it clear of any write the app starts meanwhile.
  const tempFilesRemoved = removeStaleTempFiles([userDataDir, labelsDir]).then((removed) => {
    if (removed > 0) logger.info({ tempFilesRemoved: removed }, 'removed temp files left by an earlier crash')
    return removed
  })
  return { labelsDir, labelsAside, tempFilesRemoved }
}

async function moveAsideIfNotFolder(dir: string): Promise<string | null> {
  const stat = await fs.lstat(dir).catch(() => null)
  if (!stat || stat.isDirectory()) return null
  const aside = `${dir}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await fs.rename(dir, aside)
  return aside
}
