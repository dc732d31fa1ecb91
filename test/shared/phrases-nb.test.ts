import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingFormSchema } from '../../src/shared/domain/booking'
import { quoteInputSchema } from '../../src/shared/domain/quote'
import { pickupOrderFormSchema } from '../../src/shared/domain/pickup'
import { addressEntryInputSchema } from '../../src/shared/domain/address-book'
import { setValidationLanguage } from '../../src/shared/domain/validation-messages'
import { localizePhrase } from '../../src/shared/domain/phrases-nb'
import type { z } from 'zod'

// Words that only appear in the English messages: a Norwegian form must show none of them.
const english = /\b(is required|at most|choose|enter|give|must be|add at least|whole|cannot|needs|requires|how many|use a|two-letter|three-letter)\b/i

function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => localizePhrase(i.message))
}

const badParty = { name: '', addressLine: '', postalCode: '', city: '', countryCode: 'NORWAY', contact: { email: 'not-mail', phoneNumber: 'x' }, reference: 'x'.repeat(40) }
const cases: [string, z.ZodType, unknown][] = [
  ['booking, empty', bookingFormSchema, { clientRequestId: 'x', customerNumber: '', productId: '', sender: badParty, recipient: badParty, packages: [], shippingDate: '' }],
  ['booking, bad package', bookingFormSchema, { clientRequestId: 'x', customerNumber: '5', productId: '5800', sender: badParty, recipient: badParty, packages: [{ weightInKg: 0, lengthInCm: 2.5 }], shippingDate: '2026-13-01' }],
  ['quote', quoteInputSchema, { fromCountryCode: 'N', fromPostalCode: '', toCountryCode: 'NO', toPostalCode: '12', packages: [{ weightKg: -1, lengthCm: 0.5 }], customerNumbers: [], shippingDate: '' }],
  ['booking, cash on delivery and customs', bookingFormSchema, { clientRequestId: 'x', customerNumber: '5', productId: 'BUSINESS_PARCEL', additionalServices: ['1000'], cashOnDelivery: { amount: '1,234', accountNumber: '12', kid: 'x' }, sender: badParty, recipient: { ...badParty, countryCode: 'GB' }, packages: [{ weightInKg: 1 }], shippingDate: '', customs: { natureOfTransaction: 'GIFT', iossNumber: 'IM1', consent: false, lines: [] } }],
  ['address-book entry', addressEntryInputSchema, { kind: 'recipient', party: badParty, notes: 'x'.repeat(501) }],
  ['pickup', pickupOrderFormSchema, { clientRequestId: 'x', customerNumber: '', type: 'CARGO', countryCode: 'NO', companyName: '', street: '', postalCode: '', city: '', email: 'x', phoneNumber: 'x', pickupDate: '' }]
]

describe('form messages in Norwegian', () => {
  afterEach(() => setValidationLanguage('en'))

  it.each(cases)('%s: every message is Norwegian', (_name, schema, input) => {
    setValidationLanguage('nb')
    const found = messages(schema, input)
    expect(found.length).toBeGreaterThan(3)
    expect(found.filter((m) => english.test(m))).toEqual([])
  })

  it('English stays English, and an unknown text passes through unchanged', () => {
    expect(localizePhrase('Name is required', 'en')).toBe('Name is required')
    expect(localizePhrase('Name is required', 'nb')).toBe('Navn må fylles ut')
    expect(localizePhrase('City: at most 35 characters', 'nb')).toBe('Poststed: høyst 35 tegn')
    expect(localizePhrase('Something new', 'nb')).toBe('Something new')
  })
})

describe('company address in Settings', () => {
  it('refuses a postal code that is not one ("12" in Norway), as the booking form would', async () => {
    const { settingsPatchSchema } = await import('../../src/shared/domain/settings')
    const bad = settingsPatchSchema.safeParse({ defaultSender: { name: 'Nordisk Te AS', postalCode: '12', countryCode: 'NO' } })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({ path: ['defaultSender', 'postalCode'], message: 'A postal code in NO looks like 0150' })
    expect(localizePhrase(bad.error!.issues[0].message, 'nb')).toBe('Et postnummer i NO ser slik ut: 0150')
    expect(settingsPatchSchema.safeParse({ defaultSender: { postalCode: '0150', countryCode: 'NO' } }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ defaultSender: { name: 'Only a name so far' } }).success).toBe(true)
  })
})

describe('every English message in the shared schemas has its Norwegian', () => {
  // A scan of the schema sources, so a message added later without a translation fails here
  // instead of showing up in English on a Norwegian desk (as the shared database address did).
  const dir = path.resolve(__dirname, '../../src/shared/domain')
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('phrases'))
    .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }))
  const found = (re: RegExp): { file: string; text: string }[] =>
    sources.flatMap(({ file, text }) => [...text.matchAll(re)].map((m) => ({ file, text: m[1] })).filter((m) => !m.text.includes('${')))

  it('messages given to min, max, regex, refine…', () => {
    const sentences = found(/(?:\.(?:min|max|regex|refine|length|gt|gte|lt|lte)\([^'`)]*|message:\s*)['`]([A-Z][^'`]{6,})['`]/g)
    expect(sentences.length).toBeGreaterThan(30)
    expect(sentences.filter((m) => localizePhrase(m.text, 'nb') === m.text)).toEqual([])
  })

  it('field labels given to the text helpers ("Pickup point: at most 20 characters")', () => {
    const labels = found(/(?:optionalText|required|safeText)\([^'`)]*['`]([A-Z][^'`]+)['`]\)/g).filter((m) => !/ (is required|address)$/.test(m.text))
    expect(labels.length).toBeGreaterThan(10)
    expect(labels.filter((m) => localizePhrase(`${m.text}: at most 10 characters`, 'nb').startsWith(m.text))).toEqual([])
  })

  it('Settings → Shared database, as a Norwegian desk types a wrong address', async () => {
    const { sharedDatabaseFormSchema } = await import('../../src/shared/domain/shared-database')
    setValidationLanguage('nb')
    expect(messages(sharedDatabaseFormSchema, { url: 'mysql://kontor-pc/fraktdesk', tls: true })).toEqual(['Adressen begynner med postgres://, f.eks. postgres://fraktdesk@server:5432/fraktdesk'])
    setValidationLanguage('en')
  })
})

describe("every fixed-wording error main throws has its Norwegian", () => {
  // Errors without a message key go through localizePhrase in the IPC dispatcher; a new English-only
  // one would reach a Norwegian desk as it is. Template parts get sample values to match the patterns.
  const samples: [RegExp, string][] = [
    [/MAX_BATCH_ROWS/, '5000'],
    [/=== 'postgres'/, 'shared database'],
    [/^reason$/, ''],
    [/mode/, 'test'],
    [/status/, '503'],
    [/^where$/, 'packages.0.weight'],
    [/^what$/, 'is missing']
  ]
  const sample = (expr: string): string => samples.find(([re]) => re.test(expr))?.[1] ?? 'X-17'
  const roots = ['../../src/main', '../../src/shared'].map((r) => path.resolve(__dirname, r))
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
  const thrown = roots.flatMap(files).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:new AppError\(\s*'[A-Z_]+',\s*|AppError\.field\([^,]+,\s*)(['"`])((?:(?!\1).)*)\1/gs)].map((m) => ({
      file: path.basename(file),
      text: m[2].replace(/\$\{([^}]*)\}/g, (_, expr: string) => sample(expr.trim()))
    }))
  )

  it('no English-only error text', () => {
    expect(thrown.length).toBeGreaterThan(50)
    expect(thrown.filter((m) => localizePhrase(m.text, 'nb') === m.text)).toEqual([])
  })

  it('parameters keep their values in the Norwegian', () => {
    expect(localizePhrase('Bring has no active pickup with shipment number 70438101. It may already be cancelled, or it was not booked with mailbox pickup.', 'nb')).toContain('sendingsnummer 70438101.')
    expect(localizePhrase('This batch was made in sandbox mode. Switch back to that mode to book it.', 'nb')).toBe('Denne bunken ble laget i modusen Sandkasse. Bytt tilbake til den modusen for å booke den.')
    expect(localizePhrase("Bring's answer could not be used: the response is not valid.", 'nb')).toBe('Svaret fra Bring kunne ikke brukes: svaret er ugyldig.')
  })
})
