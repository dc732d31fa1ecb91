import { useTranslation } from 'react-i18next'
import { call } from '../../lib/ipc'
import { useActionStatus } from '../../lib/useActionStatus'
import { useAppStore } from '../../state/useAppStore'

/** Where the log is, and a diagnostics summary for a support question ("why did my booking fail yesterday?"). */
export function SupportSettings() {
  const { t } = useTranslation()
  const logs = useAppStore((s) => s.info?.paths.logs)
  const { run, Status } = useActionStatus()
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
      <Status />
    </div>
  )
}
