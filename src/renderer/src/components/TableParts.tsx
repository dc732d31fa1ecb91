import { useTranslation } from 'react-i18next'

/** The header of a column of row buttons: empty to the eye, named for screen readers. */
export function ActionsHeader() {
  const { t } = useTranslation()
  return (
    <th>
      <span className="sr-only">{t('common.actions')}</span>
    </th>
  )
}

/** "Remove" for one row of an editable table (packages, customs lines), named with its row. */
export function RemoveRowButton({ onRemove, label }: { onRemove(): void; label: string }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="link" onClick={onRemove} aria-label={label}>
      {t('quote.remove')}
    </button>
  )
}
