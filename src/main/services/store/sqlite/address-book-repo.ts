import { randomUUID } from 'node:crypto'
import type { Db } from './db'
import { cappedCount, newestFirstPage, type ListRequest } from './newest-first-page'
import { registerSearchTokens } from './search-tokens'
import { addressColumns, addressQuery, duplicateEntry, missingEntry, type AddressBookStore } from '../address-book'
import { promised } from './promised'
import {
  addressEntryInputSchema,
  type AddressEntry,
  type AddressEntryData,
  type AddressFilter,
  type AddressFilterQuery,
  type AddressKind
} from '@shared/domain/address-book'

interface Row {
  id: string
  created_at: string
  updated_at: string
  entry_json: string
}

export const addressBookIndexes = { table: 'address_book', trigram: 'address_book_fts', tokens: 'address_book_tokens', columns: ['name', 'postal_code', 'city', 'phone', 'email', 'contact_name'] }

/** Recipients and sender profiles in the embedded SQLite file (the shared database has postgres/address-book-store). */
export function createAddressBookRepo(db: Db, now = () => new Date()) {
  registerSearchTokens(db)
  const byId = db.prepare<[string], Row>('SELECT id, created_at, updated_at, entry_json FROM address_book WHERE id = ?')
  const byKey = db.prepare<[string, string], { id: string }>('SELECT id FROM address_book WHERE kind = ? AND dedupe_key = ?')
  const insert = db.prepare(`INSERT INTO address_book (id, created_at, updated_at, kind, dedupe_key, name, postal_code, city, phone, email, contact_name, is_default, entry_json)
    VALUES (@id, @now, @now, @kind, @dedupeKey, @name, @postalCode, @city, @phone, @email, @contactName, @isDefault, @entry)`)
  const update = db.prepare(`UPDATE address_book SET updated_at = @now, kind = @kind, dedupe_key = @dedupeKey, name = @name, postal_code = @postalCode, city = @city,
    phone = @phone, email = @email, contact_name = @contactName, is_default = @isDefault, entry_json = @entry WHERE id = @id`)
  const clearDefault = db.prepare(`UPDATE address_book SET is_default = 0, entry_json = json_set(entry_json, '$.isDefault', json('false')) WHERE kind = 'sender' AND is_default = 1 AND id != ?`)
  const newest = db.prepare<[], { created_at: string }>('SELECT created_at FROM address_book ORDER BY rowid DESC LIMIT 1')
  const insertTime = (): string => {
    const t = now().toISOString()
    const last = newest.get()?.created_at
    return last && last > t ? last : t
  }

  const entry = (r: Row): AddressEntry => ({ ...addressEntryInputSchema.parse(JSON.parse(r.entry_json)), id: r.id, createdAt: r.created_at, updatedAt: r.updated_at })
  

  const repo = {
    get(id: string): AddressEntry | null {
      const r = byId.get(id)
      return r ? entry(r) : null
    },
    /** A new entry; the same recipient twice is refused (see dedupeKey). */
    create(e: AddressEntryData): AddressEntry {
      const id = randomUUID()
      const c = addressColumns(e)
      if (byKey.get(c.kind, c.dedupeKey)) throw duplicateEntry(e.party.name)
      db.transaction(() => {
        insert.run({ ...c, id, now: insertTime() })
        if (c.isDefault) clearDefault.run(id)
      })()
      return repo.get(id)!
    },
    update(id: string, e: AddressEntryData): AddressEntry {
      if (!byId.get(id)) throw missingEntry()
      const c = addressColumns(e)
      const other = byKey.get(c.kind, c.dedupeKey)
      if (other && other.id !== id) throw duplicateEntry(e.party.name)
      db.transaction(() => {
        update.run({ ...c, id, now: now().toISOString() })
        if (c.isDefault) clearDefault.run(id)
      })()
      return repo.get(id)!
    },
    remove(id: string): boolean {
      return db.prepare('DELETE FROM address_book WHERE id = ?').run(id).changes > 0
    },
    /** Adds the ones not already there, in one transaction; returns how many were added and skipped. */
    importMany(entries: AddressEntryData[]): { added: number; skipped: number } {
      let added = 0
      const seen = new Set<string>()
      db.transaction(() => {
        for (const e of entries) {
          const c = addressColumns(e)
          const key = `${c.kind}|${c.dedupeKey}`
          if (seen.has(key) || byKey.get(c.kind, c.dedupeKey)) continue
          seen.add(key)
          insert.run({ ...c, isDefault: 0, id: randomUUID(), now: insertTime() })
          added++
        }
      })()
      return { added, skipped: entries.length - added }
    },
    /** Which of these parties are already in the address book (by dedupe key). */
    knownKeys(kind: AddressKind, keys: string[]): Set<string> {
      return new Set(keys.filter((k) => byKey.get(kind, k)))
    },
    defaultSender(): AddressEntry | null {
      const r = db.prepare<[], Row>(`SELECT id, created_at, updated_at, entry_json FROM address_book WHERE kind = 'sender' AND is_default = 1 LIMIT 1`).get()
      return r ? entry(r) : null
    },
    list(filter: AddressFilter): { items: AddressEntry[] } {
      const rows = newestFirstPage<Row>(db, addressBookIndexes, { ...listRequest(filter), columns: 's.id, s.created_at, s.updated_at, s.entry_json', limit: filter.limit, offset: filter.offset })
      return { items: rows.map(entry) }
    },
    count: (filter: AddressFilterQuery): { total: number; totalExact: boolean } => cappedCount(db, addressBookIndexes, listRequest(filter)),
    size: (): number => (db.prepare('SELECT COUNT(*) AS n FROM address_book').get() as { n: number }).n
  }
  return repo
}
export type AddressBookRepo = ReturnType<typeof createAddressBookRepo>

function listRequest(filter: AddressFilterQuery): ListRequest {
  return { query: addressQuery(filter.query), where: ['s.kind = @kind'], params: { kind: filter.kind } }
}

export const sqliteAddressBookStore = (repo: AddressBookRepo): AddressBookStore => ({ ...promised(repo), engine: 'sqlite' })
