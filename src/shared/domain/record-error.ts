import { z } from 'zod'

/** An error kept with a booking or pickup record: code, main's own wording, and the message key of the reason. */
export const recordErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  i18n: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional()
})
export type RecordError = z.infer<typeof recordErrorSchema>
