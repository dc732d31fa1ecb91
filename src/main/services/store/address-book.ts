import { AppError } from '@shared/ipc/app-error'
import { dedupeKey, type AddressEntry, type AddressEntryData, type AddressFilter, type AddressFilterQuery, type AddressKind } from '@shared/domain/address-book'
import type { StoreEngine } from './engine'

/** Recipients and sender profiles behind one async interface: the desk's SQLite file or the team's PostgreSQL. */
export interface AddressBookStore {
  readonly engine: StoreEngine
  get(id: string): Promise<AddressEntry | null>
  /** A new entry; the same recipient twice is refused (see dedupeKey). */
  create(e: AddressEntryData): Promise<AddressEntry>
  update(id: string, e: AddressEntryData): Promise<AddressEntry>
  remove(id: string): Promise<boolean>
  /** Adds the ones not already there, in one transaction; returns how many were added and skipped. */
  importMany(entries: AddressEntryData[]): Promise<{ added: number; skipped: number }>
  /** Which of these parties are already in the address book (by dedupe key). */
  knownKeys(kind: AddressKind, keys: string[]): Promise<Set<string>>
  defaultSender(): Promise<AddressEntry | null>
  list(filter: AddressFilter): Promise<{ items: AddressEntry[] }>
  count(filter: AddressFilterQuery): Promise<{ total: number; totalExact: boolean }>
  size(): Promise<number>
}

/** The columns an entry is found by (both engines); the entry itself is kept whole as JSON. */
/** Phone numbers are searched by their digits: "91234567" finds "+47 912 34 567". */
const phoneDigits = (p: string | undefined): string | null => (p ? p.replace(/\D/g, '') || null : null)

export const addressColumns = (e: AddressEntryData) => ({
  kind: e.kind,
  dedupeKey: dedupeKey(e.party),
  name: e.party.name,
  postalCode: e.party.postalCode,
  city: e.party.city,
  phone: phoneDigits(e.party.contact.phoneNumber),
  email: e.party.contact.email ?? null,
  contactName: e.party.contact.name ?? null,
  isDefault: e.kind === 'sender' && e.isDefault ? 1 : 0,
  entry: JSON.stringify(e)
})

export const duplicateEntry = (name: string): AppError => AppError.field('party.name', `${name} is already in the address book (same name, address and postal code).`)
export const missingEntry = (): AppError => AppError.field('id', 'This address-book entry no longer exists.')

/** A search of digits with spaces ("912 34") is a phone number: search its digits. */
export const addressQuery = (query: string): string => (/^[+\d\s]+$/.test(query) && /\s/.test(query.trim()) ? query.replace(/\D/g, '') : query)

