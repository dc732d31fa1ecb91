import type { ColumnType, Generated } from 'kysely'
import type { Mode } from '../../../../shared/domain/mode'
import type { ShipmentStatus } from '../../../../shared/domain/booking'

/** The shared (team) database's tables as Kysely sees them: column names as in SQLite, plus `desk`. */
export interface SharedSchema {
  shipments: ShipmentsTable
  bring_pacing: { api_user: string; next_at: ColumnType<Date, Date | string, Date | string> }
}

export interface ShipmentsTable {
  /** Insertion order: newest first is `ORDER BY seq DESC`, like rowid on SQLite. */
  seq: Generated<string>
  id: string
  client_request_id: string
  /** Which desk booked it (Settings → Shared database → desk name). */
  desk: string
  created_at: string
  updated_at: string
  mode: Mode
  status: ShipmentStatus
  customer_number: string
  product_id: string
  recipient_name: string
  recipient_postal_code: string
  recipient_city: string
  reference: string | null
  consignment_number: string | null
  package_numbers: string | null
  batch_id: string | null
  label_file: string | null
  form_json: ColumnType<unknown, string, string>
  request_json: ColumnType<unknown, string, string>
  /** Without the label links: their access tokens stay on the desk that booked. */
  confirmation_json: ColumnType<unknown, string | null, string | null>
  error_json: ColumnType<unknown, string | null, string | null>
  search_text: Generated<string>
  search_grams: Generated<string[]>
}
