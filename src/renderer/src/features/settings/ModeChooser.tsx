import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Mode } from '@shared/domain/mode'
import { errorMessage } from '../../lib/ipc'
import { useSettingsStore } from '../../state/useSettingsStore'
import { ConfirmDialog } from '../../components/ConfirmDialog'

const modes: Mode[] = ['sandbox', 'test', 'live']
const labels: Record<Mode, string> = { sandbox: 'settings.modeSandbox', test: 'settings.modeTest', live: 'settings.modeLive' }

/** Sandbox / test / live. Live is never one click away: it asks for confirmation first. */
export function ModeChooser() {
  const { t } = useTranslation()
  const mode = useSettingsStore((s) => s.settings?.mode)
  const setMode = useSettingsStore((s) => s.setMode)
  const [confirmingLive, setConfirmingLive] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const choose = async (next: Mode, confirmLive?: boolean): Promise<void> => {
    setError(null)
    if (next === 'live' && !confirmLive) return setConfirmingLive(true)
    try {
      await setMode(next, confirmLive)
      setConfirmingLive(false)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <fieldset className="mode-chooser">
      <legend>{t('settings.mode')}</legend>
      {modes.map((m) => (
        <label key={m} className="radio">
          <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => void choose(m)} />
          {t(labels[m])}
        </label>
      ))}
      {confirmingLive && (
        <ConfirmDialog
          title={t('settings.liveConfirmTitle')}
          body={t('settings.liveConfirmBody')}
          confirmLabel={t('settings.liveConfirm')}
          onConfirm={() => void choose('live', true)}
          onCancel={() => setConfirmingLive(false)}
          testId="live-confirm"
        />
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </fieldset>
  )
}
