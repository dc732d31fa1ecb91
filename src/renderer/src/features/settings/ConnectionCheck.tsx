import { useTranslation } from 'react-i18next'
import { useSettingsStore } from '../../state/useSettingsStore'
import { useAsyncAction } from '../../lib/useAsyncAction'

export function ConnectionCheck() {
  const { t } = useTranslation()
  const check = useSettingsStore((s) => s.checkConnection)
  const lastCheck = useSettingsStore((s) => s.lastCheck)
  const { busy, error, run: runAction } = useAsyncAction()
  const run = (): Promise<unknown> => runAction(check)

  return (
    <div className="connection-check">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('settings.checking') : t('settings.checkConnection')}
      </button>
      <div data-testid="connection-result" aria-live="polite">
        {error && <p className="error" role="alert">{error}</p>}
        {!error && lastCheck && (
          <p className="success">
            {t('settings.connectionOk', { count: lastCheck.customers.length, numbers: lastCheck.customers.map((c) => c.customerNumber).join(', ') })}
          </p>
        )}
      </div>
    </div>
  )
}
