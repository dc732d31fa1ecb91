import type Database from 'better-sqlite3'

/**
 * Tokens for the searches FTS5's trigram index answers badly, kept per row in one contentless FTS5
 * table (tokenizer unicode61, so every token is a plain alphanumeric word):
 * - 1–2 character searches: the trigram index needs three characters, so each row gets its distinct
 *   1- and 2-character substrings, as "g" + 6 hex digits per code point (punctuation, spaces and
 *   "ø" survive the tokenizer that way). Case-insensitive like the trigram index.
 * - long numbers: consignment and package numbers share most of their trigrams (the customer's
 *   prefix), so a pasted number makes the trigram index check positions in nearly every row. Each
 *   run of 6+ digits gets its 6-digit windows as "d" + digits: any digit search of 6+ characters
 *   needs only rows holding all its windows, which are few; the row is then checked with instr().
 */
export const DIGIT_WINDOW = 6

const gram = (chars: string[]): string => `g${chars.map((c) => c.codePointAt(0)!.toString(16).padStart(6, '0')).join('')}`

function digitWindows(digits: string, into: Set<string>): void {
  for (let i = 0; i + DIGIT_WINDOW <= digits.length; i++) into.add(`d${digits.slice(i, i + DIGIT_WINDOW)}`)
}

/** Space-separated tokens of each value (never across values). */
export function searchTokens(...values: (string | null | undefined)[]): string {
  const tokens = new Set<string>()
  for (const value of values) {
    if (!value) continue
    const chars = Array.from(value.toLowerCase())
    chars.forEach((c, i) => {
      tokens.add(gram([c]))
      if (i + 1 < chars.length) tokens.add(gram([c, chars[i + 1]]))
    })
    for (const run of value.match(/\d{6,}/g) ?? []) digitWindows(run, tokens)
  }
  return [...tokens].join(' ')
}

export type TokenQuery = { kind: 'short'; match: string } | { kind: 'digits'; match: string; digits: string } | { kind: 'trigram'; match: string }

/** How a search is answered: the token index for short and long-number searches, else trigrams. */
export function tokenQuery(query: string): TokenQuery {
  const chars = Array.from(query.toLowerCase())
  if (chars.length <= 2) return { kind: 'short', match: gram(chars) }
  if (/^\d+$/.test(query) && query.length >= DIGIT_WINDOW) {
    // Windows side by side (and the last one), not every overlapping one: together they still
    // cover the number, and each extra common window (the customer prefix) only slows the join.
    const windows = new Set<string>()
    for (let i = 0; i + DIGIT_WINDOW <= query.length; i += DIGIT_WINDOW) windows.add(`d${query.slice(i, i + DIGIT_WINDOW)}`)
    windows.add(`d${query.slice(-DIGIT_WINDOW)}`)
    return { kind: 'digits', match: [...windows].join(' '), digits: query }
  }
  // Quoted: user input is never FTS syntax.
  return { kind: 'trigram', match: `"${query.replace(/"/g, '""')}"` }
}

/** Triggers call it, so every connection that writes searchable rows registers it first. */
export function registerSearchTokens(db: Database.Database): void {
  db.function('fraktdesk_search_tokens', { deterministic: true, varargs: true }, (...values: unknown[]) =>
    searchTokens(...values.map((v) => (typeof v === 'string' ? v : null)))
  )
}
