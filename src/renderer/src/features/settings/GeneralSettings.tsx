import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { IpcError, errorMessage } from '../../lib/ipc'
import { settingsSchema, type Language } from '@shared/domain/settings'
import { useSettingsStore } from '../../state/useSettingsStore'

export function GeneralSettings() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const update = useSettingsStore((s) => s.update)
  const [clientUrl, setClientUrl] = useState(settings?.clientUrl ?? '')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  const saveClientUrl = async (): Promise<void> => {
    setSaved(false)
    const checked = settingsSchema.shape.clientUrl.safeParse(clientUrl)
    if (!checked.success) return setError(checked.error.issues[0].message)
    try {
      await update({ clientUrl: checked.data })
      setError(null)
      setSaved(true)
    } catch (err) {
      setError(err instanceof IpcError ? (err.fieldErrors?.clientUrl?.[0] ?? err.message) : errorMessage(err))
    }
  }

  return (
    <div>
      <Field id="language" label={t('settings.language')}>
        <select id="language" value={settings?.language ?? 'en'} onChange={(e) => void update({ language: e.target.value as Language })}>
          <option value="en">English</option>
          <option value="nb">Norsk bokmål</option>
        </select>
      </Field>
      <Field id="clientUrl" label={t('settings.clientUrl')} help={t('settings.clientUrlHelp')} error={error ?? undefined}>
        <input
          id="clientUrl"
          type="url"
          value={clientUrl}
          onChange={(e) => setClientUrl(e.target.value)}
          onBlur={() => void saveClientUrl()}
          onKeyDown={(e) => e.key === 'Enter' && void saveClientUrl()}
          placeholder="https://"
        />
      </Field>
      <label className="check">
        <input type="checkbox" checked={settings?.trackingEnabled ?? true} onChange={(e) => void update({ trackingEnabled: e.target.checked })} /> {t('settings.trackingEnabled')}
      </label>
      <label className="check">
        <input type="checkbox" checked={settings?.attentionNotifications ?? false} onChange={(e) => void update({ attentionNotifications: e.target.checked })} /> {t('settings.attentionNotifications')}
      </label>
      <div className="row">
        {(['attentionPickupDays', 'attentionSilentDays'] as const).map((key) => (
          <Field key={key} id={key} label={t(`settings.${key}`)}>
            <input
              id={key}
              type="number"
              min={1}
              max={30}
              defaultValue={settings?.[key]}
              onBlur={(e) => {
                const n = Number(e.target.value)
                if (Number.isInteger(n) && n >= 1 && n <= 30) void update({ [key]: n })
              }}
            />
          </Field>
        ))}
      </div>
      {saved && <p className="success" role="status">{t('settings.saved')}</p>}
    </div>
  )
}
