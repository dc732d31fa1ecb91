import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import { addressEntryInputSchema, type AddressEntry, type AddressEntryData, type AddressFilterQuery } from '@shared/domain/address-book'
import { TOTAL_CAP } from '../engine'
import { addressColumns, addressQuery, duplicateEntry, missingEntry, type AddressBookStore } from '../address-book'
import { lazyStore } from './lazy-store'
import { searchCondition } from './search'
import type { AddressBookTable, SharedSchema } from './schema'

type Row = Pick<Selectable<AddressBookTable>, 'id' | 'created_at' | 'updated_at' | 'entry_json'>

const entry = (r: Row): AddressEntry => ({ ...addressEntryInputSchema.parse(r.entry_json), id: r.id, createdAt: r.created_at, updatedAt: r.updated_at })

/** The table's columns for an entry (the same derived columns as on SQLite). */
function values(e: AddressEntryData, isDefault = e.kind === 'sender' && e.isDefault) {
  const c = addressColumns(e)
  return {
    kind: c.kind,
    dedupe_key: c.dedupeKey,
    name: c.name,
    postal_code: c.postalCode,
    city: c.city,
    phone: c.phone,
    email: c.email,
    contact_name: c.contactName,
    is_default: isDefault,
    entry_json: JSON.stringify(isDefault === e.isDefault ? e : { ...e, isDefault })
  }
}

const isUniqueViolation = (err: unknown, constraint: string): boolean => (err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === constraint

/**
 * The address book in the shared PostgreSQL database: every desk books from one list of recipients
 * and sender profiles. Same behaviour as the SQLite repository (the contract tests run both).
 */
export function pgAddressBookStore(db: Kysely<SharedSchema>, desk: string, now = () => new Date()): AddressBookStore {
  const touch = (): string => now().toISOString()
  const columns = ['id', 'created_at', 'updated_at', 'entry_json'] as const

  /** One default sender: the new one takes it from the old one, in the same transaction. */
  const clearOtherDefault = (trx: Transaction<SharedSchema>, id: string) =>
    trx
      .updateTable('address_book')
      .set({ is_default: false, entry_json: sql`jsonb_set(entry_json, '{isDefault}', 'false')` })
      .where('kind', '=', 'sender')
      .where('is_default', '=', true)
      .where('id', '<>', id)
      .execute()

  const filtered = (filter: AddressFilterQuery) => {
    let q = db.selectFrom('address_book').where('kind', '=', filter.kind)
    const query = addressQuery(filter.query).trim()
    if (query) q = q.where(searchCondition(query))
    return q
  }

  const store: AddressBookStore = {
    engine: 'postgres',
    async get(id) {
      const r = await db.selectFrom('address_book').select(columns).where('id', '=', id).executeTakeFirst()
      return r ? entry(r) : null
    },
    async create(e) {
      const id = randomUUID()
      const at = touch()
      try {
        await db.transaction().execute(async (trx) => {
          const v = values(e)
          if (v.is_default) await clearOtherDefault(trx, id)
          await trx.insertInto('address_book').values({ ...v, id, desk, created_at: at, updated_at: at }).execute()
        })
      } catch (err) {
        if (isUniqueViolation(err, 'address_book_kind_dedupe_key_key')) throw duplicateEntry(e.party.name)
        throw err
      }
      return (await store.get(id))!
    },
    async update(id, e) {
      try {
        await db.transaction().execute(async (trx) => {
          const v = values(e)
          if (v.is_default) await clearOtherDefault(trx, id)
          const r = await trx.updateTable('address_book').set({ ...v, updated_at: touch() }).where('id', '=', id).executeTakeFirst()
          if (Number(r.numUpdatedRows) === 0) throw missingEntry()
        })
      } catch (err) {
        if (isUniqueViolation(err, 'address_book_kind_dedupe_key_key')) throw duplicateEntry(e.party.name)
        throw err
      }
      return (await store.get(id))!
    },
    remove: async (id) => Number((await db.deleteFrom('address_book').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0,
    /** Adds the ones not already there (another desk may be adding the same at once: the unique key decides). */
    async importMany(entries) {
      const seen = new Set<string>()
      const fresh = entries.filter((e) => {
        const key = `${e.kind}|${addressColumns(e).dedupeKey}`
        return !seen.has(key) && Boolean(seen.add(key))
      })
      let added = 0
      const at = touch()
      for (let i = 0; i < fresh.length; i += 500) {
        const r = await db
          .insertInto('address_book')
          .values(fresh.slice(i, i + 500).map((e) => ({ ...values(e, false), id: randomUUID(), desk, created_at: at, updated_at: at })))
          .onConflict((oc) => oc.columns(['kind', 'dedupe_key']).doNothing())
          .executeTakeFirst()
        added += Number(r.numInsertedOrUpdatedRows ?? 0)
      }
      return { added, skipped: entries.length - added }
    },
    async knownKeys(kind, keys) {
      if (keys.length === 0) return new Set()
      const rows = await db.selectFrom('address_book').select('dedupe_key').where('kind', '=', kind).where('dedupe_key', 'in', keys).execute()
      return new Set(rows.map((r) => r.dedupe_key))
    },
    async defaultSender() {
      const r = await db.selectFrom('address_book').select(columns).where('kind', '=', 'sender').where('is_default', '=', true).executeTakeFirst()
      return r ? entry(r) : null
    },
    async list(filter) {
      const rows = await filtered(filter).select(columns).orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute()
      return { items: rows.map(entry) }
    },
    async count(filter) {
      const page = filtered(filter).select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1)
      const { n } = await db.selectFrom(page.as('page')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      const total = Number(n)
      return { total: Math.min(total, TOTAL_CAP), totalExact: total <= TOTAL_CAP }
    },
    size: async () => Number((await db.selectFrom('address_book').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
  }
  return store
}

/** The PostgreSQL address book behind a connection opened on first use. */
export const lazyPgAddressBookStore = (open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string): AddressBookStore =>
  lazyStore<AddressBookStore>(open, (db) => pgAddressBookStore(db, desk))
