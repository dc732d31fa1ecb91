import { isWorkingDay as isNorwegianWorkingDay } from '../calendar/norwegian-calendar'

/**
 * Days Bring delivers on: Norway's working days, Easter and Pentecost included — the calendar the delivery
 * record judges promises by, so a Sandbox promise never falls on a day the record counts as a holiday.
 */
export function isWorkingDay(d: Date): boolean {
  return isNorwegianWorkingDay(d.toISOString().slice(0, 10))
}

export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  let left = days
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1)
    if (isWorkingDay(d)) left--
  }
  return d
}

export function nextWorkingDays(after: Date, count: number): Date[] {
  const out: Date[] = []
  let d = after
  while (out.length < count) {
    d = addWorkingDays(d, 1)
    out.push(d)
  }
  return out
}

export const bringDay = (d: Date) => ({ year: String(d.getUTCFullYear()), month: String(d.getUTCMonth() + 1), day: String(d.getUTCDate()) })
export const formatted = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`
