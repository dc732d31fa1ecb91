import { promises as fs } from 'node:fs'
import type { z } from 'zod'

/** Reads and validates a JSON file: null when missing, 'corrupt' when unreadable or invalid. */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | null | 'corrupt'> {
  let raw: string
  try {
    raw = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : 'corrupt'
  } catch {
    return 'corrupt'
  }
}
