import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startCore } from '../../helpers/app-core'
import { domesticForm } from '../../helpers/booking-form'
import { pickupFormValues } from '../../helpers/pickup-form'
import { channels } from '../../../src/shared/ipc/channels'
import { bookingFormSchema } from '../../../src/shared/domain/booking'
import { quoteInputSchema } from '../../../src/shared/domain/quote'
import { pickupOrderFormSchema } from '../../../src/shared/domain/pickup'
import { saveCredentialsSchema } from '../../../src/shared/domain/credentials'
import { settingsPatchSchema } from '../../../src/shared/domain/settings'
import { shipmentFilterSchema } from '../../../src/shared/domain/booking'
import type { IpcResult } from '../../../src/shared/ipc/app-error'

// Property-based: random strings (control, bidi, astral, huge), numbers, dates and arrays, put into
// every field of valid inputs, through every form schema and the real IPC dispatcher.

const today = domesticForm().shippingDate
const quote = { fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: today, packages: [{ weightKg: 2.5, lengthCm: 40, widthCm: 30, heightCm: 20 }], customerNumbers: ['5'] }
const pickup = pickupFormValues({ pickupDate: today, coversShipmentIds: [] })
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678', email: 'trond@example.no' }

/** A valid input per channel that takes fields; each run breaks one of its leaves. */
const examples: Record<string, () => unknown> = {
  'booking:submit': () => ({ form: { ...domesticForm(), clientRequestId: crypto.randomUUID() } }),
  'quote:run': () => ({ input: quote }),
  'pickups:order': () => ({ form: pickupFormValues({ pickupDate: today }) }),
  'pickups:options': () => ({ type: 'PARCEL', countryCode: 'NO', postalCode: '0150', shippingDate: today, numberOfAlternativePickupDates: 2 }),
  'credentials:save': () => ({ apiUid: 'shop@example.no', apiKey: 'abc-123', sessionOnly: true }),
  'settings:set': () => ({ clientUrl: 'https://shop.example/', defaultCustomerNumber: '5', defaultSender: sender }),
  'shipments:list': () => ({ query: 'Kari', from: '2026-01-01', to: today, limit: 10, offset: 0 }),
  'shipments:resolve': () => ({ id: crypto.randomUUID(), booked: true, consignmentNumber: '70438101263797410' }),
  'drafts:bookingSet': () => ({ source: 'quote', createdAt: new Date().toISOString(), customerNumber: '5', productId: '5800', productName: 'Pickup parcel', quote }),
  'pickups:modify': () => ({ id: crypto.randomUUID(), date: today })
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', 'Kari\u202Eeromm', '\u200B', 'a\nb', '\uFEFF0150', '9999-99-99', '2026-13-01', '2026-02-30', '1970-01-01', '24:00', '2,5', '1e309', 'NaN', '__proto__', '../../etc/passwd'),
  fc.string({ minLength: 36, maxLength: 3000 })
)
const hostileValue = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 5 }), fc.array(hostileString, { maxLength: 60 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }))

type Leaf = (string | number)[]
function leaves(v: unknown, at: Leaf = []): Leaf[] {
  if (Array.isArray(v)) return v.length === 0 ? [at] : v.flatMap((x, i) => leaves(x, [...at, i]))
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]))
  return [at]
}
function replaceAt(v: unknown, at: Leaf, value: unknown): unknown {
  if (at.length === 0) return value
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>
  copy[at[0]] = replaceAt(copy[at[0]], at.slice(1), value)
  return copy
}

function assertHonest(res: IpcResult<unknown>, namesAField: boolean): void {
  if (res.ok) return
  expect(res.error.code).not.toBe('INTERNAL')
  expect(res.error.code).not.toBe('INVALID_OUTPUT')
  if (res.error.code === 'INVALID_INPUT' && namesAField) {
    const fields = Object.keys(res.error.fieldErrors ?? {})
    expect(fields.filter((f) => f !== '_').length, JSON.stringify(res.error)).toBeGreaterThan(0)
  }
}

describe('fuzz: hostile values through every form schema', () => {
  const schemas = { bookingFormSchema, quoteInputSchema, pickupOrderFormSchema, saveCredentialsSchema, settingsPatchSchema, shipmentFilterSchema }
  const valid: Record<keyof typeof schemas, () => unknown> = {
    bookingFormSchema: () => domesticForm(),
    quoteInputSchema: () => quote,
    pickupOrderFormSchema: () => pickup,
    saveCredentialsSchema: () => ({ apiUid: 'shop@example.no', apiKey: 'abc-123' }),
    settingsPatchSchema: () => ({ clientUrl: 'https://shop.example/', defaultSender: sender }),
    shipmentFilterSchema: () => ({ query: 'Kari', from: '2026-01-01', to: today })
  }
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: never throws, every rejection names a field`, () => {
      const base = valid[name as keyof typeof schemas]()
      fc.assert(
        fc.property(fc.constantFrom(...leaves(base)), hostileValue, (at, value) => {
          const res = schema.safeParse(replaceAt(base, at, value))
          if (!res.success) for (const issue of res.error.issues) expect(issue.path.length, JSON.stringify(issue)).toBeGreaterThan(0)
        }),
        { numRuns: 400 }
      )
    })
  }
})

describe('fuzz: hostile IPC calls through the real dispatcher', () => {
  let dir: string
  let core: Awaited<ReturnType<typeof startCore>>
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fraktdesk-fuzz-'))
    core = await startCore(dir)
  })
  afterAll(async () => {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('one broken field in any channel: no INTERNAL, no throw, the rejection names a field', async () => {
    const channelsWithFields = Object.keys(examples)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelsWithFields), fc.nat(), hostileValue, async (channel, pick, value) => {
        const base = examples[channel]()
        const all = leaves(base)
        const res = await core.dispatch(channel, replaceAt(base, all[pick % all.length], value), 'http://app.test/index.html')
        assertHonest(res, true)
      }),
      { numRuns: 300 }
    )
  })

  it('anything at all on any channel: no INTERNAL, no throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.oneof(hostileValue, fc.anything({ maxDepth: 4 })), async (channel, input) => {
        const res = await core.dispatch(channel, input, 'http://app.test/index.html')
        assertHonest(res, false)
      }),
      { numRuns: 300 }
    )
  })

  it('a 10,000-deep object and a 5 MB string are refused before parsing, naming the size', async () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = { a: deep }
    for (const input of [deep, { form: { recipient: { name: 'x'.repeat(5_000_000) } } }]) {
      const res = await core.dispatch('booking:submit', input, 'http://app.test/index.html')
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect((res as { error: { message: string } }).error.message).toMatch(/too large/)
    }
  })
})
