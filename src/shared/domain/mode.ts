import { z } from 'zod'

/** Where Bring calls go: the built-in simulator, Bring with testIndicator, or Bring for real. */
export const modeSchema = z.enum(['sandbox', 'test', 'live'])
export type Mode = z.infer<typeof modeSchema>
