import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/** How far a long import has come, and the way to stop it (the button, or Esc). */
export function ImportProgress({ label, done, of, percent, onCancel }: { label: string; done: number; of: number; percent?: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  const cancel = useRef<HTMLButtonElement>(null)
  // The keyboard waits on Cancel while the work runs: Esc or Enter stops it.
  useEffect(() => cancel.current?.focus(), [])
  const text = percent ? t('import.percent', { value: Math.floor((done / of) * 100) }) : t('import.rowsOf', { done, of })
  return (
    <div className="import-progress" role="status" data-testid="import-progress" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="small">
        {label} <span data-testid="import-progress-text">{text}</span>
        <progress max={of} value={done} aria-label={label} />
      </label>
      <button ref={cancel} type="button" onClick={onCancel} data-testid="import-cancel">
        {t('import.cancel')}
      </button>
    </div>
  )
}
