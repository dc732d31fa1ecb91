import type { Stores } from '../stores'
import type { Db } from './db'
import { createAddressBookRepo, sqliteAddressBookStore } from './address-book-repo'
import { createBatchesRepo, sqliteBatchesStore } from './batches-repo'
import { createPickupsRepo, sqlitePickupsStore } from './pickups-repo'
import { createShipmentsRepo, sqliteShipmentsStore, type ShipmentsRepo } from './shipments-repo'
import { createTrackingRepo, sqliteTrackingStore } from './tracking-repo'
import { createWarehouseRepo, sqliteWarehouseStore } from './warehouse-repo'
import { sqlitePostalCodeCache } from './postal-codes-repo'
import { sqliteLabelPrintStore } from './label-prints-repo'

/**
 * Every store on the desk's own SQLite file, and the shipments repository itself: in team mode it is
 * the desk's local copy of the history (outcomes first, reconciled later; tracking beside it).
 */
export function createSqliteStores(db: Db): Stores & { shipmentsRepo: ShipmentsRepo } {
  const shipmentsRepo = createShipmentsRepo(db)
  return {
    shipmentsRepo,
    shipments: sqliteShipmentsStore(shipmentsRepo),
    pickups: sqlitePickupsStore(createPickupsRepo(db)),
    batches: sqliteBatchesStore(createBatchesRepo(db)),
    addressBook: sqliteAddressBookStore(createAddressBookRepo(db)),
    warehouse: sqliteWarehouseStore(createWarehouseRepo(db)),
    tracking: sqliteTrackingStore(createTrackingRepo(db)),
    postalCodes: sqlitePostalCodeCache(db),
    labelPrints: sqliteLabelPrintStore(db)
  }
}
