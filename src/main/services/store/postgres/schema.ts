import type { ColumnType, Generated } from 'kysely'
import type { Mode } from '@shared/domain/mode'
import type { ShipmentStatus } from '@shared/domain/booking'
import type { BatchRunState } from '@shared/domain/batches'
import type { AddressKind } from '@shared/domain/address-book'
import type { TrackingColumns } from '../tracking'
import type { PickupColumns } from '../pickups'
import type { ShipmentColumns } from '../shipments'

/** The shared (team) database's tables as Kysely sees them: column names as in SQLite, plus `desk`. */
export interface SharedSchema {
  shipments: ShipmentsTable
  shipment_search: ShipmentSearchTable
  /** Every request id a shipment ever used (its attempts); unique across the history. */
  shipment_requests: { client_request_id: string; shipment_id: string; created_at: string }
  bring_pacing: { api_user: string; next_at: ColumnType<Date, Date | string, Date | string> }
  batches: BatchesTable
  batch_rows: BatchRowsTable
  import_mappings: { header_key: string; mapping_json: ColumnType<unknown, string, string>; updated_at: string }
  address_book: AddressBookTable
  pickups: PickupsTable
  pickup_shipments: { pickup_id: string; shipment_id: string }
  warehouse_messages: WarehouseMessagesTable
  warehouse_rejected: { seq: Generated<string>; id: string; desk: string; received_at: string; reason: string; content_type: string; raw: string }
  warehouse_inventory: { article: string; gtin: string | null; description: string | null; quantity: number; updated_at: string }
  warehouse_adjustments: { id: Generated<string>; article: string; delta: number; reason: string | null; at: string; message_id: string }
  tracking: TrackingTable
  /** Per group (mode, month booked, service, customer number, country, postal area): the running totals its shipments add. */
  delivery_record: { mode: string; month: string; product_id: string; customer_number: string; country: string; area: string; counts_json: ColumnType<unknown, string, string> }
}

/** The shared tracking table: the engines' tracking columns, plus who holds the shipment's check and until when. */
export interface TrackingTable extends Omit<TrackingColumns, 'failures'> {
  id: Generated<string>
  /** The desk that last asked Bring (or enrolled it). */
  desk: string
  failures: Generated<number>
  packages_json: ColumnType<unknown, string | undefined, string>
  eta: string | null
  pickup_json: NullableJson
  lease_desk: string | null
  lease_until: ColumnType<Date | null, Date | string | null, Date | string | null>
  /** The shipment's created_at (the list's order), set by a trigger on insert (0014). */
  shipment_created_at: Generated<string | null>
  /** Its delivery record entry (group, facts, price), once it has events (0015). */
  record_json: ColumnType<unknown, string | null | undefined, string | null>
}

export interface WarehouseMessagesTable {
  seq: Generated<string>
  id: string
  desk: string
  received_at: string
  request_id: string
  instance_id: string | null
  body_hash: string
  content_type: string
  kind: 'order' | 'inventory' | 'adjustment' | 'unrecognised'
  order_number: string | null
  status: string | null
  customer: string | null
  articles: string | null
  tracking: string | null
  message_json: Json
  raw: string
  search_text: Generated<string>
  search_grams: Generated<string[]>
}

export interface PickupsTable extends PickupColumns {
  seq: Generated<string>
  client_request_id: string
  desk: string
  details_json: Json
  request_json: Json
  error_json: NullableJson
}

type Json = ColumnType<unknown, string, string>
type NullableJson = ColumnType<unknown, string | null, string | null>

export interface BatchesTable {
  seq: Generated<string>
  id: string
  desk: string
  created_at: string
  updated_at: string
  name: string
  mode: Mode
  run_state: BatchRunState
  defaults_json: Json
  labels_pdf: string | null
  result_csv: string | null
  /** Why the batch stopped by itself (Bring unreachable, the shared database lost), for the window to say. */
  stop_reason_json: ColumnType<unknown, string | null | undefined, string | null>
}

export interface BatchRowsTable {
  id: string
  batch_id: string
  row_no: number
  client_request_id: string
  /** The shipment this row became (set when its first request is saved); its state is the row's. */
  shipment_id: Generated<string | null>
  desk: string
  values_json: Json
  problems_json: NullableJson
  /** The values the clerk confirmed as right although unusual. */
  confirmed_json: ColumnType<unknown, string | null | undefined, string | null>
  /** Why the row is held: 0 not, 1 only to check an unusual value, 2 a problem to fix (kept with the problems). */
  held: Generated<number>
  updated_at: string
  /** The desk booking this row now, until claim_until (server time); renewed while it works. */
  claimed_by: string | null
  claim_until: ColumnType<Date | null, never, Date | null>
}

export interface AddressBookTable {
  seq: Generated<string>
  id: string
  desk: string
  created_at: string
  updated_at: string
  kind: AddressKind
  dedupe_key: string
  name: string
  postal_code: string
  city: string
  phone: string | null
  email: string | null
  contact_name: string | null
  is_default: boolean
  entry_json: Json
  search_text: Generated<string>
  search_grams: Generated<string[]>
}

export interface ShipmentsTable extends ShipmentColumns {
  /** Insertion order: newest first is `ORDER BY seq DESC`, like rowid on SQLite. */
  seq: Generated<string>
  /** Which desk booked it (Settings → Shared database → desk name). */
  desk: string
  form_json: ColumnType<unknown, string, string>
  request_json: ColumnType<unknown, string, string>
  /** Without the label links: their access tokens are only in label_links_sealed. */
  confirmation_json: ColumnType<unknown, string | null, string | null>
  error_json: ColumnType<unknown, string | null, string | null>
  /** The label links, sealed with a key only desks signed in as the same Bring user can derive. */
  label_links_sealed: ColumnType<string | null, string | null | undefined, string | null>
}

/** What is searched and filtered, one narrow row per shipment (kept by a trigger on shipments). */
export interface ShipmentSearchTable {
  seq: string
  id: string
  created_at: string
  mode: Mode
  status: ShipmentStatus
  search_text: string
  /** Every distinct 1–2 character piece (short searches). */
  search_grams: Generated<string[]>
  /** 6-digit windows of every run of 6+ digits (long-number searches). */
  search_digits: Generated<string[]>
}
