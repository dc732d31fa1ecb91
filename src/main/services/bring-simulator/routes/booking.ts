import { randomUUID } from 'node:crypto'
import type { SimAccount, SimApiModule, SimReply } from '../types'
import fallbackErrors from '../../bring/booking-errors.fallback.json'
import { labelPdf } from '../label-pdf'
import { addWorkingDays } from '../calendar'
import { distanceBand, listPriceExVat, tariffs } from '../tariffs'
import { serviceErrors } from './booking-services'
import { iossCountries } from '@shared/domain/booking'
import { osloDate, osloMidnight } from '@shared/domain/oslo-calendar'
import { SHIPPING_DAYS_AHEAD } from '@shared/domain/fields'

type Json = Record<string, unknown>
type BookingError = { code: string; message: string }

const catalogue = new Map(fallbackErrors.errorTypes.map((e) => [e.code, e.message]))
const err = (code: string, message?: string): BookingError => ({ code, message: message ?? catalogue.get(code.replace(/-(SENDER|RECIPIENT|IMPORTER)$/, '')) ?? code })

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Party checks as Bring does them: required fields and documented lengths, codes suffixed by party. */
function partyErrors(p: unknown, suffix: 'SENDER' | 'RECIPIENT' | 'IMPORTER'): BookingError[] {
  const party = (p ?? {}) as Json
  const out: BookingError[] = []
  const who = suffix.toLowerCase()
  const check = (field: string, base: string, label: string, max = 35, optional = false) => {
    const v = str(party[field])
    if (!v || v.trim() === '') {
      if (!optional) out.push(err(`${base}-${suffix}`, `${label} must be provided for ${who}`))
    } else if (v.length > max) out.push(err(`${base}-${suffix}`, `${label} for ${who} is longer than ${max} characters`))
  }
  check('name', 'BOOK-INPUT-014', 'Name')
  check('addressLine', 'BOOK-INPUT-015', 'Address')
  check('addressLine2', 'BOOK-INPUT-015', 'Address line 2', 35, true)
  check('city', 'BOOK-INPUT-016', 'City')
  const country = str(party.countryCode)?.toUpperCase()
  if (!country) out.push(err(`BOOK-INPUT-017-${suffix}`))
  else if (!/^[A-Z]{2}$/.test(country)) out.push(err(`BOOK-INPUT-028-${suffix}`))
  const postal = str(party.postalCode) ?? ''
  // 0000 and 9999 pass a format check but do not exist: Bring's register catches them.
  if (country === 'NO' && (!/^\d{4}$/.test(postal) || postal === '0000' || postal === '9999')) out.push(err(`BOOK_INPUT-057-${suffix}`, `Invalid postal code ${postal} for ${who}`))
  const contact = (party.contact ?? {}) as Json
  if ((str(contact.email)?.length ?? 0) > 60) out.push(err('BOOK-INPUT-001', `E-mail for ${who} is longer than 60 characters`))
  if ((str(party.reference)?.length ?? 0) > 35) out.push(err('BOOK-INPUT-001', `Reference for ${who} is longer than 35 characters`))
  return out
}

function validate(body: Json, account: SimAccount): BookingError[] {
  if (body.schemaVersion === undefined) return [err('BOOK-INPUT-003')]
  if (typeof body.testIndicator !== 'boolean') return [err('BOOK-INPUT-030')]
  const consignments = body.consignments
  if (!Array.isArray(consignments) || consignments.length === 0) return [err('BOOK-INPUT-004')]
  if (consignments.length > 1) return [err('BOOK-INPUT-005')]
  const c = consignments[0] as Json
  const errors: BookingError[] = []
  const parties = (c.parties ?? {}) as Json
  if (!parties.sender) errors.push(err('BOOK-INPUT-006'))
  else errors.push(...partyErrors(parties.sender, 'SENDER'))
  if (!parties.recipient) errors.push(err('BOOK-INPUT-007'))
  else errors.push(...partyErrors(parties.recipient, 'RECIPIENT'))
  if (!c.shippingDateTime) errors.push(err('BOOK-INPUT-012'))
  const product = c.product as Json | undefined
  if (!product) errors.push(err('BOOK-INPUT-008'))
  else {
    if (!str(product.id)) errors.push(err('BOOK-INPUT-018'))
    if (!str(product.customerNumber)) errors.push(err('BOOK-INPUT-019'))
    const customer = account.customers.find((x) => x.customerNumber === product.customerNumber)
    if (product.customerNumber && !customer) errors.push(err('BOOK-INPUT-021'))
    else if (customer && product.id && !customer.products.includes(String(product.id))) errors.push(err('BOOK-INPUT-020'))
    errors.push(...serviceErrors(c, err))
    errors.push(...customsErrors(product, parties))
  }
  const packages = c.packages
  if (!Array.isArray(packages) || packages.length === 0) errors.push(err('BOOK-INPUT-009'))
  else
    for (const p of packages as Json[]) {
      if (typeof p.weightInKg !== 'number' || p.weightInKg <= 0) errors.push(err('BOOK-INPUT-002'))
      if (!p.dimensions && p.volumeInDm3 === undefined) errors.push(err('BOOK-INPUT-013'))
      if ((str(p.goodsDescription)?.length ?? 0) > 35) errors.push(err('BOOK-INPUT-001', 'Goods description is longer than 35 characters'))
    }
  return errors
}

/** IOSS rules from the Booking API documentation; an importer party is checked like the others. */
function customsErrors(product: Json, parties: Json): BookingError[] {
  const out: BookingError[] = []
  if (parties.importer) out.push(...partyErrors(parties.importer, 'IMPORTER'))
  const customs = product.ediCustomsDeclarations as Json | undefined
  const ioss = str(customs?.iossNumber)
  if (!customs || ioss === undefined) return out
  const recipient = (parties.recipient ?? {}) as Json
  const sender = (parties.sender ?? {}) as Json
  if (!/^IM\d{10}$/.test(ioss)) out.push(err('BOOK_VALIDATION-025'))
  else if (!iossCountries.has(String(recipient.countryCode))) out.push(err('BOOK_VALIDATION-026'))
  else if (str(sender.reference)) out.push(err('BOOK_VALIDATION-027'))
  else if (customs.natureOfTransaction !== 'SALE_OF_GOODS') out.push(err('BOOK_VALIDATION-028'))
  return out
}

/** The tariffs' distance band between the booking's sender and recipient, as the Shipping Guide reads it. */
function bandOf(c: Json): number {
  const parties = c.parties as Json
  const party = (p: unknown) => ({ country: String((p as Json).countryCode), postalCode: String((p as Json).postalCode) })
  return distanceBand(party(parties.sender), party(parties.recipient))
}

/** What the Shipping Guide would have quoted (net, ex VAT) for the booked packages, for tracking's contract price. */
function netPrice(c: Json): number | undefined {
  const product = c.product as Json
  const t = tariffs[String(product.id)]
  if (!t) return undefined
  const packages = (c.packages as Json[]).map((p) => {
    const d = (p.dimensions ?? {}) as Json
    return { grossWeightG: Math.round(Number(p.weightInKg) * 1000), lengthCm: d.lengthInCm as number | undefined, widthCm: d.widthInCm as number | undefined, heightCm: d.heightInCm as number | undefined }
  })
  return Math.round(listPriceExVat(t, packages, bandOf(c)) * 0.82 * 100) / 100
}

/** The Oslo calendar day of a timestamp the client sent ('' when it is not one). */
function osloDayOf(value: unknown): string {
  const at = new Date(String(value))
  return Number.isNaN(at.getTime()) ? '' : osloDate(at)
}

/**
 * How far ahead a shipping date moves the promise: as far as the app lets a clerk book ahead. Further,
 * the date and the simulator's clock disagree (a test set the clock to another season): the promise
 * counts from the simulator's today.
 */
const MAX_DAYS_AHEAD = SHIPPING_DAYS_AHEAD

/**
 * Bring's promise for a booking, as its Shipping Guide quotes it: the service's lead time for the
 * distance, in working days from the shipping date (today if that has passed). Unknown services: a day.
 */
function promise(c: Json, now: Date): { leadDays: number; shipsAfterDays: number; expectedDelivery: Date } {
  const t = tariffs[String((c.product as Json).id)]
  const leadDays = t ? t.lead[bandOf(c)] : 1
  // Days as Bring counts them, on Oslo's calendar (the app sends an instant: 00:30 on the 8th in Oslo is the 7th in UTC).
  const today = Date.parse(`${osloDate(now)}T00:00:00Z`)
  const asked = Date.parse(`${osloDayOf(c.shippingDateTime)}T00:00:00Z`)
  const ahead = Math.round((asked - today) / 86_400_000)
  const shipsAfterDays = ahead > 0 && ahead <= MAX_DAYS_AHEAD ? ahead : 0
  return { leadDays, shipsAfterDays, expectedDelivery: addWorkingDays(new Date(today + shipsAfterDays * 86_400_000), leadDays) }
}

/** Consignment numbers look like Bring's: 17 digits starting 70438101. */
const consignmentNumber = (): string => `70438101${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`
const packageNumber = (): string => `3707043810${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`

/** Booking API routes: booking, error catalogue, customers, plus label PDFs behind a redirect. */
type LabelInfo = { consignment: string; test: boolean; product: string; recipient: string }

/**
 * Label tokens carry what the label shows (plus a random part), like a signed link would: a label
 * link still works after the app (and its in-process Sandbox) restarted, as Bring's links do.
 */
const labelToken = (info: LabelInfo): string => `${randomUUID()}.${Buffer.from(JSON.stringify(info)).toString('base64url')}`
function readLabelToken(token: string): LabelInfo | null {
  const m = /^[0-9a-f-]{36}\.([A-Za-z0-9_-]{1,2000})$/.exec(token)
  if (!m) return null
  try {
    const info = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')) as LabelInfo
    return typeof info.consignment === 'string' && typeof info.recipient === 'string' && typeof info.product === 'string' ? info : null
  } catch {
    return null
  }
}

export const bookingRoutes: SimApiModule = ({ state }) => {
  return [
    {
      id: 'booking.book',
      api: 'booking',
      method: 'POST',
      path: '/booking-api/api/booking',
      handle: ({ body, account, url, now }): SimReply => {
        const errors = body && typeof body === 'object' ? validate(body as Json, account) : [err('BOOK_INPUT-060')]
        if (errors.length > 0) {
          return { status: 400, body: { consignments: [{ confirmation: null, errors: errors.map((e) => ({ code: e.code, uniqueId: randomUUID(), messages: [{ lang: 'en', message: e.message }] })) }] } }
        }
        const c = ((body as Json).consignments as Json[])[0]
        const correlation = String(c.correlationId ?? '')
        state.bookings.set(correlation, (state.bookings.get(correlation) ?? 0) + 1)
        const cn = consignmentNumber()
        const packageNumbers = (c.packages as Json[]).map(() => packageNumber())
        const recipient = ((c.parties as Json).recipient as Json).name as string
        const token = labelToken({ consignment: cn, test: (body as Json).testIndicator === true, product: String((c.product as Json).id), recipient })
        const base = `${url.protocol}//${url.host}`
        const product = c.product as Json
        const vas = Array.isArray(product.additionalServices) ? (product.additionalServices as Json[]).map((v) => String(v.id)) : []
        if (['3622', '5900', '5901', '5902'].includes(String(product.id)) && vas.includes('1073')) {
          state.pickups.set(cn, { kind: 'mailbox', date: osloDayOf(c.shippingDateTime), cancelled: false, customerNumber: String(product.customerNumber) })
        }
        const promised = promise(c, now)
        state.consignments.set(cn, { journey: state.scriptedJourneys.shift(), correlationId: correlation, bookedAt: now, leadDays: promised.leadDays, shipsAfterDays: promised.shipsAfterDays, productId: String(product.id), packageNumbers, priceExVat: netPrice(c), recipient: { name: recipient, postalCode: String(((c.parties as Json).recipient as Json).postalCode), city: String(((c.parties as Json).recipient as Json).city), countryCode: String(((c.parties as Json).recipient as Json).countryCode) } })
        return {
          status: 200,
          body: {
            consignments: [
              {
                confirmation: {
                  consignmentNumber: cn,
                  // Bring's promise, the Shipping Guide's lead time: the simulator's journeys keep it unless delayed (the delivery record reads it).
                  // As Bring writes it: the day's midnight in Oslo, in UTC ("2022-06-28T22:00:00.000+00:00" is 29 June).
                  dateAndTimes: { expectedDelivery: osloMidnight(promised.expectedDelivery.toISOString().slice(0, 10)).toISOString().replace('Z', '+00:00'), earliestPickup: null },
                  links: { labels: `${base}/booking-api/labels/${token}`, tracking: `https://tracking.bring.com/tracking/${cn}` },
                  packages: (c.packages as Json[]).map((p, i) => ({ packageNumber: packageNumbers[i], correlationId: p.correlationId }))
                },
                errors: []
              }
            ]
          }
        }
      }
    },
    {
      id: 'booking.errors',
      api: 'booking',
      method: 'GET',
      path: '/booking-api/api/errors',
      handle: () => ({ status: 200, body: fallbackErrors })
    },
    {
      id: 'booking.customers',
      api: 'booking',
      method: 'GET',
      path: '/booking-api/api/customers',
      handle: ({ account }) => ({ status: 200, body: { customers: account.customers } })
    },
    {
      // Label links redirect to the file, as Bring's do; the token in the link is the only key.
      id: 'booking.label-link',
      api: 'booking',
      method: 'GET',
      path: '/booking-api/labels/:token',
      public: true,
      handle: ({ params }) => (readLabelToken(params.token) ? { status: 302, headers: { Location: `/booking-api/label-files/${params.token}.pdf` } } : { status: 404, body: { message: 'No such label', status: 404 } })
    },
    {
      id: 'booking.label-file',
      api: 'booking',
      method: 'GET',
      path: '/booking-api/label-files/:file',
      public: true,
      handle: ({ params }) => {
        const label = readLabelToken(params.file.replace(/\.pdf$/, ''))
        if (!label) return { status: 404, body: { message: 'No such label', status: 404 } }
        const lines = [`Bring ${label.product}`, `Consignment ${label.consignment}`, `To: ${label.recipient}`, label.test ? 'TEST - NOT FOR SHIPPING' : 'Fraktdesk simulator']
        return { status: 200, raw: { bytes: labelPdf(lines), contentType: 'application/pdf' } }
      }
    }
  ]
}
