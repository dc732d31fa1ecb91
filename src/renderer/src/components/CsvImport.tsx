import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { rowFields, type RowField, type RowValues } from '@shared/domain/batches'
import { guessMapping, MAX_CSV_BYTES, requiredRowFields, type CsvProblem } from '@shared/domain/csv-import'
import { openCsvReader, ReaderClosed, type CsvPreview, type CsvReader } from '../lib/csv-reader/csv-reader'
import { ImportProgress } from './ImportProgress'

type Mapping = (RowField | null)[]

/** The rows of a read file, handed to the caller to check and store a chunk at a time. */
export interface ImportRows {
  fileName: string
  count: number
  /** How many rows fill each field (a default is needed where some do not). */
  filled: Partial<Record<RowField, number>>
  /**
   * Hands the rows to `take` `size` at a time from the reader's worker, each with its line in the file (as a
   * spreadsheet numbers it), showing how far it has come; stops when the clerk cancels. False when cancelled.
   */
  each(size: number, take: (rows: RowValues[], lines: number[]) => Promise<void>): Promise<boolean>
  /** Aborted when the clerk cancels: stop, and undo what a half-done import would leave. */
  signal: AbortSignal
}

interface Props {
  /** The mapping chosen last time for these headers, if any. */
  loadMapping(headers: string[]): Promise<Mapping | null>
  saveMapping(headers: string[], mapping: Mapping): Promise<void>
  /** The mapped rows; the caller checks and stores them. */
  onRows(rows: ImportRows): Promise<void> | void
  submitLabel: string
  /** Extra inputs shown with the mapping (a batch's name and defaults). */
  children?: ReactNode
  busy?: boolean
}

/**
 * Choose a CSV file, then say what each column holds (guessed from the headers, remembered per
 * header set) with a preview of the first rows. The file is read, parsed and mapped in a worker
 * (a 100,000-row export would freeze the window), with progress and Cancel; the file itself is never changed.
 */
export function CsvImport({ loadMapping, saveMapping, onRows, submitLabel, children, busy }: Props) {
  const { t } = useTranslation()
  const reader = useRef<CsvReader | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<{ name: string; preview: CsvPreview } | null>(null)
  const [mapping, setMapping] = useState<Mapping>([])
  const [problem, setProblem] = useState<string | null>(null)
  // A weight column in grams (its header or its values say so): converted to kg unless the clerk says kg.
  const [weightUnit, setWeightUnit] = useState<'kg' | 'g'>('kg')
  // Reading the file, or sending its rows: how far, and the way to stop.
  const [work, setWork] = useState<{ phase: 'reading' | 'sending'; done: number; of: number; abort(): void } | null>(null)
  useEffect(() => () => reader.current?.close(), [])

  const stopReading = (): void => {
    reader.current?.close()
    reader.current = null
    setWork(null)
    setFile(null)
    setProblem(t('import.cancelled'))
    if (fileInput.current) fileInput.current.value = ''
  }

  const choose = async (f: File | undefined): Promise<void> => {
    setProblem(null)
    setFile(null)
    reader.current?.close()
    reader.current = null
    if (!f) return
    if (f.size > MAX_CSV_BYTES) return setProblem(problemText({ key: 'tooLarge', params: { mb: MAX_CSV_BYTES / 1024 / 1024 } }))
    const r = (reader.current = openCsvReader())
    setWork({ phase: 'reading', done: 0, of: 1, abort: stopReading })
    try {
      const parsed = await r.parse(f, (fraction) => setWork((w) => (w?.phase === 'reading' ? { ...w, done: fraction } : w)))
      if ('key' in parsed) return setProblem(problemText(parsed))
      const remembered = parsed.known ? null : await loadMapping(parsed.headers).catch(() => null)
      const guessed = remembered ?? guessMapping(parsed.headers)
      const weightColumn = guessed.indexOf('weightKg')
      setWeightUnit(weightColumn >= 0 && (await r.looksLikeGrams(weightColumn)) ? 'g' : 'kg')
      setMapping(guessed)
      setFile({ name: f.name, preview: parsed })
    } catch (err) {
      if (!(err instanceof ReaderClosed)) setProblem((err as Error).message)
    } finally {
      if (reader.current === r) setWork(null)
    }
  }
  const problemText = (p: CsvProblem): string => t(`import.problem.${p.key}`, 'params' in p ? p.params : {})

  const known = file?.preview.known ?? null
  const missing = requiredRowFields.filter((f) => !mapping.includes(f))
  const nothingMapped = file !== null && !known && mapping.every((m) => m === null)
  const weightMapped = mapping.includes('weightKg')
  const submit = async (): Promise<void> => {
    const r = reader.current
    if (!file || !r || nothingMapped || work) return
    if (!known) await saveMapping(file.preview.headers, mapping).catch(() => undefined)
    const prepared = await r.prepare({ mapping: known ? null : mapping, grams: !known && weightUnit === 'g' })
    const abort = new AbortController()
    setWork({ phase: 'sending', done: 0, of: prepared.count, abort: () => abort.abort() })
    try {
      await onRows({
        fileName: file.name,
        count: prepared.count,
        filled: prepared.filled,
        async each(size, take) {
          for (let from = 0; from < prepared.count; from += size) {
            if (abort.signal.aborted) return false
            const { rows, lines } = await r.chunk(from, from + size)
            await take(rows, lines)
            const done = Math.min(prepared.count, from + size)
            setWork((w) => (w?.phase === 'sending' ? { ...w, done } : w))
          }
          return !abort.signal.aborted
        },
        signal: abort.signal
      })
    } finally {
      setWork(null)
    }
  }

  return (
    <div className="csv-import" data-testid="csv-import">
      <div className="field">
        <label htmlFor="csv-file">{t('import.chooseFile')}</label>
        <input ref={fileInput} id="csv-file" type="file" accept=".csv,.txt,text/csv" disabled={work?.phase === 'sending'} onChange={(e) => void choose(e.target.files?.[0])} />
        <small className="help">{t('import.fileHelp')}</small>
      </div>
      {problem && (
        <div className="alert alert-error" role="alert" data-testid="import-problem">
          {problem}
        </div>
      )}
      {work?.phase === 'reading' && <ImportProgress label={t('import.reading')} done={work.done} of={work.of} percent onCancel={work.abort} />}
      {file && (
        <>
          <p className="muted small" data-testid="import-summary">
            {t('import.summary', { file: file.name, count: file.preview.rowCount, encoding: file.preview.encoding.toUpperCase(), delimiter: file.preview.delimiter === '\t' ? 'Tab' : file.preview.delimiter })}
          </p>
          {known ? (
            <p className="success" data-testid="import-format" data-format={known.format}>
              {t(`import.format.${known.format}`, { count: known.count, lines: file.preview.rowCount })}
            </p>
          ) : (
            <>
              <p className="muted small">{t('import.chooseColumns')}</p>
              <div className="table-scroll">
                <table className="table mapping" data-testid="import-mapping">
                  <thead>
                    <tr>
                      {file.preview.headers.map((h, i) => (
                        <th key={i}>
                          <div className="small">{h || t('import.column', { n: i + 1 })}</div>
                          <select
                            aria-label={t('import.columnHolds', { column: h || i + 1 })}
                            value={mapping[i] ?? ''}
                            onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? ((e.target.value || null) as RowField | null) : m === e.target.value ? null : m)))}
                          >
                            <option value="">{t('import.ignore')}</option>
                            {rowFields.map((f) => (
                              <option key={f} value={f}>
                                {t(`rowField.${f}`)}
                              </option>
                            ))}
                          </select>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {file.preview.sample.map((r, i) => (
                      <tr key={i}>
                        {file.preview.headers.map((_, j) => (
                          <td key={j} className="small">
                            {r[j] ?? ''}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {nothingMapped ? (
                <p className="error" role="alert">
                  {t('import.nothingMapped')}
                </p>
              ) : (
                missing.length > 0 && <p className="muted">{t('import.missing', { fields: missing.map((f) => t(`rowField.${f}`)).join(', ') })}</p>
              )}
              {weightMapped && (
                <div className="field" data-testid="import-weight-unit">
                  <label htmlFor="import-weight-unit">{t('import.weightUnit')}</label>
                  <select id="import-weight-unit" value={weightUnit} onChange={(e) => setWeightUnit(e.target.value as 'kg' | 'g')}>
                    <option value="kg">{t('import.unitKg')}</option>
                    <option value="g">{t('import.unitG')}</option>
                  </select>
                </div>
              )}
            </>
          )}
          {children}
          {work?.phase === 'sending' ? (
            <ImportProgress label={t('import.sending')} done={work.done} of={work.of} onCancel={work.abort} />
          ) : (
            <div className="actions">
              <button type="button" className="primary" disabled={busy || nothingMapped} onClick={() => void submit()} data-testid="import-submit">
                {submitLabel}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  )
}
