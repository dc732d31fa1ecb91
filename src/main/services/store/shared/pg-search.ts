import { sql } from 'kysely'

/** The user's search as the index holds it: lower case, no control characters. */
// eslint-disable-next-line no-control-regex
const searchable = (query: string): string => query.trim().replace(/[\u0000-\u001f]/g, '').toLowerCase()

/** `LIKE` pattern for a substring, the user's text taken literally (no wildcards). */
export function substringPattern(query: string): string {
  return `%${searchable(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** 1–2 characters: the short-piece index; longer: trigrams (pg_trgm), checked as a literal substring. */
export function searchCondition(query: string) {
  const text = searchable(query)
  return Array.from(text).length <= 2 ? sql<boolean>`search_grams @> ARRAY[${text}]::text[]` : sql<boolean>`search_text LIKE ${substringPattern(query)}`
}

