import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely'
import { confirmationSchema, storedBookingFormSchema, withoutLabelLinks, type ShipmentFilterQuery, type ShipmentRecord } from '@shared/domain/booking'
import { AppError } from '@shared/ipc/app-error'
import { TOTAL_CAP } from '../engine'
import { DuplicateRequestError, nextDay, shipmentReference, summary, summaryFields, type AttentionDays, type ShipmentsStore, type SummaryRow } from '../shipments'
import type { SharedSchema, ShipmentsTable } from './schema'
import { lazyStore } from './lazy-store'
import { recoverDeskRows } from './interrupted'
import { isLongNumber, literalCondition, searchCondition, searchable } from './search'
import { periodSearch } from './period-search'
import { pgNeedingAttention } from './tracking-store'
import { attentionCutoffs } from '../tracking'
import { defaultSettings } from '@shared/domain/settings'

const summaryColumns = [...summaryFields, 'desk'] as const

type Row = Selectable<ShipmentsTable>

/** How many of the newest rows a search looks through before it asks the search index. */
const RECENT_ROWS = 2000

export interface LabelLinks {
  labelUrl?: string
  waybillUrl?: string
}

/**
 * Team mode: label links carry Bring's access tokens, so the shared database holds them only sealed
 * (AES-256-GCM) with a key derived from the desk's Bring API user and key. Every desk signed in as
 * the same Bring user can open them and download the label through its own connection; the
 * database alone, or a desk signed in as another Bring user, cannot. Bound to the shipment's id,
 * so a sealed value copied to another row does not open.
 */
export interface LabelLinksSeal {
  /** Seals only the link fields of what it is given (a whole confirmation may be passed). */
  seal(shipmentId: string, links: LabelLinks): Promise<string | null>
  /** null when there is nothing to open, or it was sealed with other credentials (or tampered with). */
  open(shipmentId: string, sealed: string): Promise<LabelLinks | null>
}

/**
 * The shipment history in a shared PostgreSQL database. Same behaviour as the SQLite repository
 * (the contract tests run both); search is a pg_trgm GIN index over the same columns, newest first
 * by booking time, then insertion order (seq).
 */
export function pgShipmentsStore(db: Kysely<SharedSchema>, desk: string, opts: { seal?: LabelLinksSeal; now?: () => Date } = {}): ShipmentsStore {
  const now = opts.now ?? (() => new Date())
  const detail = async (r: Row): Promise<ShipmentRecord> => {
    const confirmation = r.confirmation_json ? confirmationSchema.parse(r.confirmation_json) : null
    const tracking = (await db.selectFrom('tracking').select('state').where('shipment_id', '=', r.id).executeTakeFirst())?.state ?? null
    // The label links come back only to a desk signed in as the Bring user that sealed them.
    const links = confirmation && r.label_links_sealed && opts.seal ? await opts.seal.open(r.id, r.label_links_sealed) : null
    return {
      ...summary({ ...r, tracking_state: tracking } as SummaryRow),
      updatedAt: r.updated_at,
      form: storedBookingFormSchema.parse(r.form_json),
      request: r.request_json,
      confirmation: confirmation && links ? confirmationSchema.parse({ ...confirmation, ...links }) : confirmation,
      error: (r.error_json as ShipmentRecord['error']) ?? null
    }
  }
  const byId = async (id: string): Promise<Row | undefined> => (await db.selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined
  const touch = () => now().toISOString()

  /** The tracking state of each shipment on a page (one lookup for the page). */
  const trackingStates = async (ids: string[]): Promise<Map<string, string>> =>
    ids.length === 0 ? new Map() : new Map((await db.selectFrom('tracking').select(['shipment_id', 'state']).where('shipment_id', 'in', ids).execute()).map((r) => [r.shipment_id, r.state]))
  const page = async (rows: Pick<Row, (typeof summaryColumns)[number]>[]) => {
    const states = await trackingStates(rows.map((r) => r.id))
    return { items: rows.map((r) => summary({ ...r, tracking_state: states.get(r.id) ?? null })) }
  }
  /**
   * "Needs attention" (a short list): the tracking rows that need it, newest first through their own
   * index, joined to their shipments (and, for a search, the literal check on the search table).
   */
  const needingAttention = (filter: ShipmentFilterQuery & { attentionDays?: AttentionDays }) => {
    const cutoffs = attentionCutoffs(now(), filter.attentionDays ?? { pickupDays: defaultSettings.attentionPickupDays, silentDays: defaultSettings.attentionSilentDays })
    const tracked = pgNeedingAttention(db, cutoffs)
    const query = filter.query.trim()
    const joined = narrowed(tracked.innerJoin('shipments', 'shipments.id', 't.shipment_id'), filter, 'shipments.')
    return query ? joined.innerJoin('shipment_search', 'shipment_search.seq', 'shipments.seq').where(sql<boolean>`strpos(shipment_search.search_text, ${searchable(query)}) > 0`) : joined
  }
  /** Whether the attention count needs the shipments at all (a filter on them), or only the tracking index. */
  const onShipments = (filter: ShipmentFilterQuery) => Boolean(filter.query.trim() || filter.status || filter.mode || filter.from || filter.to)
  // Status and mode, and the dates, on either table (both have these columns) or a subquery of it.
  // `table` names whose columns they are where a join has the same names (tracking has a mode too).
  const kindOf = <Q extends AnySelect>(q: Q, filter: ShipmentFilterQuery, table = ''): Q => {
    let out = q as SelectQueryBuilder<SharedSchema, 'shipments', unknown>
    if (filter.status) out = out.where(`${table}status` as 'status', '=', filter.status)
    if (filter.mode) out = out.where(`${table}mode` as 'mode', '=', filter.mode)
    return out as unknown as Q
  }
  const dated = <Q extends AnySelect>(q: Q, filter: ShipmentFilterQuery, table = ''): Q => {
    let out = q as SelectQueryBuilder<SharedSchema, 'shipments', unknown>
    if (filter.from) out = out.where(`${table}created_at` as 'created_at', '>=', filter.from)
    if (filter.to) out = out.where(`${table}created_at` as 'created_at', '<', nextDay(filter.to))
    return out as unknown as Q
  }
  const narrowed = <Q extends AnySelect>(q: Q, filter: ShipmentFilterQuery, table = ''): Q => dated(kindOf(q, filter, table), filter, table)
  const matching = (query: string) => searchCondition(query, { digitWindows: true })
  /** The search table's rows that match, with the filters. */
  const searched = (filter: ShipmentFilterQuery) => narrowed(db.selectFrom('shipment_search'), filter).where(matching(filter.query.trim()))
  const byPeriods = (filter: ShipmentFilterQuery) => periodSearch(db, { query: filter.query, status: filter.status, mode: filter.mode, from: filter.from, before: filter.to && nextDay(filter.to) })

  return {
    engine: 'postgres',
    async insertPending(form, request, mode, batchId) {
      const id = randomUUID()
      const at = touch()
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('shipments')
            .values({
              id,
              client_request_id: form.clientRequestId,
              desk,
              created_at: at,
              updated_at: at,
              mode,
              status: 'pending',
              customer_number: form.customerNumber,
              product_id: form.productId,
              recipient_name: form.recipient.name,
              recipient_postal_code: form.recipient.postalCode,
              recipient_city: form.recipient.city,
              reference: shipmentReference(form),
              consignment_number: null,
              package_numbers: null,
              batch_id: batchId ?? null,
              label_file: null,
              form_json: JSON.stringify(form),
              request_json: JSON.stringify(request),
              confirmation_json: null,
              error_json: null
            })
            .execute()
          await trx.insertInto('shipment_requests').values({ client_request_id: form.clientRequestId, shipment_id: id, created_at: at }).execute()
          // The batch row holding this request becomes this shipment's row, by id, for good.
          await trx.updateTable('batch_rows').set({ shipment_id: id }).where('client_request_id', '=', form.clientRequestId).where('shipment_id', 'is', null).execute()
        })
      } catch (err) {
        if (isRequestIdTaken(err)) throw new DuplicateRequestError(form.clientRequestId)
        throw err
      }
      return detail((await byId(id))!)
    },
    async replaceRequest(id, form, request, mode) {
      await db
        .updateTable('shipments')
        .set({
          form_json: JSON.stringify(form),
          request_json: JSON.stringify(request),
          mode,
          status: 'pending',
          error_json: null,
          updated_at: touch(),
          desk,
          customer_number: form.customerNumber,
          product_id: form.productId,
          recipient_name: form.recipient.name,
          recipient_postal_code: form.recipient.postalCode,
          recipient_city: form.recipient.city
        })
        .where('id', '=', id)
        .execute()
    },
    async markSending(id) {
      // Only from "pending": a desk whose batch row was taken over (its lease ran out) must not send it too.
      const r = await db.updateTable('shipments').set({ status: 'sending', updated_at: touch() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
      if (Number(r.numUpdatedRows) === 0) throw new AppError('BRING_NOT_SENT', 'Another desk took this booking over while this desk was held up, so it was not sent from here.')
    },
    async markBooked(id, confirmation) {
      await db
        .updateTable('shipments')
        .set({
          status: 'booked',
          updated_at: touch(),
          consignment_number: confirmation.consignmentNumber,
          package_numbers: confirmation.packageNumbers.join(' ') || null,
          confirmation_json: JSON.stringify(withoutLabelLinks(confirmation)),
          label_links_sealed: opts.seal ? await opts.seal.seal(id, confirmation) : null,
          error_json: null
        })
        .where('id', '=', id)
        .execute()
    },
    async markStatus(id, status, error) {
      await db.updateTable('shipments').set({ status, updated_at: touch(), error_json: error ? JSON.stringify(error) : null }).where('id', '=', id).execute()
    },
    async setLabelFile(id, file) {
      await db.updateTable('shipments').set({ label_file: file, updated_at: touch() }).where('id', '=', id).execute()
    },
    async renewClientRequest(id) {
      const fresh = randomUUID()
      const at = touch()
      await db.transaction().execute(async (trx) => {
        const r = (await trx.selectFrom('shipments').select('form_json').where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as Pick<Row, 'form_json'>
        await trx.insertInto('shipment_requests').values({ client_request_id: fresh, shipment_id: id, created_at: at }).execute()
        await trx
          .updateTable('shipments')
          .set({ client_request_id: fresh, form_json: JSON.stringify({ ...(r.form_json as object), clientRequestId: fresh }), updated_at: at })
          .where('id', '=', id)
          .execute()
      })
      return fresh
    },
    requestIds: async (id) =>
      (await db.selectFrom('shipment_requests').select('client_request_id').where('shipment_id', '=', id).orderBy('created_at').orderBy('client_request_id').execute()).map((r) => r.client_request_id),
    get: async (id) => {
      const r = await byId(id)
      return r ? await detail(r) : null
    },
    findByClientRequest: async (clientRequestId) => {
      // Any request id the shipment ever used finds it: an old attempt's id never becomes a new booking.
      const r = (await db
        .selectFrom('shipments')
        .selectAll()
        .where('id', '=', (eb) => eb.selectFrom('shipment_requests').select('shipment_id').where('client_request_id', '=', clientRequestId))
        .executeTakeFirst()) as Row | undefined
      return r ? await detail(r) : null
    },
    labelFile: async (id) => (await db.selectFrom('shipments').select('label_file').where('id', '=', id).executeTakeFirst())?.label_file ?? null,
    async bookedLabelFiles(since) {
      let q = db.selectFrom('shipments').select(['id', 'label_file']).where('status', '=', 'booked').where('desk', '=', desk)
      if (since) q = q.where('created_at', '>=', since)
      return (await q.execute()).map((r) => ({ id: r.id, labelFile: r.label_file }))
    },
    recoverInterrupted: (messages) => recoverDeskRows(db, 'shipments', desk, messages, touch()),
    openOfThisDesk: async () =>
      (await db.selectFrom('shipments').select(['id', 'status']).where('desk', '=', desk).where('status', 'in', ['pending', 'sending']).execute()) as { id: string; status: 'pending' | 'sending' }[],
    async list(filter) {
      if (filter.attention) {
        const rows = await needingAttention(filter)
          .select(summaryColumns.map((c) => `shipments.${c}` as const))
          // The index's own order (ties within a millisecond by id), so a page stops walking once it has its rows.
          .orderBy('t.shipment_created_at', 'desc')
          .orderBy('t.shipment_id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute()
        return page(rows)
      }
      const query = filter.query.trim()
      if (!query) return page(await narrowed(db.selectFrom('shipments').select(summaryColumns), filter).orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute())
      // A search runs on the narrow search table, then reads the page's shipments. PostgreSQL cannot
      // tell how often a substring occurs, so it may walk the whole table newest first looking for a
      // rare one: first the newest rows (a common search fills its page there), then the period index
      // newest first (3+ characters), else the search indexes' matches sorted by time (1–2 characters:
      // a rare one has few to sort). A long number is specific: straight to its index.
      // The newest rows are the newest of the date range; status and mode are checked on those rows, so a
      // rare status never walks the time index past them.
      const newest = dated(db.selectFrom('shipment_search').select(['seq', 'created_at', 'search_text', 'status', 'mode']), filter).orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(RECENT_ROWS)
      const recent = kindOf(db.selectFrom(newest.as('recent')).select('seq'), filter)
      let seqs = isLongNumber(query) ? [] : (await recent.where(literalCondition(query)).orderBy('created_at', 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute()).map((r) => r.seq)
      if (seqs.length < filter.limit) {
        // Sorting by a collation the time index lacks makes the planner use the search indexes.
        seqs =
          (await byPeriods(filter).newest(filter.offset + filter.limit))?.slice(filter.offset) ??
          (await searched(filter).select('seq').orderBy(sql`created_at COLLATE "C"`, 'desc').orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute()).map((r) => r.seq)
      }
      if (seqs.length === 0) return { items: [] }
      return page(await db.selectFrom('shipments').select(summaryColumns).where('seq', 'in', seqs).orderBy('created_at', 'desc').orderBy('seq', 'desc').execute())
    },
    async count(filter) {
      if (filter.attention) {
        const cutoffs = attentionCutoffs(now(), filter.attentionDays ?? { pickupDays: defaultSettings.attentionPickupDays, silentDays: defaultSettings.attentionSilentDays })
        // Alone, the tracking index counts them all (index only); with a filter on the shipments, up to the cap like any search.
        if (!onShipments(filter)) {
          const { n } = await pgNeedingAttention(db, cutoffs).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
          return { total: Number(n), totalExact: true }
        }
        const capped = needingAttention(filter).select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1)
        const { n } = await db.selectFrom(capped.as('page')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
        return { total: Math.min(Number(n), TOTAL_CAP), totalExact: Number(n) <= TOTAL_CAP }
      }
      const fromPeriods = filter.query.trim() ? await byPeriods(filter).count(TOTAL_CAP + 1) : null
      if (fromPeriods !== null) return { total: Math.min(fromPeriods, TOTAL_CAP), totalExact: fromPeriods <= TOTAL_CAP }
      const rows = filter.query.trim() ? searched(filter).select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1) : narrowed(db.selectFrom('shipments').select(sql<number>`1`.as('one')), filter).limit(TOTAL_CAP + 1)
      const { n } = await db.selectFrom(rows.as('page')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
      const total = Number(n)
      return { total: Math.min(total, TOTAL_CAP), totalExact: total <= TOTAL_CAP }
    }
  }
}

/** Any select of a table or subquery that has status, mode and created_at (Kysely cannot say "has these columns"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect = SelectQueryBuilder<any, any, any>

/** A unique violation on a request id: the shipment's own column, or any attempt ever kept. */
const isRequestIdTaken = (err: unknown): boolean => {
  const e = err as { code?: string; constraint?: string }
  return e.code === '23505' && (e.constraint === 'shipments_client_request_id_key' || e.constraint === 'shipment_requests_pkey')
}

/** The PostgreSQL store behind a connection opened on first use (and retried after a failure). */
export const lazyPgShipmentsStore = (open: () => Promise<{ db: Kysely<SharedSchema> }>, desk: string, seal?: LabelLinksSeal): ShipmentsStore =>
  lazyStore<Omit<ShipmentsStore, 'handOffNow'>>(open, (db) => pgShipmentsStore(db, desk, { seal }))
