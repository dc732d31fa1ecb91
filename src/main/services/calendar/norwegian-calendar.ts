import Holidays from 'date-holidays'

/**
 * Norway's working days as Bring delivers them: Monday to Friday except the public holidays ("helligdager"
 * and 1 and 17 May; Easter and Pentecost move with Easter). Christmas Eve and New Year's Eve are bank
 * holidays with short days, not days off, so they count. Dates are Oslo calendar dates, "YYYY-MM-DD".
 */
const norway = new Holidays('NO')
const publicHolidays = new Map<number, Set<string>>()

function holidaysOf(year: number): Set<string> {
  let days = publicHolidays.get(year)
  if (!days) {
    days = new Set(norway.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)))
    publicHolidays.set(year, days)
  }
  return days
}

const DAY = 86_400_000
const toTime = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`)
const toDate = (t: number): string => new Date(t).toISOString().slice(0, 10)

export function isPublicHoliday(isoDate: string): boolean {
  return holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate)
}

export function isWorkingDay(isoDate: string): boolean {
  const weekday = new Date(toTime(isoDate)).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(isoDate)
}

/**
 * Working days after `from` up to and including `to`: handed in on a Monday and delivered on the Tuesday
 * is 1; the same day is 0. Negative when `to` is before `from` (early against a promise).
 */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from)
  let n = 0
  for (let t = toTime(from) + DAY, end = toTime(to); t <= end; t += DAY) if (isWorkingDay(toDate(t))) n++
  return n
}
