import { useTranslation } from 'react-i18next'
import { useAppStore } from '../state/useAppStore'

export function Notices() {
  const { t, i18n } = useTranslation()
  const notices = useAppStore((s) => s.notices)
  const dismiss = useAppStore((s) => s.dismissNotice)
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((n, i) => (
        <div key={n.text} className="alert alert-warning" role="status" data-testid="notice">
          {/* In the UI language when the key is known; main's own words otherwise. */}
          <strong>{t('notices.title')}:</strong> {i18n.exists(`notices.${n.key}`) ? t(`notices.${n.key}`, n.params) : n.text}
          <button type="button" className="link" onClick={() => dismiss(i)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
