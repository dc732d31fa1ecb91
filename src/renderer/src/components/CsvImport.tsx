import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { rowFields, type RowField, type RowValues } from '@shared/domain/batches'
import { applyMapping, guessMapping, MAX_CSV_BYTES, parseCsv, requiredRowFields, type CsvProblem, type CsvTable } from '@shared/domain/csv-import'
import { gramsToKg, looksLikeGrams, readExport, recogniseExport, type ShopExportFormat } from '@shared/domain/shop-exports'

type Mapping = (RowField | null)[]

interface Props {
  /** The mapping chosen last time for these headers, if any. */
  loadMapping(headers: string[]): Promise<Mapping | null>
  saveMapping(headers: string[], mapping: Mapping): Promise<void>
  /** The mapped rows and each one's line in the file (as a spreadsheet numbers it); the caller checks and stores them. */
  onRows(rows: RowValues[], fileName: string, lines: number[]): Promise<void> | void
  submitLabel: string
  /** Extra inputs shown with the mapping (a batch's name and defaults). */
  children?: ReactNode
  busy?: boolean
}

/**
 * Choose a CSV file, then say what each column holds (guessed from the headers, remembered per
 * header set) with a preview of the first rows. The file itself is never changed.
 */
export function CsvImport({ loadMapping, saveMapping, onRows, submitLabel, children, busy }: Props) {
  const { t } = useTranslation()
  const [file, setFile] = useState<{ name: string; table: CsvTable } | null>(null)
  const [mapping, setMapping] = useState<Mapping>([])
  const [problem, setProblem] = useState<string | null>(null)
  // A shop's own export (Shopify, WooCommerce, Fraktdesk's result file) maps itself: no columns to choose.
  const [known, setKnown] = useState<{ format: ShopExportFormat; rows: RowValues[]; lines: number[] } | null>(null)
  // A weight column in grams (its header or its values say so): converted to kg unless the clerk says kg.
  const [weightUnit, setWeightUnit] = useState<'kg' | 'g'>('kg')

  const choose = async (f: File | undefined): Promise<void> => {
    setProblem(null)
    setFile(null)
    if (!f) return
    if (f.size > MAX_CSV_BYTES) return setProblem(problemText({ key: 'tooLarge', params: { mb: MAX_CSV_BYTES / 1024 / 1024 } }))
    const parsed = parseCsv(new Uint8Array(await f.arrayBuffer()))
    if ('key' in parsed) return setProblem(problemText(parsed))
    const format = recogniseExport(parsed.headers)
    setKnown(format ? { format, ...readExport(format, parsed.headers, parsed.rows, parsed.lines) } : null)
    const remembered = format ? null : await loadMapping(parsed.headers).catch(() => null)
    const guessed = remembered ?? guessMapping(parsed.headers)
    setMapping(guessed)
    const weightColumn = guessed.indexOf('weightKg')
    setWeightUnit(weightColumn >= 0 && looksLikeGrams(parsed.headers[weightColumn], parsed.rows.map((r) => r[weightColumn] ?? '')) ? 'g' : 'kg')
    setFile({ name: f.name, table: parsed })
  }
  const problemText = (p: CsvProblem): string => t(`import.problem.${p.key}`, 'params' in p ? p.params : {})

  const missing = requiredRowFields.filter((f) => !mapping.includes(f))
  const nothingMapped = file !== null && !known && mapping.every((m) => m === null)
  const weightMapped = mapping.includes('weightKg')
  const submit = async (): Promise<void> => {
    if (!file || nothingMapped) return
    if (known) return onRows(known.rows, file.name, known.lines)
    await saveMapping(file.table.headers, mapping).catch(() => undefined)
    const rows = applyMapping(file.table.rows, mapping)
    await onRows(weightUnit === 'g' ? rows.map((r) => (r.weightKg ? { ...r, weightKg: gramsToKg(r.weightKg) } : r)) : rows, file.name, file.table.lines)
  }

  return (
    <div className="csv-import" data-testid="csv-import">
      <div className="field">
        <label htmlFor="csv-file">{t('import.chooseFile')}</label>
        <input id="csv-file" type="file" accept=".csv,.txt,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        <small className="help">{t('import.fileHelp')}</small>
      </div>
      {problem && (
        <div className="alert alert-error" role="alert" data-testid="import-problem">
          {problem}
        </div>
      )}
      {file && (
        <>
          <p className="muted small" data-testid="import-summary">
            {t('import.summary', { file: file.name, count: file.table.rows.length, encoding: file.table.encoding.toUpperCase(), delimiter: file.table.delimiter === '\t' ? 'Tab' : file.table.delimiter })}
          </p>
          {known ? (
            <p className="success" data-testid="import-format" data-format={known.format}>
              {t(`import.format.${known.format}`, { count: known.rows.length, lines: file.table.rows.length })}
            </p>
          ) : (
            <>
              <p className="muted small">{t('import.chooseColumns')}</p>
              <div className="table-scroll">
                <table className="table mapping" data-testid="import-mapping">
                  <thead>
                    <tr>
                      {file.table.headers.map((h, i) => (
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
                    {file.table.rows.slice(0, 5).map((r, i) => (
                      <tr key={i}>
                        {file.table.headers.map((_, j) => (
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
          <div className="actions">
            <button type="button" className="primary" disabled={busy || nothingMapped} onClick={() => void submit()} data-testid="import-submit">
              {submitLabel}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
