import type { AddressBookRepo } from './sqlite/address-book-repo'
import { promised, type Promised } from './sqlite/promised'
import type { StoreEngine } from './shipments'

/** Recipients and sender profiles behind one async interface: the desk's SQLite file or the team's PostgreSQL. */
export interface AddressBookStore extends Promised<AddressBookRepo> {
  readonly engine: StoreEngine
}

export const sqliteAddressBookStore = (repo: AddressBookRepo): AddressBookStore => ({ ...promised(repo), engine: 'sqlite' })
