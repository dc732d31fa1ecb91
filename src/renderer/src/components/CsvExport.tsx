import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../lib/ipc'

/** A report's CSV button: main writes the file into the labels folder and opens it; what happened (or why not) is said under it. */
export function CsvExport({ label, disabled, save }: { label: string; disabled: boolean; save(): Promise<{ file: string }> }) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<string | null>(null)
  const run = (): void =>
    void save().then(
      (r) => setStatus(t('spend.exported', { file: r.file })),
      (err) => setStatus(errorMessage(err))
    )
  return (
    <>
      <button type="button" onClick={run} disabled={disabled}>
        {label}
      </button>
      {status && (
        <p role="status" className="muted small">
          {status}
        </p>
      )}
    </>
  )
}
