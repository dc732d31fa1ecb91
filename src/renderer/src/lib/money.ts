import type { Money } from '@shared/domain/quote'

export function formatMoney(m: Money | undefined, lang: string, withVat = true): string {
  if (!m) return '—'
  return new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { style: 'currency', currency: m.currency }).format(withVat ? m.withVat : m.withoutVat)
}

export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}
