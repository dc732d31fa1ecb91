import path from 'node:path'
import { notice, type Notice } from '@shared/domain/notices'
import type { OpenedHistory } from './history'

/**
 * What start-up tells the user once, in the window's language (the texts are in @shared/domain/notices):
 * a labels folder moved aside, a backup restored or refused, a damaged history recovered, batches paused.
 * Labels fetched again after a crash are added when that background work ends.
 */
export function startupNotices(s: { labelsAside: string | null; history: OpenedHistory; pausedBatches: number }): Notice[] {
  const notices: Notice[] = []
  if (s.labelsAside) notices.push(notice('labelsFolderMoved', { file: path.basename(s.labelsAside) }))
  const { restored, damaged } = s.history
  if (restored && 'restored' in restored) notices.push(notice('backupRestored', { file: path.basename(restored.restored), aside: path.basename(restored.movedAside) }))
  else if (restored) notices.push(notice('backupRefused', { file: path.basename(restored.refused) }))
  if (damaged) {
    const file = path.basename(damaged.movedTo)
    if (damaged.restored) notices.push(notice('databaseRestoredFromBackup', { file, backup: path.basename(damaged.restored.file), count: damaged.restored.shipments }))
    else if (damaged.recovered) notices.push(notice('databaseRecovered', { file, count: damaged.recovered.shipments, pickups: damaged.recovered.pickups, addressBook: damaged.recovered.addressBook }))
    else notices.push(notice('databaseReset', { file }))
  }
  if (s.pausedBatches > 0) notices.push(notice('batchesPaused', { count: s.pausedBatches }))
  return notices
}

/** The notice for labels fetched again after a crash (none when nothing was missing). */
export function labelsRefetchedNotice({ missing, stillMissing }: { missing: number; stillMissing: number }): Notice | null {
  if (missing === 0) return null
  return stillMissing === 0 ? notice('labelsRefetched', { count: missing }) : notice('labelsStillMissing', { count: missing, stillMissing })
}
