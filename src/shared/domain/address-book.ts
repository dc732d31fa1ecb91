import { z } from 'zod'
import { bookingPackageSchema, partySchema, type BookingPackage, type Party } from './booking'
import { code, safeText } from './fields'
import { rowFieldFor, rowParty, type RowValues } from './batches'

/** Recipients the shop books for again and again, and its own sender profiles (shop, warehouse). */
export const addressKinds = ['recipient', 'sender'] as const
export const addressKindSchema = z.enum(addressKinds)
export type AddressKind = z.infer<typeof addressKindSchema>

const blank = (v: unknown): unknown => (v === '' || v === null ? undefined : v)

/** What is remembered with a recipient so a rebooking needs no typing: service, customer number, parcel. */
export const preferredSchema = z
  .object({
    customerNumber: z.preprocess(blank, code(40).optional()),
    productId: z.preprocess(blank, code(40).optional()),
    packages: z.array(bookingPackageSchema).max(99, 'At most 99 packages per shipment').optional(),
    /** The pickup point the recipient collects at (chosen in the picker), by id and as the picker showed it. */
    pickupPoint: z.object({ id: safeText(20).min(1), name: safeText(200) }).optional()
  })
  .default({})
export type Preferred = z.infer<typeof preferredSchema>

/** One address-book entry as the form and IPC send it; the party follows the booking schema's limits. */
export const addressEntryInputSchema = z.object({
  kind: addressKindSchema.default('recipient'),
  party: partySchema,
  preferred: preferredSchema,
  notes: z.preprocess(blank, safeText(500, { multiline: true, tooLong: 'Notes: at most 500 characters' }).optional()),
  /** Sender profiles only: the one new bookings start from. */
  isDefault: z.boolean().default(false)
})
export type AddressEntryInput = z.input<typeof addressEntryInputSchema>
export type AddressEntryData = z.output<typeof addressEntryInputSchema>

export const addressEntrySchema = addressEntryInputSchema.extend({
  id: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type AddressEntry = z.output<typeof addressEntrySchema>

export const addressFilterQuerySchema = z.object({
  query: safeText(100).default(''),
  kind: addressKindSchema.default('recipient')
})
export const addressFilterSchema = addressFilterQuerySchema.extend({
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0)
})
export type AddressFilterQuery = z.infer<typeof addressFilterQuerySchema>
export type AddressFilter = z.infer<typeof addressFilterSchema>

/** A recipient offered while typing: from the address book, or from a recent shipment. */
export const recipientSuggestionSchema = z.object({
  source: z.enum(['addressBook', 'history']),
  /** Address-book id or shipment id. */
  id: z.string(),
  party: partySchema,
  preferred: preferredSchema
})
export type RecipientSuggestion = z.infer<typeof recipientSuggestionSchema>

/**
 * Two entries are the same recipient when name, first address line and postal code agree, ignoring
 * case, spacing and punctuation: "Ola  Nordmann, Storgata 1" = "ola nordmann storgata 1".
 */
export function dedupeKey(p: Pick<Party, 'name' | 'addressLine' | 'postalCode' | 'countryCode'>): string {
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[\s.,;:'"`´-]+/g, ' ')
      .trim()
  return [norm(p.countryCode), norm(p.postalCode), norm(p.name), norm(p.addressLine)].join('|')
}

/** The parcel remembered with a recipient, or none. */
export const preferredPackages = (p: Preferred): BookingPackage[] | undefined => (p.packages && p.packages.length > 0 ? p.packages : undefined)

/** A CSV row as an address-book recipient; package columns become the remembered parcel. */
export function rowToAddressEntry(v: RowValues): AddressEntryInput {
  const weight = v.weightKg?.trim()
  return {
    kind: 'recipient',
    party: rowParty(v),
    preferred: {
      customerNumber: v.customerNumber,
      productId: v.productId,
      packages: weight ? [{ weightInKg: weight, lengthInCm: v.lengthCm, widthInCm: v.widthCm, heightInCm: v.heightCm, goodsDescription: v.goodsDescription }] : undefined
    },
    isDefault: false
  }
}

/** The row checked as an address-book entry: the entry, or its problems by row field. */
export function checkAddressRow(v: RowValues): { ok: true; entry: AddressEntryData } | { ok: false; problems: Record<string, string[]> } {
  const parsed = addressEntryInputSchema.safeParse(rowToAddressEntry(v))
  if (parsed.success) return { ok: true, entry: parsed.data }
  const problems: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const [head, ...rest] = issue.path
    const field = head === 'party' ? rowFieldFor(['recipient', ...rest]) : head === 'preferred' ? rowFieldFor(rest) : '_'
    ;(problems[field] ??= []).push(issue.message)
  }
  return { ok: false, problems }
}
