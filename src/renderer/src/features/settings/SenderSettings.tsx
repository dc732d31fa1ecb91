import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultSenderSchema, type DefaultSender } from '@shared/domain/settings'
import { errorMessage } from '../../lib/ipc'
import { useSettingsStore } from '../../state/useSettingsStore'
import { placeName, useCityFromPostalCode } from '../../components/usePostalCodeCity'
import { BringsCityOffer, takeBringsCityOnArrowDown } from '../../components/BringsCityOffer'

const fields: (keyof DefaultSender)[] = ['name', 'addressLine', 'addressLine2', 'postalCode', 'city', 'countryCode', 'contactName', 'phoneNumber', 'email']

/** The company address every new booking and pickup starts from. */
export function SenderSettings() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const update = useSettingsStore((s) => s.update)
  const [draft, setDraft] = useState<DefaultSender>(settings?.defaultSender ?? {})
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const postal = useCityFromPostalCode(draft, (city) => setDraft((d) => ({ ...d, city })), () => document.activeElement?.id === 'default-city')

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
            <input
              id={`default-${f}`}
              value={draft[f] ?? ''}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              onKeyDown={f === 'city' ? takeBringsCityOnArrowDown(postal) : undefined}
              aria-describedby={f === 'postalCode' && postal.found ? 'default-postalCode-help' : undefined}
            />
            {f === 'postalCode' && postal.found && (
              <small className="help" id="default-postalCode-help">
                {placeName(postal.found)}
              </small>
            )}
            {f === 'city' && <BringsCityOffer postal={postal} testId="default-use-brings-city" />}
          </div>
        ))}
      </div>
      <button type="submit">{t('common.save')}</button>
      {status && <p className={status.ok ? 'success' : 'error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </form>
  )
}
