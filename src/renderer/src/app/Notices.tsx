import { useTranslation } from 'react-i18next'
import { useAppStore } from '../state/useAppStore'

export function Notices() {
  const { t } = useTranslation()
  const notices = useAppStore((s) => s.notices)
  const dismiss = useAppStore((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n, i) => (
        <div key={n} className="alert alert-warning" role="status" data-testid="notice">
          <strong>{t('notices.title')}:</strong> {n}
          <button type="button" className="link" onClick={() => dismiss(i)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
