import type { WarehouseRepo } from './sqlite/warehouse-repo'
import { promised, type Promised } from './sqlite/promised'
import type { StoreEngine } from './shipments'

/** Warehouse messages, rejected bodies and the inventory behind one async interface (SQLite or the team's PostgreSQL). */
export interface WarehouseStore extends Promised<WarehouseRepo> {
  readonly engine: StoreEngine
}

export const sqliteWarehouseStore = (repo: WarehouseRepo): WarehouseStore => ({ ...promised(repo), engine: 'sqlite' })
