import path from 'node:path'
import Papa from 'papaparse'
import { writeFileAtomic } from '../fs/atomic-write'
import { mergeLabelFiles } from '../labels/merge-labels'
import { localizePhrase } from '@shared/domain/phrases-nb'
import type { Language } from '@shared/domain/settings'
import type { StoredBatchRow } from '../store/batches'

const batchFileStem = (batchId: string): string => `batch-${batchId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}`

/**
 * Every booked row's label, in row order, as one PDF: one print job for the whole batch. Rows whose
 * label file is missing or unreadable are counted, not fatal.
 */
export async function mergeBatchLabels(labelsDir: string, batchId: string, rows: StoredBatchRow[]): Promise<{ file: string; pages: number; labels: number; missing: number[] }> {
  const booked = rows.filter((r) => r.status === 'booked')
  const merged = await mergeLabelFiles(labelsDir, booked.map((r) => r.labelFile), `${batchFileStem(batchId)}-labels.pdf`, { skipUnreadable: true })
  return { file: merged.file, pages: merged.pages, labels: merged.merged, missing: merged.unreadable.map((i) => booked[i].rowNo) }
}

/** The batch's outcome row by row, as a CSV a spreadsheet opens (";" and a BOM, as Excel in Norway expects). */
export async function writeBatchResult(labelsDir: string, batchId: string, rows: StoredBatchRow[], headers: string[], statusText: (r: StoredBatchRow) => string, opts: { trackingLinks: boolean; language: Language }): Promise<string> {
  // The problems are stored as main's and Bring's English sentences: written in the desk's language, as the window shows them.
  const said = (text: string): string => localizePhrase(text, opts.language)
  const data = rows.map((r) => [
    r.rowNo,
    r.values.name ?? '',
    r.values.postalCode ?? '',
    r.values.city ?? '',
    r.values.reference ?? '',
    r.consignmentNumber ?? '',
    r.consignmentNumber && opts.trackingLinks ? `https://tracking.bring.com/tracking/${encodeURIComponent(r.consignmentNumber)}` : '',
    statusText(r),
    r.error ? said(r.error.message) : Object.values(r.problems).flat().map(said).join(' ')
  ])
  const file = `${batchFileStem(batchId)}-result.csv`
  await writeCsvFile(path.join(labelsDir, file), headers, data)
  return file
}

/** A CSV a spreadsheet in Norway opens as it should: ";" separated, BOM, formulas escaped (cells starting with = + - @). */
export async function writeCsvFile(file: string, headers: string[], data: (string | number)[][]): Promise<void> {
  const csv = Papa.unparse({ fields: headers, data }, { delimiter: ';', escapeFormulae: true })
  await writeFileAtomic(file, `\uFEFF${csv}\r\n`)
}
