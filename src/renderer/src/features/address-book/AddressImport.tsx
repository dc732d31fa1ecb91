import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkAddressRow, type AddressEntryData } from '@shared/domain/address-book'
import { IMPORT_CHUNK, rowFields, shipmentOnlyFields, type RowValues } from '@shared/domain/batches'
import { call, errorMessage } from '../../lib/ipc'
import { CsvImport, type ImportRows } from '../../components/CsvImport'
import { importMapping } from '../../lib/import-mapping'
import { RowEditor } from '../../components/RowEditor'
import { problemsText } from '../../lib/record-error'
import { Disclosure } from '../../components/Disclosure'

/** Rejected rows listed at once (a big file's thousands would hold the window); fixing one brings up the next. */
const REJECTED_SHOWN = 100

type Rejected = { rowNo: number; values: RowValues; problems: Record<string, string[]> }

/** CSV into the address book: valid rows are added (same recipient twice: once), the rest wait here to be fixed. */
export function AddressImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation()
  const [result, setResult] = useState<{ added: number; skipped: number } | null>(null)
  const [rejected, setRejected] = useState<Rejected[]>([])
  const [editing, setEditing] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const importEntries = async (entries: AddressEntryData[]): Promise<{ added: number; skipped: number }> => {
    const total = { added: 0, skipped: 0 }
    for (let i = 0; i < entries.length; i += IMPORT_CHUNK) {
      const r = await call('addressBook:import', { entries: entries.slice(i, i + IMPORT_CHUNK) })
      total.added += r.added
      total.skipped += r.skipped
    }
    return total
  }

  /** A chunk at a time (checked here, a few milliseconds each): a big file never holds the window. Cancel keeps what was added. */
  const onRows = async (source: ImportRows): Promise<void> => {
    setBusy(true)
    setError(null)
    const total = { added: 0, skipped: 0 }
    const bad: Rejected[] = []
    try {
      await source.each(IMPORT_CHUNK, async (rows, lines) => {
        const ok: AddressEntryData[] = []
        rows.forEach((values, i) => {
          const c = checkAddressRow(values)
          if (c.ok) ok.push(c.entry)
          else bad.push({ rowNo: lines[i], values, problems: c.problems }) // the line a spreadsheet shows it on
        })
        const r = ok.length > 0 ? await importEntries(ok) : { added: 0, skipped: 0 }
        total.added += r.added
        total.skipped += r.skipped
      })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setResult(total)
      setRejected(bad)
      onImported()
      setBusy(false)
    }
  }

  const fix = async (index: number, values: RowValues): Promise<void> => {
    const c = checkAddressRow(values)
    if (!c.ok) return setRejected(rejected.map((r, i) => (i === index ? { ...r, values, problems: c.problems } : r)))
    try {
      const r = await importEntries([c.entry])
      setResult((prev) => (prev ? { added: prev.added + r.added, skipped: prev.skipped + r.skipped } : r))
      setRejected(rejected.filter((_, i) => i !== index))
      setEditing(null)
      onImported()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Disclosure summary={t('addressBook.import')} testId="address-import">
      <CsvImport
        loadMapping={importMapping.load}
        saveMapping={importMapping.save}
        onRows={onRows}
        submitLabel={t('addressBook.importSubmit')}
        busy={busy}
      />
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {result && (
        <p role="status" data-testid="address-import-result">
          {t('addressBook.importResult', { added: result.added, skipped: result.skipped, rejected: rejected.length })}
        </p>
      )}
      {rejected.length > REJECTED_SHOWN && (
        <p className="muted small" data-testid="rejected-shown">
          {t('import.rejectedShown', { shown: REJECTED_SHOWN, total: rejected.length })}
        </p>
      )}
      {rejected.length > 0 && (
        <ul className="rejected-rows" data-testid="rejected-rows">
          {rejected.slice(0, REJECTED_SHOWN).map((r, i) => (
            <li key={r.rowNo}>
              {editing === i ? (
                <RowEditor values={r.values} problems={r.problems} fields={rowFields.filter((f) => !shipmentOnlyFields.includes(f))} onSave={(v) => void fix(i, v)} onCancel={() => setEditing(null)} />
              ) : (
                <button type="button" className="link" onClick={() => setEditing(i)}>
                  {t('import.rowProblem', { row: r.rowNo, name: r.values.name ?? '—', problem: problemsText([Object.values(r.problems).flat()[0] ?? '']) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Disclosure>
  )
}
