import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RowField, RowValues } from '@shared/domain/batches'
import { problemsText } from '../lib/record-error'

/** The cells of one imported row as inputs, each with its problem beneath; Enter saves. */
export function RowEditor({ values, problems, fields, onSave, onCancel, busy }: {
  values: RowValues
  problems: Record<string, string[]>
  fields: RowField[]
  onSave(values: RowValues): void
  onCancel(): void
  busy?: boolean
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<RowValues>(values)
  // Fields with a problem first, so the cursor lands where the fix is.
  const ordered = [...fields].sort((a, b) => Number(Boolean(problems[b])) - Number(Boolean(problems[a])))
  return (
    <form
      className="row-editor card"
      data-testid="row-editor"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(draft)
      }}
      onKeyDown={(e) => {
        // Keys typed here are the editor's, not the surrounding list's (Enter saves, Esc cancels).
        e.stopPropagation()
        if (e.key === 'Escape') onCancel()
      }}
    >
      {problems._ && <p className="error">{problemsText(problems._)}</p>}
      <div className="row wrap">
        {ordered.map((f, i) => (
          <div key={f} className={problems[f] ? 'field has-error' : 'field'}>
            <label htmlFor={`row-${f}`}>{t(`rowField.${f}`)}</label>
            <input
              id={`row-${f}`}
              autoFocus={i === 0}
              value={draft[f] ?? ''}
              maxLength={200}
              aria-invalid={Boolean(problems[f])}
              aria-describedby={problems[f] ? `row-${f}-error` : undefined}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            />
            {problems[f] && (
              <small className="error" id={`row-${f}-error`}>
                {problemsText(problems[f])}
              </small>
            )}
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('import.saveRow')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('import.cancelRow')}
        </button>
      </div>
    </form>
  )
}
