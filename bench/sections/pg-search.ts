// History search on the shared PostgreSQL store (team mode) at 1,000,000 shipments over three years
// (137 ten-day periods): a page of 100 newest first through the app's store, and the capped count. The server is a throwaway cluster of
// the system's PostgreSQL (test/helpers/postgres-server.ts; fsync off, which reads do not notice),
// or FRAKTDESK_BENCH_PG_URL. Also the table's size per shipment, for the README's sizing note.
import pg from 'pg'
import { sql } from 'kysely'
import { openSharedDatabase } from '../../src/main/services/store/postgres/database'
import { pgShipmentsStore } from '../../src/main/services/store/postgres/shipments-store'
import { createDatabase, findPostgresBin, startPostgres } from '../../test/helpers/postgres-server'
import { searchQueries } from './search'
import { searchable } from '../../src/main/services/store/postgres/search'
import { nextDay } from '../../src/main/services/store/shipments'
import { printTable, quick, ms, stats } from '../lib'

export interface PgSearchResult {
  shipments: number
  query: string
  filter: string
  appP50: number
  appP95: number
  countP50: number
  total: string
  /** The app's page is the one a plain scan of every row (strpos, newest first) gives. */
  samePage: boolean
}

/** The page by brute force: every row checked, sorted by time (slow, run once per case). */
async function scannedPage(db: Parameters<typeof pgShipmentsStore>[0], query: string, f: { status?: string; mode?: string; from?: string; to?: string; offset?: number }): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM shipment_search WHERE strpos(search_text, ${searchable(query)}) > 0
      AND (${f.status ?? null}::text IS NULL OR status = ${f.status ?? null}) AND (${f.mode ?? null}::text IS NULL OR mode = ${f.mode ?? null})
      AND (${f.from ?? null}::text IS NULL OR created_at >= ${f.from ?? null}) AND (${f.to ? nextDay(f.to) : null}::text IS NULL OR created_at < ${f.to ? nextDay(f.to) : null})
    ORDER BY created_at DESC, seq DESC LIMIT 100 OFFSET ${f.offset ?? 0}`.execute(db)
  return rows.map((r) => r.id)
}

const time = async (f: () => Promise<unknown>): Promise<number> => {
  const started = performance.now()
  await f()
  return performance.now() - started
}

/**
 * The SQLite bench's synthetic history (names, cities, numbers, JSON of a real booking's size), written
 * by the server itself, spread over three years (a shipment every 95 s) as a busy desk's history is.
 */
async function seed(url: string, n: number): Promise<void> {
  const shared = await openSharedDatabase({ url, tls: { enabled: false } })
  // Bulk load: no notifications, no per-row search-table upkeep, indexes built once at the end.
  const { rows } = await sql<{ indexdef: string; indexname: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('shipments', 'shipment_search', 'tracking') AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE '%UNIQUE%'`.execute(shared.db)
  await sql`ALTER TABLE shipments DISABLE TRIGGER USER`.execute(shared.db)
  await sql`ALTER TABLE tracking DISABLE TRIGGER USER`.execute(shared.db)
  for (const r of rows) await sql.raw(`DROP INDEX ${r.indexname}`).execute(shared.db)
  const started = performance.now()
  const step = 100_000
  for (let from = 0; from < n; from += step) {
    const to = Math.min(n, from + step) - 1
    await sql`
      INSERT INTO shipments (id, client_request_id, desk, created_at, updated_at, mode, status, customer_number, product_id,
        recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers, form_json, request_json)
      SELECT 'id-' || i, 'req-' || i, 'Desk ' || (i % 3 + 1), ts, ts,
        CASE WHEN i % 3 = 0 THEN 'sandbox' ELSE 'test' END, CASE WHEN i % 50 = 0 THEN 'outcome_unknown' ELSE 'booked' END, '5', '5800',
        name, postal, city, 'ORDER-' || (100000 + i), cn, '3' || cn || '1', form, jsonb_build_array(form, form)
      FROM (
        SELECT i, to_char((timestamp '2024-01-01' + i * interval '95 seconds'), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts,
          (ARRAY['Kari','Ola','Ingrid','Lars','Sofie','Jonas','Emma','Henrik','Nora','Magnus','Sara','Anders'])[i % 12 + 1] || ' ' ||
          (ARRAY['Nordmann','Hansen','Johansen','Olsen','Larsen','Andersen','Pedersen','Nilsen','Kristiansen','Berg','Haugen','Mottaker'])[(i * 7) % 12 + 1] || ' ' || i AS name,
          (ARRAY['0150','5003','7010','4006','9008','3015'])[i % 6 + 1] AS postal,
          (ARRAY['OSLO','BERGEN','TRONDHEIM','STAVANGER','TROMSØ','DRAMMEN'])[i % 6 + 1] AS city,
          '70438101' || lpad(i::text, 9, '0') AS cn,
          jsonb_build_object('clientRequestId', 'req-' || i, 'customerNumber', '5', 'productId', '5800',
            'sender', jsonb_build_object('name', 'Nordisk Te AS', 'addressLine', 'Testsvingen 12', 'postalCode', '0150', 'city', 'OSLO', 'countryCode', 'NO'),
            'recipient', jsonb_build_object('name', 'Kunde ' || i, 'addressLine', 'Bryggen 1', 'addressLine2', 'Port 3', 'countryCode', 'NO', 'reference', 'ORDER-' || (100000 + i)),
            'packages', jsonb_build_array(jsonb_build_object('weightInKg', 2.5, 'lengthInCm', 40, 'widthInCm', 30, 'heightInCm', 20, 'goodsDescription', 'Tea and cups, fragile')),
            'shippingDate', '2026-03-01', 'shippingTime', '14:00', 'notes', repeat('Leave at the door if nobody answers. Ring twice. ', 4)) AS form
        FROM generate_series(${from}::int, ${to}::int) AS i
      ) rows`.execute(shared.db)
    process.stdout.write(`\r  seeding PostgreSQL with ${n.toLocaleString('en')} shipments: ${(to + 1).toLocaleString('en')}`)
  }
  process.stdout.write(' — search table')
  await sql`
    INSERT INTO shipment_search (seq, id, created_at, mode, status, search_text)
    SELECT seq, id, created_at, mode, status, fraktdesk_search_text(recipient_name, recipient_postal_code, recipient_city, reference, consignment_number, package_numbers) FROM shipments`.execute(shared.db)
  // Sandbox shipments are tracked, with the SQLite bench's mix of states (for "Needs attention").
  process.stdout.write(' — tracking')
  await sql`
    INSERT INTO tracking (shipment_id, desk, consignment_number, mode, booked_at, state, state_since, next_due)
    SELECT id, desk, consignment_number, mode, created_at,
      CASE seq % 40 WHEN 0 THEN 'deviation' WHEN 1 THEN 'attempted_delivery' WHEN 2 THEN 'ready_for_pickup' WHEN 3 THEN 'in_transit' ELSE 'delivered' END,
      created_at, CASE WHEN seq % 40 < 4 THEN created_at END
    FROM shipments WHERE mode = 'sandbox' AND consignment_number IS NOT NULL`.execute(shared.db)
  process.stdout.write(' — building indexes')
  for (const r of rows) await sql.raw(r.indexdef).execute(shared.db)
  await sql`ALTER TABLE shipments ENABLE TRIGGER USER`.execute(shared.db)
  await sql`ALTER TABLE tracking ENABLE TRIGGER USER`.execute(shared.db)
  await sql`VACUUM ANALYZE shipments`.execute(shared.db)
  await sql`VACUUM ANALYZE shipment_search`.execute(shared.db)
  await sql`VACUUM ANALYZE tracking`.execute(shared.db)
  await shared.close()
  console.log(` — ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

async function alreadySeeded(url: string, n: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM shipments')
    return Number(rows[0].n) === n
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export async function benchPgSearch(): Promise<{ results: PgSearchResult[]; bytesPerShipment: number; server: string } | { skipped: string }> {
  if (!process.env.FRAKTDESK_BENCH_PG_URL && !findPostgresBin()) {
    console.log('\nPostgreSQL search: skipped — PostgreSQL is not installed here (apt-get install postgresql)')
    return { skipped: 'PostgreSQL not installed' }
  }
  const n = quick ? 10_000 : 1_000_000
  const runs = quick ? 20 : 100
  const server = process.env.FRAKTDESK_BENCH_PG_URL ? null : await startPostgres()
  const adminUrl = process.env.FRAKTDESK_BENCH_PG_URL ?? server!.adminUrl
  try {
    const url = new URL(adminUrl)
    // One database per size: a quick run must not replace the seeded million.
    const name = `fraktdesk_bench_${n}_3y`
    url.pathname = `/${name}`
    // A server of your own (FRAKTDESK_BENCH_PG_URL) keeps the seeded database between runs.
    if (!(await alreadySeeded(url.toString(), n))) await seed(await createDatabase(adminUrl, name), n)
    const shared = await openSharedDatabase({ url: url.toString(), tls: { enabled: false } })
    const store = pgShipmentsStore(shared.db, 'Bench desk')
    const cases: { query: string; filter: string; f: Record<string, string | number | boolean> }[] = [
      ...searchQueries.map((query) => ({ query, filter: '', f: {} })),
      { query: '', filter: 'status=outcome_unknown', f: { status: 'outcome_unknown' } },
      { query: 'Olsen', filter: 'mode=sandbox', f: { mode: 'sandbox' } },
      { query: '', filter: 'from 2024-01-02 to 2024-01-03', f: { from: '2024-01-02', to: '2024-01-03' } },
      // Three characters whose matches the newest 2,000 rows do not hold (names with an id from 4…): pages 1, 2 and 20.
      { query: 'n 4', filter: 'page 1', f: {} },
      { query: 'n 4', filter: 'page 2', f: { offset: 100 } },
      { query: 'n 4', filter: 'page 20', f: { offset: 1900 } },
      // Two words: a common pair far down its pages, and a rarer one (Berg with an id from 12…).
      { query: 'Sara Haugen', filter: 'page 20', f: { offset: 1900 } },
      { query: 'Berg 12', filter: '', f: {} },
      { query: 'ø s', filter: '(no match)', f: {} },
      { query: 'Olsen', filter: 'status=outcome_unknown mode=sandbox', f: { status: 'outcome_unknown', mode: 'sandbox' } },
      { query: 'zzzz-no-match', filter: 'status=outcome_unknown', f: { status: 'outcome_unknown' } },
      // Needs attention (a third of the history tracked, 1 in 20 of those deviated or attempted).
      { query: '', filter: 'needs attention', f: { attention: true } },
      { query: '', filter: 'needs attention, page 20', f: { attention: true, offset: 1900 } },
      { query: 'Kari', filter: 'needs attention', f: { attention: true } }
    ]
    const results: PgSearchResult[] = []
    for (const c of cases) {
      const list = () => store.list({ query: c.query, limit: 100, offset: 0, ...c.f })
      const { offset: _page, ...countFilter } = c.f as { offset?: number }
      const count = () => store.count({ query: c.query, ...countFilter })
      const total = await count()
      const samePage = c.query === '' || 'attention' in c.f || JSON.stringify((await list()).items.map((s) => s.id)) === JSON.stringify(await scannedPage(shared.db, c.query, c.f))
      const app: number[] = []
      const counts: number[] = []
      for (let i = 0; i < runs; i++) {
        app.push(await time(list))
        counts.push(await time(count))
      }
      const a = stats(app)
      results.push({ shipments: n, query: c.query, filter: c.filter, appP50: a.p50, appP95: a.p95, countP50: stats(counts).p50, total: `${total.total}${total.totalExact ? '' : '+'}`, samePage })
    }
    const size = await sql<{ bytes: string }>`SELECT pg_total_relation_size('shipments') + pg_total_relation_size('shipment_search') AS bytes`.execute(shared.db)
    const bytesPerShipment = Number(size.rows[0].bytes) / n
    await shared.close()
    printTable(
      `History search on PostgreSQL (team mode): a page of 100 newest first through the app's store (${runs} runs each, ms; count = the separate capped count)`,
      ['shipments', 'query', 'filter', 'app p50', 'app p95', 'count p50', 'matches', 'page = full scan'],
      results.map((r) => [r.shipments.toLocaleString('en'), r.query === '' ? '(none)' : r.query, r.filter || '—', ms(r.appP50), ms(r.appP95), ms(r.countP50), r.total, r.query === '' || r.filter.includes('attention') ? '—' : r.samePage ? 'yes' : 'NO'])
    )
    console.log(`table + indexes: ${(bytesPerShipment / 1024).toFixed(2)} kB per shipment (${((bytesPerShipment * n) / 2 ** 30).toFixed(2)} GB at ${n.toLocaleString('en')})`)
    return { results, bytesPerShipment, server: adminUrl.replace(/\/\/[^@]*@/, '//') }
  } finally {
    await server?.stop()
  }
}
