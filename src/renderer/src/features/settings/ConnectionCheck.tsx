import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../lib/ipc'
import { useSettingsStore } from '../../state/useSettingsStore'

export function ConnectionCheck() {
  const { t } = useTranslation()
  const check = useSettingsStore((s) => s.checkConnection)
  const lastCheck = useSettingsStore((s) => s.lastCheck)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await check()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

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
