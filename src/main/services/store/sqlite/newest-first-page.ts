import { TOTAL_CAP } from '../engine'
import type { Statement } from 'better-sqlite3'
import type { Db } from './db'
import { tokenQuery } from './search-tokens'

export interface SearchIndexes {
  table: string
  /** External-content FTS5 trigram index over the searchable columns. */
  trigram: string
  /** Contentless FTS5 index of search-tokens.ts (1–2 character grams, digit windows). */
  tokens: string
  /** The searchable columns, for checking a digit-window candidate really holds the number. */
  columns: string[]
  /** Where a long number usually is (consignment, package numbers): checked first, so a hit stops there. */
  numberColumns?: string[]
}

export interface ListRequest {
  query: string
  /** Extra conditions on the table (alias `s`); `{rowid}` stands for the rowid that drives the scan. */
  where: string[]
  params: Record<string, unknown>
}

/** A handful of query shapes per list, each prepared once per connection: typing costs no re-parsing. */
const statements = new WeakMap<Db, Map<string, Statement>>()
function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let stmt = cache.get(sql)
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)))
  return stmt
}

interface Plan {
  from: string
  /** The same, without the table, when nothing but the index is needed (counting). */
  indexOnly?: string
  rowid: string
  clause: string
  params: Record<string, unknown>
}

function plan(ix: SearchIndexes, req: ListRequest): Plan {
  const q = req.query.trim()
  const params: Record<string, unknown> = { ...req.params }
  const where = [...req.where]
  if (q === '') return { from: `${ix.table} s`, rowid: 's.rowid', clause: whereClause(where, 's.rowid'), params }
  const t = tokenQuery(q)
  const index = t.kind === 'trigram' ? ix.trigram : ix.tokens
  params.match = t.match
  where.unshift(`${index} MATCH @match`)
  if (t.kind === 'digits') {
    // Holding every 6-digit window is necessary, not sufficient: check the number itself.
    params.digits = t.digits
    const likeliestFirst = [...new Set([...(ix.numberColumns ?? []), ...ix.columns])]
    where.push(`(${likeliestFirst.map((c) => `instr(s.${c}, @digits) > 0`).join(' OR ')})`)
  }
  // CROSS JOIN keeps the index as the outer loop, so ORDER BY rowid needs no sort.
  const needsRow = where.length > 1
  return {
    from: `${index} f CROSS JOIN ${ix.table} s ON s.rowid = f.rowid`,
    indexOnly: needsRow ? undefined : `${index} f`,
    rowid: 'f.rowid',
    clause: whereClause(where, 'f.rowid'),
    params
  }
}

const whereClause = (where: string[], rowid: string): string => (where.length > 0 ? `WHERE ${where.join(' AND ').replaceAll('{rowid}', rowid)}` : '')

/**
 * A page of rows, newest (highest rowid) first, that stops reading as soon as the page is full:
 * a search walks an FTS5 doclist backwards and looks up only the rows it keeps; without a search
 * the table (or a status/mode index, which holds rowids in order) is walked backwards. Rows must be
 * inserted in time order for "newest" to be true.
 */
export function newestFirstPage<Row>(db: Db, ix: SearchIndexes, req: ListRequest & { columns: string; limit: number; offset: number }): Row[] {
  const p = plan(ix, req)
  // The page size is written into the statement (a bound LIMIT cost ~0.02 ms per page, measured), so
  // it must be a plain integer; the filter schemas allow 1–500, so a few statements at most.
  if (!Number.isInteger(req.limit) || req.limit < 1 || req.limit > MAX_PAGE) throw new RangeError(`page size must be an integer from 1 to ${MAX_PAGE}`)
  return prepared(db, `SELECT ${req.columns} FROM ${p.from} ${p.clause} ORDER BY ${p.rowid} DESC LIMIT ${req.limit} OFFSET @offset`).all({ ...p.params, offset: req.offset }) as Row[]
}

const MAX_PAGE = 500

/** How many rows match, counted up to TOTAL_CAP (totalExact false past it). Asked for apart from the page, so the page never waits for it. */
export function cappedCount(db: Db, ix: SearchIndexes, req: ListRequest): { total: number; totalExact: boolean } {
  const p = plan(ix, req)
  const { n } = prepared(db, `SELECT count(*) AS n FROM (SELECT 1 FROM ${p.indexOnly ?? p.from} ${p.clause} LIMIT ${TOTAL_CAP + 1})`).get(p.params) as { n: number }
  return { total: Math.min(n, TOTAL_CAP), totalExact: n <= TOTAL_CAP }
}
