import type { Kysely } from 'kysely'
import type { Stores } from '../stores'
import type { SharedSchema } from './schema'
import { lazyPgAddressBookStore } from './address-book-store'
import { lazyPgBatchesStore } from './batches-store'
import { lazyPgPickupsStore } from './pickups-store'
import { lazyPgShipmentsStore, type LabelLinksSeal } from './shipments-store'
import { lazyPgWarehouseStore } from './warehouse-store'
import { lazyPgTrackingStore } from './tracking-store'

export interface PostgresStoresOptions {
  /** This desk's name: every row it writes says so, and its interrupted requests are its own to recover. */
  desk: string
  /** Label links are kept sealed in the shared database (see team/label-links-seal). */
  seal?: LabelLinksSeal
  /** How long a desk's claim on a batch row lasts unrenewed (tests shorten it). */
  batchRowLeaseMs?: number
  /** How long a desk's claim on a shipment's tracking check lasts (tests shorten it). */
  trackingLeaseMs?: number
}

/**
 * Every shared store on the team's PostgreSQL database, each opening its connection on first use.
 * Tracking is shared (one desk asks Bring per shipment and round, every desk sees it); postal code
 * lookups and label prints stay per desk.
 */
export function createPostgresStores(open: () => Promise<{ db: Kysely<SharedSchema> }>, opts: PostgresStoresOptions): Omit<Stores, 'postalCodes' | 'labelPrints'> {
  return {
    shipments: lazyPgShipmentsStore(open, opts.desk, opts.seal),
    pickups: lazyPgPickupsStore(open, opts.desk),
    batches: lazyPgBatchesStore(open, opts.desk, { leaseMs: opts.batchRowLeaseMs }),
    addressBook: lazyPgAddressBookStore(open, opts.desk),
    warehouse: lazyPgWarehouseStore(open, opts.desk),
    tracking: lazyPgTrackingStore(open, opts.desk, { leaseMs: opts.trackingLeaseMs })
  }
}
