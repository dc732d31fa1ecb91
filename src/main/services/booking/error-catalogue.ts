import path from 'node:path'
import { z } from 'zod'
import fallback from '../bring/booking-errors.fallback.json'
import { errorCatalogueSchema, fetchErrorCatalogue, type ErrorCatalogue } from '../bring/booking'
import type { BringHttp } from '../bring/bring-http'
import { writeFileAtomic } from '../fs/atomic-write'
import { readJsonFile } from '../fs/json-file'

const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

/** Bring's booking error catalogue: fetched at most weekly, cached on disk, bundled copy as fallback. */
export function createErrorCatalogue(userDataDir: string) {
  const file = path.join(userDataDir, 'booking-errors.json')
  let memory: { at: number; catalogue: ErrorCatalogue } | null = null
  const bundled = errorCatalogueSchema.parse(fallback)

  return async function get(http: () => BringHttp): Promise<ErrorCatalogue> {
    if (memory && Date.now() - memory.at < MAX_AGE_MS) return memory.catalogue
    const disk = await readJsonFile(file, errorCatalogueSchema.extend({ fetchedAt: z.string() }))
    if (disk && disk !== 'corrupt' && Date.now() - Date.parse(disk.fetchedAt) < MAX_AGE_MS) {
      memory = { at: Date.parse(disk.fetchedAt), catalogue: disk }
      return disk
    }
    try {
      const catalogue = await fetchErrorCatalogue(http())
      memory = { at: Date.now(), catalogue }
      await writeFileAtomic(file, JSON.stringify({ ...catalogue, fetchedAt: new Date().toISOString() }))
      return catalogue
    } catch {
      return disk && disk !== 'corrupt' ? disk : bundled
    }
  }
}
export type ErrorCatalogueSource = ReturnType<typeof createErrorCatalogue>
