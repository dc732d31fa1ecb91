/**
 * Bring's calendar is Norway's: "today", a shipping date "not in the past" and a pickup today are
 * Oslo's, whatever time zone the desk runs in (a desk on UTC at 23:30 is already tomorrow in Oslo).
 * Dates are shown in the desk's own format elsewhere; only which day it is comes from here.
 */
const osloParts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' })
const osloOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' })

/** Today's date in Oslo (YYYY-MM-DD). */
export function osloDate(now = new Date()): string {
  return osloParts.format(now)
}

/** Oslo's offset from UTC at an instant, in minutes (+60 in winter, +120 in summer). */
function osloOffsetMinutes(at: Date): number {
  const name = osloOffset.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00'
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name)
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0
}

/** The instant an Oslo date begins. */
export function osloMidnight(isoDate: string): Date {
  return osloInstant(isoDate, '00:00')
}

/**
 * The instant a wall-clock time on an Oslo date happens ("2026-12-07" at "15:00" is 14:00 UTC, in June
 * 13:00 UTC), whatever zone the desk runs in.
 */
export function osloInstant(isoDate: string, time: string): Date {
  const asUtc = Date.parse(`${isoDate}T${time}:00Z`)
  const guess = asUtc - osloOffsetMinutes(new Date(asUtc)) * 60_000
  // The offset at the instant itself: it differs from the guess only in the two nights the clocks change.
  return new Date(asUtc - osloOffsetMinutes(new Date(guess)) * 60_000)
}

/** Oslo's today as [start, end) instants: what "booked today" means for a pickup. */
export function osloDayBounds(now = new Date()): [Date, Date] {
  const today = osloDate(now)
  const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  return [osloMidnight(today), osloMidnight(next)]
}
