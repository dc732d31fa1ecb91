import type { BatchDefaults, RowField, RowValues } from './batches'
import { looksLikeGrams } from './shop-exports'

/**
 * Row problems of values that are allowed but unusual are keyed `check:<field>` (shown under that field,
 * as a warning): the row is held until the clerk confirms it or fixes it.
 */
export const CHECK_PREFIX = 'check:'
export const checkKey = (field: RowField): string => `${CHECK_PREFIX}${field}`

const number = (cell: string | undefined): number | null => {
  const t = (cell ?? '').trim().replace(/\s/g, '').replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(t)) return null
  return Number(t)
}

function median(values: number[]): number | null {
  if (values.length < 5) return null // too few to say what is usual for this file
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const kg = (n: number): string => `${Math.round(n * 1000) / 1000} kg`

/**
 * Values a service accepts but that are unlikely for this file: many packages to one recipient, a weight
 * or a size far from what the file's other rows have (a column in the wrong unit, a typo). Each flagged row
 * gets its reasons (English sentences; the window shows them in its language). Rows with too few
 * neighbours to compare are judged on the absolute rule only.
 */
export function unusualRows(rows: { key: string; values: RowValues }[], defaults: BatchDefaults): Map<string, Record<string, string[]>> {
  const weightOf = (v: RowValues) => number(v.weightKg ?? defaults.weightKg)
  const weights = rows.map((r) => weightOf(r.values)).filter((n): n is number => n !== null && n > 0)
  const usualWeight = median(weights)
  // A whole column in grams read as kilograms has no usual weight to stand out from: it looks like grams.
  const gramsAsKg = looksLikeGrams('', rows.map((r) => r.values.weightKg ?? '').filter(Boolean))
  const sizes = (['lengthCm', 'widthCm', 'heightCm'] as const).map((f) => ({ f, usual: median(rows.map((r) => number(r.values[f] ?? defaults[f])).filter((n): n is number => n !== null && n > 0)) }))
  const out = new Map<string, Record<string, string[]>>()
  for (const { key, values } of rows) {
    const reasons: Record<string, string[]> = {}
    const flag = (field: RowField, reason: string): void => void (reasons[checkKey(field)] ??= []).push(reason)
    const packages = number(values.packageCount)
    if (packages !== null && packages >= 10) flag('packageCount', `Check this: ${packages} packages to one recipient`)
    const w = weightOf(values)
    if (w !== null && gramsAsKg && w >= 100) flag('weightKg', `Check this: ${kg(w)} a package, and this file's weights look like grams`)
    else if (w !== null && usualWeight !== null && w >= 10 && w > 5 * usualWeight) flag('weightKg', `Check this: ${kg(w)} a package, far more than this file's usual ${kg(usualWeight)}`)
    if (w !== null && usualWeight !== null && usualWeight >= 1 && w < usualWeight / 20) flag('weightKg', `Check this: ${kg(w)} a package, far less than this file's usual ${kg(usualWeight)}`)
    for (const { f, usual } of sizes) {
      const d = number(values[f] ?? defaults[f])
      if (d !== null && usual !== null && d >= 100 && d > 3 * usual) flag(f, `Check this: ${d} cm, far more than this file's usual ${usual} cm`)
    }
    if (Object.keys(reasons).length > 0) out.set(key, reasons)
  }
  return out
}

export const isCheckKey = (key: string): boolean => key.startsWith(CHECK_PREFIX)

/** A row's problems are only "check this": allowed, unusual, waiting for the clerk. */
export const onlyToCheck = (problems: Record<string, string[]> | null | undefined): boolean => Boolean(problems && Object.keys(problems).length > 0 && Object.keys(problems).every(isCheckKey))
