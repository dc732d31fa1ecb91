import type { RowField, RowValues } from '@shared/domain/batches'
import type { CsvProblem, CsvTable } from '@shared/domain/csv-import'
import type { ShopExportFormat } from '@shared/domain/shop-exports'

/** What the window shows of a file read in the worker: enough to map its columns, never all its rows. */
export interface CsvPreview {
  encoding: CsvTable['encoding']
  delimiter: string
  headers: string[]
  /** The first rows, as the file has them. */
  sample: string[][]
  rowCount: number
  /** A shop's own export, recognised by its headers: how many shipments (orders) it holds. */
  known: { format: ShopExportFormat; count: number } | null
}

/** The rows to import: under a column mapping, or as the recognised export maps itself (null). */
export interface PrepareRequest {
  mapping: (RowField | null)[] | null
  /** The weight column is in grams: converted to kg. */
  grams: boolean
}

/** Prepared rows: how many, and how many of them fill each field (a default is needed where some do not). */
export interface Prepared {
  count: number
  filled: Partial<Record<RowField, number>>
}

export interface WorkerCalls {
  parse(bytes: ArrayBuffer): CsvPreview | CsvProblem
  looksLikeGrams(column: number): boolean
  prepare(request: PrepareRequest): Prepared
  chunk(from: number, to: number): { rows: RowValues[]; lines: number[] }
}

export type WorkerRequest = { [M in keyof WorkerCalls]: { id: number; method: M; args: Parameters<WorkerCalls[M]> } }[keyof WorkerCalls]
export type WorkerReply = { id: number; result: unknown } | { id: number; error: string } | { id: number; progress: number }
