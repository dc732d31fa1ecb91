import { z } from 'zod'
import { modeSchema } from './mode'

export const languageSchema = z.enum(['en', 'nb'])
export type Language = z.infer<typeof languageSchema>

const optionalUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'Must be a web address starting with https://')

/** Non-secret settings stored as JSON in userData. The API key is never here. */
export const settingsSchema = z.object({
  mode: modeSchema.default('sandbox'),
  language: languageSchema.default('en'),
  apiUid: z.string().trim().max(254).default(''),
  clientUrl: optionalUrl.default(''),
  /** Customer number preselected in quote, book and pickup screens. */
  defaultCustomerNumber: z.string().trim().max(20).default('')
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = settingsSchema.parse({})

/** What the renderer may change in one call; mode has its own channel because live needs confirmation. */
export const settingsPatchSchema = settingsSchema.omit({ mode: true }).partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
