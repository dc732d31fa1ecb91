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
    caFile: z.string().max(1000).default(''),
    deskName: safeText(40).default('')
  })
  .strict()
export type SharedDatabaseForm = z.infer<typeof sharedDatabaseFormSchema>
