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

/** Up to this many shipments, each file is asked for; more, and one listing of the folder is cheaper. */
const ASK_EACH_UP_TO = 500

/**
 * Shipments whose label file is not (or no longer) in the labels folder. A few are looked up one by one
 * (the folder of a big history holds a label per shipment: listing it all is the slow part); many, by one
 * listing.
 */
export async function shipmentsMissingLabels<T extends { labelFile: string | null }>(shipments: T[], labelsDir: string): Promise<T[]> {
  if (shipments.length <= ASK_EACH_UP_TO) {
    const there = await Promise.all(shipments.map((s) => (s.labelFile ? fs.access(path.join(labelsDir, path.basename(s.labelFile))).then(() => true, () => false) : Promise.resolve(false))))
    return shipments.filter((_, i) => !there[i])
  }
  const present = new Set(await fs.readdir(labelsDir).catch(() => [] as string[]))
  return shipments.filter((s) => !s.labelFile || !present.has(s.labelFile))
}
