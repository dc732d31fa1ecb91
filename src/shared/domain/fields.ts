import { z } from 'zod'
import { vmsg } from './validation-messages'
import { osloDate } from './oslo-calendar'

/**
 * The boundary policy: every value that enters the app (a form, an IPC call, a file) is built from
 * these. Text is bounded and free of invisible characters, numbers are numbers (never `true` or
 * `[10]`), dates are real calendar dates, times real times of day.
 */

// C0/C1 controls, DEL, zero-width and direction marks, bidi embeddings/overrides/isolates, line and
// paragraph separators, word joiner and BOM: invisible, they garble labels and mislead readers.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/
// eslint-disable-next-line no-control-regex -- as above
const INVISIBLE_EXCEPT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/

export const hasInvisibleChars = (v: string, multiline = false): boolean => (multiline ? INVISIBLE_EXCEPT_NEWLINE : INVISIBLE).test(v)

/** Bounded, visible text. `tooLong` keeps a field's own wording where one exists. */
export function safeText(max: number, opts: { multiline?: boolean; tooLong?: string } = {}) {
  return z
    .string()
    .trim()
    .max(max, { error: opts.tooLong ?? vmsg('tooLong', { max }) })
    .refine((v) => !hasInvisibleChars(v, opts.multiline), { error: vmsg('controlChars') })
}

/** Ids and codes (customer numbers, product ids, service codes): letters, digits, _ . - only. */
export function code(max: number, required?: string) {
  return z
    .string()
    .trim()
    .min(1, required ? { error: required } : undefined)
    .max(max, { error: vmsg('tooLong', { max }) })
    .regex(/^[A-Za-z0-9_.-]*$/, { error: vmsg('controlChars') })
}

/** A bounded list whose repeats count once ("the same number twice" is one call, not two). */
export function uniqueArray<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max, { error: vmsg('tooMany', { max }) })
    .transform((a) => [...new Set(a)])
}

/** "2,5" and "2.5" both mean two and a half; anything that is not a plain decimal is not a number. */
export function parseDecimal(v: string): number {
  const s = v.trim().replace(/\s/g, '')
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN
}

/**
 * A number from a form field or IPC: numbers as they are, numeric text parsed (comma or point),
 * an empty box is "not given". Booleans, arrays and objects are refused, never coerced.
 */
export function strictNumber<T extends z.ZodType>(rules: (n: z.ZodNumber) => T) {
  return z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : parseDecimal(v)) : v), rules(z.number({ error: vmsg('notANumber') })))
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isRealDate(v: string): boolean {
  const m = ISO_DATE.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2999) return false
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Any real calendar date, YYYY-MM-DD (history filters, stored records). */
export function calendarDate(required = 'Choose a date') {
  return z
    .string()
    // An empty or malformed date gets its one message, not "not a real date" as well.
    .max(10, { error: vmsg('notADate'), abort: true })
    .regex(ISO_DATE, { error: required, abort: true })
    .refine(isRealDate, { error: vmsg('notADate') })
}

/** Today in Oslo: Bring's calendar (see oslo-calendar.ts); kept here with the other date fields. */
export { osloDate }

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export const SHIPPING_DAYS_AHEAD = 60

/**
 * A date something is sent or picked up: today up to 60 days ahead. One day of slack before today
 * absorbs a form left open over midnight or a main process in another time zone.
 */
export function isShippingDate(v: string, now = new Date()): boolean {
  const today = osloDate(now)
  return isRealDate(v) && v >= addDays(today, -1) && v <= addDays(today, SHIPPING_DAYS_AHEAD)
}

export function shippingDate(required = 'Choose a date') {
  return calendarDate(required).refine((v) => !isRealDate(v) || isShippingDate(v), { error: vmsg('shippingDateWindow', { days: SHIPPING_DAYS_AHEAD }) })
}

/** HH:MM, 00:00–23:59. */
export function clockTime() {
  return z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: vmsg('notATime') })
}

/** The Mybring API user: an e-mail address in plain ASCII (it travels in an HTTP header). */
export const apiUidSchema = z
  .string()
  .trim()
  .min(1, 'Enter your Mybring API user (usually your e-mail)')
  .max(254, { error: vmsg('tooLong', { max: 254 }) })
  .regex(/^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/, { error: vmsg('apiUid') })

/** X-Bring-Client-URL: empty, or an absolute http(s) URL of printable ASCII (it is a header too). */
export const clientUrlSchema = z
  .string()
  .trim()
  .max(200, { error: vmsg('tooLong', { max: 200 }) })
  .refine((v) => v === '' || (/^https?:\/\/[\x21-\x7E]+$/i.test(v) && URL.canParse(v)), { error: vmsg('clientUrl') })
