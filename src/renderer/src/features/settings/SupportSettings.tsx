import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../../lib/ipc'
import { useAppStore } from '../../state/useAppStore'

/** Where the log is, and a diagnostics summary for a support question ("why did my booking fail yesterday?"). */
export function SupportSettings() {
  const { t } = useTranslation()
  const logs = useAppStore((s) => s.info?.paths.logs)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const run = async (action: () => Promise<string>): Promise<void> => {
    try {
      setStatus({ ok: true, text: await action() })
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) })
    }
  }
  return (
    <div data-testid="support-settings">
      <p className="muted small">{t('settings.supportHelp')}</p>
      {logs && (
        <p className="small">
          {t('settings.logFolder')}: <span className="mono">{logs}</span>
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void run(async () => (await call('app:openLogFolder'), t('settings.logFolderOpened')))}>
          {t('settings.openLogFolder')}
        </button>
        <button type="button" onClick={() => void run(async () => t('settings.diagnosticsCopied', { count: (await call('app:copyDiagnostics')).lines }))} data-testid="copy-diagnostics">
          {t('settings.copyDiagnostics')}
        </button>
      </div>
      {status && (
        <p role="status" className={status.ok ? 'muted small' : 'error small'}>
          {status.text}
        </p>
      )}
    </div>
  )
}
