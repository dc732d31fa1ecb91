import { sql, type Kysely } from 'kysely'
import type { SharedSchema } from './schema'
import { isLongNumber, searchable } from './search'

/** created_at's first nine characters, "2024-06-2": its ten-day period (days 20–29), as the index keys it (migration 0013). */
const PERIOD = /^\d{4}-\d{2}-\d$/
/** More periods than this (55 years) is not a history, it is a broken clock: the trigram search takes it. */
const MAX_PERIODS = 2000
const GRAM = 3
const MAX_GRAMS = 3

/**
 * The 3-character pieces of the query the index is asked for, as it holds them: side by side and the
 * last one (at most three: the first, a middle and the last; the literal check does the rest — fewer
 * keys, cheaper probes). null when too short, or a long number (its own index).
 */
export function periodGrams(query: string): string[] | null {
  const chars = Array.from(searchable(query))
  if (chars.length < GRAM || isLongNumber(query)) return null
  const grams = new Set<string>()
  for (let i = 0; i + GRAM <= chars.length; i += GRAM) grams.add(chars.slice(i, i + GRAM).join(''))
  grams.add(chars.slice(-GRAM).join(''))
  const all = [...grams]
  // Each key is a posting list to read in every period asked: three pieces find few enough rows, the literal check does the rest.
  return all.length <= MAX_GRAMS ? all : [all[0], all[Math.floor(all.length / 2)], all[all.length - 1]]
}

/** The ten-day periods from the newest created_at to the oldest, newest first; null if they are not ISO dates. */
export function periodsBetween(newest: string, oldest: string): string[] | null {
  const first = newest.slice(0, 9)
  const last = oldest.slice(0, 9)
  if (!PERIOD.test(first) || !PERIOD.test(last) || last > first) return null
  const periods: string[] = []
  let year = Number(first.slice(0, 4))
  let month = Number(first.slice(5, 7))
  for (;;) {
    const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
    if (ym < last.slice(0, 7)) return periods
    for (const d of ['3', '2', '1', '0']) {
      const p = `${ym}-${d}`
      if (p <= first && p >= last) periods.push(p)
    }
    if (periods.length > MAX_PERIODS) return null
    if (--month === 0) {
      month = 12
      year--
    }
  }
}

/**
 * A substring search newest first through the period index: the newest ten-day period first, stopping
 * when the page is full, so only one period's matches are sorted by time however many older ones
 * match; a status or mode filter is part of each period's keys. The walk is a server function
 * (migration 0013): one round trip. Returns null when the query
 * or the dates do not suit it; the caller then uses the trigram index.
 */
export function periodSearch(db: Kysely<SharedSchema>, filter: { query: string; status?: string; mode?: string; from?: string; before?: string }) {
  const grams = periodGrams(filter.query)
  const walk = async (want: number): Promise<string[] | null> => {
    if (!grams) return null
    let bounds = db.selectFrom('shipment_search').select((eb) => [eb.fn.max('created_at').as('newest'), eb.fn.min('created_at').as('oldest')])
    if (filter.from) bounds = bounds.where('created_at', '>=', filter.from)
    if (filter.before) bounds = bounds.where('created_at', '<', filter.before)
    const { newest, oldest } = await bounds.executeTakeFirstOrThrow()
    if (newest === null || oldest === null) return []
    const periods = periodsBetween(newest, oldest)
    if (!periods) return null
    const { rows } = await sql<{ seq: string }>`
      SELECT fraktdesk_period_walk(${periods}::text[], ${grams}::text[], ${searchable(filter.query)}, ${want}::int,
        ${filter.status ?? null}::text, ${filter.mode ?? null}::text, ${filter.from ?? null}::text, ${filter.before ?? null}::text) AS seq`.execute(db)
    return rows.map((r) => String(r.seq))
  }
  return {
    /** The seqs of the newest `want` matches, newest first; null when this index does not suit the search. */
    newest: (want: number) => walk(want),
    /** How many match, counted up to `cap`; null when this index does not suit the search. */
    count: async (cap: number): Promise<number | null> => (await walk(-cap))?.length ?? null
  }
}
