import { z } from 'zod'
import { apiUidSchema } from './fields'

export const credentialsStatusSchema = z.object({
  apiUid: z.string(),
  hasKey: z.boolean(),
  keychainAvailable: z.boolean(),
  /** The key lives only in memory until the app quits (keychain unavailable or user chose so). */
  sessionOnly: z.boolean()
})
export type CredentialsStatus = z.infer<typeof credentialsStatusSchema>

export const saveCredentialsSchema = z.object({
  apiUid: apiUidSchema,
  /** Printable ASCII: it travels in an HTTP header. */
  apiKey: z.string().trim().min(1, 'Enter the API key from Mybring').max(200).regex(/^[\x21-\x7E]+$/, 'The API key has only letters, digits and dashes: copy it again from Mybring'),
  sessionOnly: z.boolean().default(false)
})
export type SaveCredentials = z.infer<typeof saveCredentialsSchema>
