/** Which database a store is kept in: the desk's own SQLite file, or the team's shared PostgreSQL. */
export type StoreEngine = 'sqlite' | 'postgres'

/**
 * Past this many matches a list's count says "1 000+" (either engine): counting costs about a
 * microsecond per match, and nobody scrolls further than that.
 */
export const TOTAL_CAP = 1_000
