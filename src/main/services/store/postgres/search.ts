import { sql } from 'kysely'

/** The user's search as the index holds it: lower case, no control characters. */
// eslint-disable-next-line no-control-regex
export const searchable = (query: string): string => query.trim().replace(/[\u0000-\u001f]/g, '').toLowerCase()

/** `LIKE` pattern for a substring, the user's text taken literally (no wildcards). */
export function substringPattern(query: string): string {
  return `%${searchable(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export const DIGIT_WINDOW = 6

/** The 6-digit windows a number search needs: side by side, and the last one (together they cover the number). */
export function digitWindows(digits: string): string[] {
  const windows = new Set<string>()
  for (let i = 0; i + DIGIT_WINDOW <= digits.length; i += DIGIT_WINDOW) windows.add(digits.slice(i, i + DIGIT_WINDOW))
  windows.add(digits.slice(-DIGIT_WINDOW))
  return [...windows]
}

/**
 * 1–2 characters: the short-piece index; a number of 6+ digits (where the table has search_digits):
 * the digit-window index; otherwise trigrams (pg_trgm). Always checked as a literal substring.
 */
export function searchCondition(query: string, opts: { digitWindows?: boolean } = {}) {
  const text = searchable(query)
  if (Array.from(text).length <= 2) return sql<boolean>`search_grams @> ARRAY[${text}]::text[]`
  // strpos, not LIKE: the trigram index would be asked too, and for a number it holds almost every row.
  if (opts.digitWindows && isLongNumber(text)) return sql<boolean>`(search_digits @> ${digitWindows(text)}::text[] AND strpos(search_text, ${text}) > 0)`
  return sql<boolean>`search_text LIKE ${substringPattern(query)}`
}

/** The same test without any index: for rows already in hand (the newest few thousand). */
export const literalCondition = (query: string) => sql<boolean>`strpos(search_text, ${searchable(query)}) > 0`

export const isLongNumber = (query: string): boolean => new RegExp(`^[0-9]{${DIGIT_WINDOW},}$`).test(searchable(query))
