/** Norwegian days without deliveries: weekends and fixed public holidays (moving feasts left out). */
const fixedHolidays = new Set(['01-01', '05-01', '05-17', '12-25', '12-26'])

export function isWorkingDay(d: Date): boolean {
  const day = d.getUTCDay()
  const md = `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
  return day !== 0 && day !== 6 && !fixedHolidays.has(md)
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
