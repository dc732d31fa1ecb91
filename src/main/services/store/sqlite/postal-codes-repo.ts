import type { Db } from './db'
import type { CachedPostalCode, PostalCodeCache } from '../postal-codes'

interface Row {
  city: string | null
  municipality: string | null
  county: string | null
  type: string | null
  fetched_at: string
}

/** The postal code cache in the desk's SQLite file. */
export function sqlitePostalCodeCache(db: Db): PostalCodeCache {
  const byKey = db.prepare<[string, string, string], Row>('SELECT city, municipality, county, type, fetched_at FROM postal_codes WHERE source = ? AND country_code = ? AND postal_code = ?')
  const upsert = db.prepare(
    `INSERT INTO postal_codes (source, country_code, postal_code, city, municipality, county, type, fetched_at) VALUES (@source, @country, @code, @city, @municipality, @county, @type, @fetchedAt)
     ON CONFLICT (source, country_code, postal_code) DO UPDATE SET city = excluded.city, municipality = excluded.municipality, county = excluded.county, type = excluded.type, fetched_at = excluded.fetched_at`
  )
  return {
    engine: 'sqlite',
    async get(source, country, code): Promise<CachedPostalCode | null> {
      const r = byKey.get(source, country, code)
      return r ? { city: r.city, municipality: r.municipality, county: r.county, type: r.type, fetchedAt: r.fetched_at } : null
    },
    async put(source, country, code, a) {
      upsert.run({ source, country, code, city: a.city, municipality: a.municipality, county: a.county, type: a.type, fetchedAt: a.fetchedAt })
    }
  }
}
