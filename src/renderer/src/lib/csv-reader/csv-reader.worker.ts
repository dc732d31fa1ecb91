import { applyMapping, parseCsv, type CsvTable } from '@shared/domain/csv-import'
import { gramsToKg, looksLikeGrams, readExport, recogniseExport } from '@shared/domain/shop-exports'
import type { RowValues } from '@shared/domain/batches'
import type { CsvPreview, WorkerCalls, WorkerReply, WorkerRequest } from './protocol'

/**
 * Reads, parses and maps a CSV file off the window's thread: a 100,000-row export takes seconds to parse
 * and map, which on the window's thread would freeze typing and scrolling. The window asks for what it
 * shows (a preview) and then for the rows a chunk at a time, as it sends them on.
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null; postMessage(reply: WorkerReply): void }

let table: CsvTable | null = null
let known: { rows: RowValues[]; lines: number[] } | null = null
let prepared: { rows: RowValues[]; lines: number[] } | null = null

function calls(id: number): WorkerCalls {
  return {
    parse(bytes) {
      table = known = prepared = null
      const parsed = parseCsv(new Uint8Array(bytes), (progress) => scope.postMessage({ id, progress }))
      if ('key' in parsed) return parsed
      table = parsed
      const format = recogniseExport(parsed.headers)
      known = format ? readExport(format, parsed.headers, parsed.rows, parsed.lines) : null
      const preview: CsvPreview = {
        encoding: parsed.encoding,
        delimiter: parsed.delimiter,
        headers: parsed.headers,
        sample: parsed.rows.slice(0, 5),
        rowCount: parsed.rows.length,
        known: format && known ? { format, count: known.rows.length } : null
      }
      return preview
    },
    looksLikeGrams: (column) => (table ? looksLikeGrams(table.headers[column] ?? '', table.rows.map((r) => r[column] ?? '')) : false),
    prepare({ mapping, grams }) {
      if (!table) throw new Error('No file has been read')
      if (mapping === null) {
        if (!known) throw new Error('The file is not a known export')
        prepared = known
      } else {
        const rows = applyMapping(table.rows, mapping)
        prepared = { rows: grams ? rows.map((r) => (r.weightKg ? { ...r, weightKg: gramsToKg(r.weightKg) } : r)) : rows, lines: table.lines }
      }
      const filled: Record<string, number> = {}
      for (const row of prepared.rows) for (const field of Object.keys(row)) filled[field] = (filled[field] ?? 0) + 1
      return { count: prepared.rows.length, filled }
    },
    chunk(from, to) {
      if (!prepared) throw new Error('The rows have not been prepared')
      return { rows: prepared.rows.slice(from, to), lines: prepared.lines.slice(from, to) }
    }
  }
}

scope.onmessage = (e) => {
  const { id, method, args } = e.data
  try {
    const run = calls(id)[method] as (...a: unknown[]) => unknown
    scope.postMessage({ id, result: run(...args) })
  } catch (err) {
    scope.postMessage({ id, error: (err as Error).message })
  }
}
