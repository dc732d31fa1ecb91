import { z } from 'zod'
import { safeText } from './fields'

/** Settings → Shared database, as typed. The password goes to the keychain; empty keeps the saved one. */
export const sharedDatabaseFormSchema = z
  .object({
    url: z
      .string()
      .trim()
      .min(1, 'Give the address, e.g. postgres://fraktdesk@server:5432/fraktdesk')
      .max(300)
      .regex(/^postgres(ql)?:\/\/[^\s]+$/i, 'The address starts with postgres://, e.g. postgres://fraktdesk@server:5432/fraktdesk'),
    password: z.string().max(200).optional(),
    tls: z.boolean(),
    /**
     * The CA file is never named by the window: keep the saved one, use the one just chosen in main's
     * own file picker (sharedDb:pickCaFile), or none.
     */
    ca: z.enum(['keep', 'chosen', 'none']).default('keep'),
    deskName: safeText(40).default('')
  })
  .strict()
export type SharedDatabaseForm = z.infer<typeof sharedDatabaseFormSchema>
