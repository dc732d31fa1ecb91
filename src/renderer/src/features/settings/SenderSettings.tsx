import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultSenderSchema, type DefaultSender } from '@shared/domain/settings'
import { errorMessage } from '../../lib/ipc'
import { useSettingsStore } from '../../state/useSettingsStore'

const fields: (keyof DefaultSender)[] = ['name', 'addressLine', 'addressLine2', 'postalCode', 'city', 'countryCode', 'contactName', 'phoneNumber', 'email']

/** The company address every new booking and pickup starts from. */
export function SenderSettings() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const update = useSettingsStore((s) => s.update)
  const [draft, setDraft] = useState<DefaultSender>(settings?.defaultSender ?? {})
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  const save = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    const parsed = defaultSenderSchema.safeParse(draft)
    if (!parsed.success) return setStatus({ ok: false, text: parsed.error.issues.map((i) => `${t(`senderField.${String(i.path[0])}`)}: ${i.message}`).join(' ') })
    try {
      await update({ defaultSender: parsed.data })
      setStatus({ ok: true, text: t('settings.saved') })
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) })
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} aria-label={t('settings.sender')}>
      <div className="sender-grid">
        {fields.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`default-${f}`}>{t(`senderField.${f}`)}</label>
            <input id={`default-${f}`} value={draft[f] ?? ''} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
          </div>
        ))}
      </div>
      <button type="submit">{t('common.save')}</button>
      {status && <p className={status.ok ? 'success' : 'error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </form>
  )
}
