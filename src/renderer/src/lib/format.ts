import type { Money } from '@shared/domain/quote'
import { osloDate } from '@shared/domain/oslo-calendar'

/**
 * Every number, amount, weight and date the UI shows, in the UI language (nb-NO: "1 107,31 kr",
 * "2,5 kg", "29.11.2026"; en: en-GB). The platform's Intl does the work; no literal "kg"/"kr"
 * strings or toLocale* calls elsewhere.
 */
export const localeOf = (lang: string): string => (lang === 'nb' ? 'nb-NO' : 'en-GB')

export function formatNumber(n: number, lang: string, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: maxFractionDigits }).format(n)
}

export function formatMoney(m: Money | undefined, lang: string, withVat = true): string {
  if (!m) return '—'
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: m.currency }).format(withVat ? m.withVat : m.withoutVat)
}

/** A share (0.94) as "94 %" / "94%". */
export function formatPercent(share: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/** An amount in NOK (or another currency) without a Money object. */
export function formatAmount(amount: number, lang: string, currency = 'NOK'): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency }).format(amount)
}

export function formatWeight(kg: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit: 'kilogram', maximumFractionDigits: 3 }).format(kg)
}

/** A calendar date (YYYY-MM-DD) as "fre. 29. nov." / "Fri 29 Nov". */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  if (!y || !m || !d) return iso
  return new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

/**
 * Bring's delivery day as the quote shows it ("tor. 10. des."). The booking answers with an instant,
 * Oslo's midnight written in UTC ("2022-06-28T22:00:00.000+00:00" is 29 June): read on Oslo's calendar,
 * never by its date part.
 */
export function formatDeliveryDay(value: string, lang: string): string {
  if (value.length <= 10) return formatDate(value, lang)
  const at = new Date(value)
  return Number.isNaN(at.getTime()) ? value : formatDate(osloDate(at), lang)
}

/** A moment (ISO timestamp) as local date and time. */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso))
}

/** A moment today (ISO timestamp) as local time only, with seconds: "00:26:41". */
export function formatTimeOfDay(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'medium' }).format(new Date(iso))
}

/** "5 minutes ago" in the UI language, via the platform's Intl (no extra dependency needed). */
export function timeAgo(iso: string, lang: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000)
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60]
  ]
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit)
  return rtf.format(0, 'second')
}

/** Today's date in the user's own time zone, as YYYY-MM-DD (what date inputs hold). */

