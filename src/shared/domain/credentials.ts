import { z } from 'zod'

export const credentialsStatusSchema = z.object({
  apiUid: z.string(),
  hasKey: z.boolean(),
  keychainAvailable: z.boolean(),
  /** The key lives only in memory until the app quits (keychain unavailable or user chose so). */
  sessionOnly: z.boolean()
})
export type CredentialsStatus = z.infer<typeof credentialsStatusSchema>

export const saveCredentialsSchema = z.object({
  apiUid: z.string().trim().min(1, 'Enter your Mybring API user (usually your e-mail)').max(254),
  apiKey: z.string().trim().min(1, 'Enter the API key from Mybring').max(200),
  sessionOnly: z.boolean().default(false)
})
export type SaveCredentials = z.infer<typeof saveCredentialsSchema>
