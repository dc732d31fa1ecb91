import { z } from 'zod'

/**
 * A one-time message from main to the shell (a reset settings file, labels fetched again): a
 * message key with parameters for the UI language, and main's English text as the fallback.
 */
export const noticeSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  text: z.string()
})
export type Notice = z.infer<typeof noticeSchema>
