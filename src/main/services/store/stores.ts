import type { AddressBookStore } from './address-book'
import type { BatchesStore } from './batches'
import type { PickupsStore } from './pickups'
import type { ShipmentsStore } from './shipments'
import type { TrackingStore } from './tracking'
import type { WarehouseStore } from './warehouse'
import type { PostalCodeCache } from './postal-codes'
import type { LabelPrintStore } from './label-prints'

/** Every store the app keeps, each behind its interface: what an engine's factory makes. */
export interface Stores {
  shipments: ShipmentsStore
  pickups: PickupsStore
  batches: BatchesStore
  addressBook: AddressBookStore
  warehouse: WarehouseStore
  tracking: TrackingStore
  /** Always the desk's own file: lookups are per desk. */
  postalCodes: PostalCodeCache
  /** Always the desk's own file: printers are a desk's. */
  labelPrints: LabelPrintStore
}
