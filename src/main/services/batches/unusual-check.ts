import type { BatchDefaults, RowValues } from '@shared/domain/batches'
import { isCheckKey, unusualRows } from '@shared/domain/plausibility'

/** A row as the check sees it: its values, what the booking check found, what the clerk confirmed. */
export interface CheckedRow {
  key: string
  values: RowValues
  problems: Record<string, string[]> | null
  confirmed?: RowValues | null
}

const same = (a: RowValues, b: RowValues | null | undefined): boolean => {
  if (!b) return false
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RowValues>
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''))
}

/**
 * Adds "check this" to the rows that pass the booking check but look unusual for the batch (see
 * unusualRows), unless the clerk confirmed exactly these values. Rows with a real problem keep only it:
 * it is fixed first. Returns each row's problems by key (only for `keys`, or all).
 */
export function withUnusualChecked(rows: CheckedRow[], defaults: BatchDefaults, keys?: Set<string>): Map<string, Record<string, string[]> | null> {
  const flags = unusualRows(rows, defaults)
  const out = new Map<string, Record<string, string[]> | null>()
  for (const r of rows) {
    if (keys && !keys.has(r.key)) continue
    const realProblems = r.problems && Object.keys(r.problems).some((k) => !isCheckKey(k)) ? r.problems : null
    const reasons = flags.get(r.key)
    out.set(r.key, realProblems ?? (reasons && !same(r.values, r.confirmed) ? reasons : null))
  }
  return out
}
