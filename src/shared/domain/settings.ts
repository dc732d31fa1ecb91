import { z } from 'zod'
import { modeSchema } from './mode'
import { clientUrlSchema, code, safeText } from './fields'
import { postalCodeProblem } from './postal-code'
import { defaultPrintingSettings, printingSettingsSchema } from './printing'

export const languageSchema = z.enum(['en', 'nb'])
export type Language = z.infer<typeof languageSchema>

const optionalUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'Must be a web address starting with https://')

const senderShape = { name: 35, addressLine: 35, addressLine2: 35, postalCode: 10, city: 35, countryCode: 2, contactName: 35, phoneNumber: 20, email: 60 } as const
type SenderKey = keyof typeof senderShape
const senderObject = (field: (max: number) => z.ZodType<string>) =>
  z.object(Object.fromEntries(Object.entries(senderShape).map(([k, max]) => [k, field(max)])) as Record<SenderKey, z.ZodType<string>>).partial()

/** The company address the booking form starts from; every part optional until used. */
export const defaultSenderSchema = senderObject((max) => z.string().max(max))
export type DefaultSender = z.infer<typeof defaultSenderSchema>

/** What the settings file may hold (lenient: a file from an older version still loads). */
const fields = {
  mode: modeSchema,
  language: languageSchema,
  /** Set through credentials:save, together with the key. */
  apiUid: z.string().trim().max(254),
  clientUrl: optionalUrl,
  /** Customer number preselected in quote, book and pickup screens. */
  defaultCustomerNumber: z.string().trim().max(20),
  defaultSender: defaultSenderSchema,
  /** "Needs attention": waiting at a pickup point longer than this many days … */
  attentionPickupDays: z.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days'),
  /** … or nothing heard from Bring this many days after booking. */
  attentionSilentDays: z.number().int().min(1, 'At least 1 day').max(30, 'At most 30 days'),
  /** Ask Bring's Tracking API in the background (live and Sandbox shipments). */
  trackingEnabled: z.boolean(),
  /** A desktop notification when a shipment starts to need attention (off unless chosen). */
  attentionNotifications: z.boolean(),
  /** Team mode: the shared PostgreSQL database (empty url: this desk's own SQLite file). The password is in the keychain. */
  sharedDatabase: z.object({
    url: z.string().trim().max(300),
    tls: z.boolean(),
    caFile: z.string().max(1000),
    /** Recorded on every shipment this desk books; empty: the computer's name. */
    deskName: z.string().trim().max(40)
  }),
  printing: printingSettingsSchema
}

export const defaultSharedDatabase = { url: '', tls: true, caFile: '', deskName: '' }

/** Non-secret settings stored as JSON in userData. The API key is never here. */
export const settingsSchema = z.object({
  mode: fields.mode.default('sandbox'),
  language: fields.language.default('en'),
  apiUid: fields.apiUid.default(''),
  clientUrl: fields.clientUrl.default(''),
  defaultCustomerNumber: fields.defaultCustomerNumber.default(''),
  defaultSender: fields.defaultSender.default({}),
  attentionPickupDays: fields.attentionPickupDays.default(5),
  attentionSilentDays: fields.attentionSilentDays.default(3),
  trackingEnabled: fields.trackingEnabled.default(true),
  attentionNotifications: fields.attentionNotifications.default(false),
  sharedDatabase: fields.sharedDatabase.default(defaultSharedDatabase),
  printing: fields.printing.default(defaultPrintingSettings)
})
export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = settingsSchema.parse({})

/**
 * What the renderer may change with settings:set. No defaults here, so a patch touches only the
 * keys it names. Mode has its own channel (live needs confirmation); apiUid goes with the key.
 */
export const settingsPatchSchema = z
  .object({
    language: fields.language,
    clientUrl: clientUrlSchema,
    defaultCustomerNumber: z.union([z.literal(''), code(40)]),
    attentionPickupDays: fields.attentionPickupDays,
    attentionSilentDays: fields.attentionSilentDays,
    trackingEnabled: fields.trackingEnabled,
    attentionNotifications: fields.attentionNotifications,
    printing: fields.printing,
    // The company address becomes every booking's sender: a postal code is checked as in booking.
    defaultSender: senderObject((max) => safeText(max)).superRefine((sender, ctx) => {
      if (!sender.postalCode?.trim()) return
      const problem = postalCodeProblem(sender.countryCode || 'NO', sender.postalCode)
      if (problem) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: problem })
    })
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** The company address from Settings as a booking party (unchecked: the booking schema checks it). */
export function senderFromSettings(s: DefaultSender) {
  return {
    name: s.name ?? '',
    addressLine: s.addressLine ?? '',
    addressLine2: s.addressLine2 ?? '',
    postalCode: s.postalCode ?? '',
    city: s.city ?? '',
    countryCode: s.countryCode || 'NO',
    reference: '',
    contact: { name: s.contactName ?? '', email: s.email ?? '', phoneNumber: s.phoneNumber ?? '' }
  }
}
