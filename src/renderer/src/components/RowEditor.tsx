import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { rowConsented, type RowField, type RowValues } from '@shared/domain/batches'
import { problemsText } from '../lib/record-error'
import { natureOfTransaction } from '@shared/domain/booking'
import { checkKey, onlyToCheck } from '@shared/domain/plausibility'
import { placeName, useCityFromPostalCode } from './usePostalCodeCity'
import { BringsCityOffer, takeBringsCityOnArrowDown } from './BringsCityOffer'

/** The cells of one imported row as inputs, each with its problem beneath; Enter saves. */
export function RowEditor({ values, problems, fields, onSave, onCancel, onConfirm, busy, services, defaultService }: {
  values: RowValues
  problems: Record<string, string[]>
  fields: RowField[]
  /** The services the row's customer number can book: the service field becomes a choice of them. */
  services?: { id: string; name: string }[]
  /** The batch's own service, used when the row names none. */
  defaultService?: string
  onSave(values: RowValues): void
  onCancel(): void
  /** A row held only for an unusual value: "It is right" books it as it is (Ctrl+Y). */
  onConfirm?(): void
  busy?: boolean
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<RowValues>(values)
  // A row's postal code names its place and fills an empty city, as in the Book form.
  const postal = useCityFromPostalCode({ postalCode: draft.postalCode, countryCode: draft.countryCode || 'NO', city: draft.city }, (city) => setDraft((d) => ({ ...d, city })), () => document.activeElement?.id === 'row-city')
  // Fields with a problem first, so the cursor lands where the fix is.
  const flagged = (f: RowField): boolean => Boolean(problems[f] || problems[checkKey(f)])
  const ordered = [...fields].sort((a, b) => Number(flagged(b)) - Number(flagged(a)))
  return (
    <form
      className="row-editor card"
      data-testid="row-editor"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(draft)
      }}
      onKeyDown={(e) => {
        // Keys typed here are the editor's, not the surrounding list's (Enter saves, Esc cancels, Ctrl+Y: it is right).
        e.stopPropagation()
        if (e.key === 'Escape') onCancel()
        if (onConfirm && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'y') {
          e.preventDefault()
          onConfirm()
        }
      }}
    >
      {problems._ && <p className="error">{problemsText(problems._)}</p>}
      {onlyToCheck(problems) && (
        <p className="alert alert-warning small" data-testid="row-check">
          {t('batches.checkHelp')}
        </p>
      )}
      <div className="row wrap">
        {ordered.map((f, i) => (
          <div key={f} className={problems[f] ? 'field has-error' : 'field'}>
            <label htmlFor={`row-${f}`}>{t(`rowField.${f}`)}</label>
            {f === 'customsConsent' ? (
              <label className="check">
                <input
                  id={`row-${f}`}
                  type="checkbox"
                  autoFocus={i === 0}
                  checked={rowConsented(draft[f])}
                  aria-invalid={Boolean(problems[f])}
                  aria-describedby={flagged(f) ? `row-${f}-error` : undefined}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.checked ? 'yes' : '' })}
                />{' '}
                {t('rowField.customsConsent')}
              </label>
            ) : f === 'customsNature' ? (
              <select id={`row-${f}`} autoFocus={i === 0} value={(draft[f] ?? '').toUpperCase() || 'SALE_OF_GOODS'} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}>
                {natureOfTransaction.map((n) => (
                  <option key={n} value={n}>
                    {t(`book.nature.${n}`)}
                  </option>
                ))}
              </select>
            ) : f === 'productId' && services ? (
              <select
                id={`row-${f}`}
                autoFocus={i === 0}
                value={draft[f] ?? ''}
                aria-invalid={Boolean(problems[f])}
                aria-describedby={flagged(f) ? `row-${f}-error` : undefined}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value || undefined })}
              >
                <option value="">{t('batches.defaultService', { service: services.find((s) => s.id === defaultService)?.name ?? defaultService ?? '—' })}</option>
                {/* A service the file named that this customer cannot book stays visible, so the problem can be seen and changed. */}
                {draft[f] && !services.some((s) => s.id === draft[f]) && <option value={draft[f]}>{draft[f]}</option>}
                {services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.id})
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`row-${f}`}
                autoFocus={i === 0}
                value={draft[f] ?? ''}
                maxLength={200}
                aria-invalid={Boolean(problems[f])}
                aria-describedby={flagged(f) ? `row-${f}-error` : undefined}
                onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                onKeyDown={f === 'city' ? takeBringsCityOnArrowDown(postal) : undefined}
              />
            )}
            {f === 'postalCode' && !problems[f] && postal.found && <small className="help">{placeName(postal.found)}</small>}
            {f === 'city' && <BringsCityOffer postal={postal} testId="row-use-brings-city" />}
            {problems[f] && (
              <small className="error" id={`row-${f}-error`}>
                {problemsText(problems[f])}
              </small>
            )}
            {!problems[f] && problems[checkKey(f)] && (
              <small className="warning-text" id={`row-${f}-error`} data-testid={`row-${f}-check`}>
                {problemsText(problems[checkKey(f)])}
              </small>
            )}
          </div>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('import.saveRow')}
        </button>
        {onConfirm && (
          <button type="button" onClick={onConfirm} disabled={busy} data-testid="row-confirm">
            {t('batches.itIsRight')} <kbd>Ctrl+Y</kbd>
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('import.cancelRow')}
        </button>
      </div>
    </form>
  )
}
