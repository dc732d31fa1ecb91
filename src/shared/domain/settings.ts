import { z } from 'zod'
import { modeSchema } from './mode'

export const languageSchema = z.enum(['en', 'nb'])
export type Language = z.infer<typeof languageSchema>

const optionalUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'Must be a web address starting with https://')

/** The company address the booking form starts from; every part optional until used. */
export const defaultSenderSchema = z
  .object({
    name: z.string().max(35),
    addressLine: z.string().max(35),
    addressLine2: z.string().max(35),
    postalCode: z.string().max(10),
    city: z.string().max(35),
    countryCode: z.string().max(2),
    contactName: z.string().max(35),
    phoneNumber: z.string().max(20),
    email: z.string().max(60)
  })
  .partial()
export type DefaultSender = z.infer<typeof defaultSenderSchema>

const fields = {
  mode: modeSchema,
  language: languageSchema,
  /** Set through credentials:save, together with the key. */
  apiUid: z.string().trim().max(254),
  clientUrl: optionalUrl,
  /** Customer number preselected in quote, book and pickup screens. */
  defaultCustomerNumber: z.string().trim().max(20),
  defaultSender: defaultSenderSchema
}

/** Non-secret settings stored as JSON in userData. The API key is never here. */
export const settingsSchema = z.object({
  mode: fields.mode.default('sandbox'),
  language: fields.language.default('en'),
  apiUid: fields.apiUid.default(''),
  clientUrl: fields.clientUrl.default(''),
  defaultCustomerNumber: fields.defaultCustomerNumber.default(''),
  defaultSender: fields.defaultSender.default({})
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = settingsSchema.parse({})

/**
 * What the renderer may change with settings:set. No defaults here, so a patch touches only the
 * keys it names. Mode has its own channel (live needs confirmation); apiUid goes with the key.
 */
export const settingsPatchSchema = z
  .object({ language: fields.language, clientUrl: fields.clientUrl, defaultCustomerNumber: fields.defaultCustomerNumber, defaultSender: fields.defaultSender })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
