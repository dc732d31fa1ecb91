import { promises as fs } from 'node:fs'
import path from 'node:path'

/** writeFileAtomic's temp files: `<name>.<12 hex>.tmp`. */
const TEMP_FILE = /\.[0-9a-f]{12}\.tmp$/

/**
 * Removes temp files that a crash left behind (a write interrupted between open and rename). Only
 * files older than `olderThanMs`, so a write in progress right now is never touched.
 */
export async function removeStaleTempFiles(dirs: string[], olderThanMs = 60_000, now = Date.now()): Promise<number> {
  let removed = 0
  for (const dir of dirs) {
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch {
      continue
    }
    for (const name of names.filter((n) => TEMP_FILE.test(n))) {
      const file = path.join(dir, name)
      try {
        const st = await fs.stat(file)
        if (st.isFile() && now - st.mtimeMs > olderThanMs) {
          await fs.rm(file, { force: true })
          removed++
        }
      } catch {
        // gone meanwhile: nothing to clean
      }
    }
  }
  return removed
}

/** Shipments whose label file is not (or no longer) in the labels folder: one listing, not a stat each. */
export async function shipmentsMissingLabels<T extends { labelFile: string | null }>(shipments: T[], labelsDir: string): Promise<T[]> {
  const present = new Set(await fs.readdir(labelsDir).catch(() => [] as string[]))
  return shipments.filter((s) => !s.labelFile || !present.has(s.labelFile))
}
