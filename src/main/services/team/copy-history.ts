import { sql, type Kysely } from 'kysely'
import { withoutLabelLinks } from '@shared/domain/booking'
import type { Db } from '../store/sqlite/db'
import type { SharedSchema } from '../store/postgres/schema'
import type { ShipmentRow } from '../store/sqlite/shipments-repo'
import type { LabelLinksSeal } from '../store/postgres/shipments-store'
import type { TrackingDbRow } from '../store/sqlite/tracking-repo'

type LocalRow = Omit<ShipmentRow, 'tracking_state'>

const CHUNK = 500

/**
 * Copies this desk's shipments into the shared database, oldest first, in chunks. A shipment that
 * is already there (same id or same client request id) is skipped, so running it twice copies
 * nothing twice.
 */
export async function copyHistoryInto(local: Db, shared: Kysely<SharedSchema>, desk: string, seal?: LabelLinksSeal): Promise<{ copied: number; alreadyThere: number }> {
  const page = local.prepare<[number, number], LocalRow & { rowid: number }>('SELECT rowid, * FROM shipments WHERE rowid > ? ORDER BY rowid LIMIT ?')
  let after = 0
  let copied = 0
  let seen = 0
  for (;;) {
    const rows = page.all(after, CHUNK)
    if (rows.length === 0) break
    after = rows[rows.length - 1].rowid
    seen += rows.length
    // The label links go in only sealed (for desks signed in as the same Bring user).
    const confirmations = rows.map((r) => (r.confirmation_json ? (JSON.parse(r.confirmation_json) as { labelUrl?: string; waybillUrl?: string }) : null))
    const sealed = await Promise.all(rows.map(async (r, i) => (seal && confirmations[i] ? seal.seal(r.id, confirmations[i]) : null)))
    const result = await shared
      .insertInto('shipments')
      .values(
        rows.map((r, i) => ({
          id: r.id,
          client_request_id: r.client_request_id,
          desk,
          created_at: r.created_at,
          updated_at: r.updated_at,
          mode: r.mode,
          status: r.status,
          customer_number: r.customer_number,
          product_id: r.product_id,
          recipient_name: r.recipient_name,
          recipient_postal_code: r.recipient_postal_code,
          recipient_city: r.recipient_city,
          reference: r.reference,
          consignment_number: r.consignment_number,
          package_numbers: r.package_numbers,
          batch_id: r.batch_id,
          label_file: r.label_file,
          form_json: r.form_json,
          request_json: r.request_json,
          confirmation_json: confirmations[i] && JSON.stringify(withoutLabelLinks(confirmations[i])),
          label_links_sealed: sealed[i],
          error_json: r.error_json
        }))
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    copied += Number(result.numInsertedOrUpdatedRows ?? 0)
    // Every request id these shipments ever used goes along (so none can be booked again under it),
    // for the shipments that are there now; an id already taken in the team is left where it is.
    const requests = local
      .prepare<string[], { client_request_id: string; shipment_id: string; created_at: string }>(`SELECT client_request_id, shipment_id, created_at FROM shipment_requests WHERE shipment_id IN (${rows.map(() => '?').join(',')})`)
      .all(...rows.map((r) => r.id))
    if (requests.length > 0) {
      await sql`INSERT INTO shipment_requests (client_request_id, shipment_id, created_at)
        SELECT q.c, q.s, q.t FROM unnest(${requests.map((q) => q.client_request_id)}::text[], ${requests.map((q) => q.shipment_id)}::text[], ${requests.map((q) => q.created_at)}::text[]) AS q(c, s, t)
        WHERE EXISTS (SELECT 1 FROM shipments WHERE id = q.s) ON CONFLICT DO NOTHING`.execute(shared)
    }
    await copyTrackingOf(local, shared, desk, rows.map((r) => r.id))
  }
  return { copied, alreadyThere: seen - copied }
}


/** Tracking is shared in team mode: what this desk followed goes along (a shipment already followed there keeps its state). */
async function copyTrackingOf(local: Db, shared: Kysely<SharedSchema>, desk: string, ids: string[]): Promise<void> {
  const rows = local.prepare<string[], TrackingDbRow>(`SELECT * FROM tracking WHERE shipment_id IN (${ids.map(() => '?').join(',')})`).all(...ids)
  if (rows.length === 0) return
  await shared
    .insertInto('tracking')
    .values(
      rows.map((t) => ({
        shipment_id: t.shipment_id,
        desk,
        consignment_number: t.consignment_number,
        mode: t.mode,
        booked_at: t.booked_at,
        state: t.state,
        state_since: t.state_since,
        checked_at: t.checked_at,
        next_due: t.next_due,
        failures: t.failures,
        last_error: t.last_error,
        error_at: t.error_at,
        gone_at: t.gone_at,
        handled_state: t.handled_state,
        handled_at: t.handled_at,
        handled_note: t.handled_note,
        packages_json: t.packages_json,
        eta: t.eta,
        pickup_json: t.pickup_json,
        price: t.price,
        currency: t.currency,
        lease_desk: null,
        lease_until: null
      }))
    )
    // Only for shipments that are in the shared history now (one another desk already had is skipped too).
    .onConflict((oc) => oc.column('shipment_id').doNothing())
    .execute()
    .catch(async (err: unknown) => {
      // A shipment that was not copied (its request id was already taken in the team) has no row to refer to: copy one by one.
      if ((err as { code?: string }).code !== '23503') throw err
      if (rows.length === 1) return // that one shipment is not in the shared history
      for (const t of rows) await copyTrackingOf(local, shared, desk, [t.shipment_id])
    })
}

interface LocalEntry {
  id: string
  created_at: string
  updated_at: string
  kind: 'recipient' | 'sender'
  dedupe_key: string
  name: string
  postal_code: string
  city: string
  phone: string | null
  email: string | null
  contact_name: string | null
  is_default: number
  entry_json: string
}

/**
 * Copies this desk's address book into the shared one. An entry already there (same id, or the same
 * recipient by its dedupe key) is skipped. This desk's default sender becomes the shared default only
 * if the team has none yet.
 */
export async function copyAddressBookInto(local: Db, shared: Kysely<SharedSchema>, desk: string): Promise<{ copied: number; alreadyThere: number }> {
  const rows = local.prepare<[], LocalEntry>('SELECT id, created_at, updated_at, kind, dedupe_key, name, postal_code, city, phone, email, contact_name, is_default, entry_json FROM address_book ORDER BY rowid').all()
  let copied = 0
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await shared
      .insertInto('address_book')
      .values(
        rows.slice(i, i + CHUNK).map((r) => ({
          id: r.id,
          desk,
          created_at: r.created_at,
          updated_at: r.updated_at,
          kind: r.kind,
          dedupe_key: r.dedupe_key,
          name: r.name,
          postal_code: r.postal_code,
          city: r.city,
          phone: r.phone,
          email: r.email,
          contact_name: r.contact_name,
          is_default: false,
          entry_json: JSON.stringify({ ...(JSON.parse(r.entry_json) as object), isDefault: false })
        }))
      )
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    copied += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  const mine = rows.find((r) => r.is_default === 1)
  if (mine) {
    await shared
      .updateTable('address_book')
      .set({ is_default: true, entry_json: sql`jsonb_set(entry_json, '{isDefault}', 'true')` })
      .where('id', '=', mine.id)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('address_book as other').select('other.id').where('other.kind', '=', 'sender').where('other.is_default', '=', true))))
      .execute()
  }
  return { copied, alreadyThere: rows.length - copied }
}
