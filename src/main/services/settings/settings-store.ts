import { promises as fs } from 'node:fs'
import path from 'node:path'
import { defaultSettings, settingsSchema, type Settings } from '@shared/domain/settings'
import { writeFileAtomic } from '../fs/atomic-write'
import { readJsonFile } from '../fs/json-file'
import { notice, type Notice } from '@shared/domain/notices'

export interface SettingsStore {
  get(): Settings
  update(patch: Partial<Settings>): Promise<Settings>
  /** Messages for the user produced while loading (e.g. a corrupt file was reset). */
  notices(): Notice[]
}

/**
 * Loads settings.json from userData, validating with zod. A corrupt or invalid file is moved aside
 * (settings.corrupt-<timestamp>.json) so nothing is silently destroyed, and defaults take its place.
 */
export async function createSettingsStore(userDataDir: string): Promise<SettingsStore> {
  const file = path.join(userDataDir, 'settings.json')
  const notices: Notice[] = []
  let current = await load()

  async function load(): Promise<Settings> {
    const loaded = await readJsonFile(file, settingsSchema)
    if (loaded === null) return { ...defaultSettings }
    if (loaded !== 'corrupt') return loaded
    const aside = path.join(userDataDir, `settings.corrupt-${Date.now()}.json`)
    await fs.rename(file, aside)
    const kept = path.basename(aside)
    notices.push(notice('settingsReset', { file: kept }))
    return { ...defaultSettings }
  }

  return {
    get: () => current,
    notices: () => [...notices],
    async update(patch) {
      const next = settingsSchema.parse({ ...current, ...patch })
      await writeFileAtomic(file, JSON.stringify(next, null, 2))
      current = next
      return next
    }
  }
}
