import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { networkNeedsTls, receiverSettingsSchema } from '@shared/domain/warehousing'
import type { ChannelOutput } from '@shared/ipc/contract'
import { call, errorMessage } from '../../lib/ipc'
import { formatDateTime } from '../../lib/format'
import { Field } from '../../components/Field'

type State = ChannelOutput<'receiver:get'>
type Draft = State['config']

/** The optional Bring Warehousing receiver: off until turned on; network exposure only by explicit choice, with HTTPS. */
export function ReceiverSettings() {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [secret, setSecret] = useState<ChannelOutput<'receiver:generateSecret'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = (): void =>
    void call('receiver:get').then(
      (s) => {
        setState(s)
        setDraft((d) => d ?? s.config)
      },
      (err) => setError(errorMessage(err))
    )
  useEffect(load, [])
  if (!state || !draft) return null
  const set = (patch: Partial<Draft>): void => setDraft({ ...draft, ...patch })
  // The window sends settings only: the certificate and key are chosen in main's own file picker, shown here by name.
  const save = async (next: Draft): Promise<void> => {
    const { certName, keyName, ...settings } = next
    const parsed = receiverSettingsSchema.safeParse(settings)
    if (!parsed.success) return setError(parsed.error.issues[0].message)
    if (!networkNeedsTls({ host: parsed.data.host, certFile: certName, keyFile: keyName })) return setError(t('receiver.networkNeedsTls'))
    try {
      setError(null)
      await call('receiver:configure', parsed.data)
      setDraft(next)
      load()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const s = state.status
  return (
    <div data-testid="receiver-settings">
      <p className="muted small">{t('receiver.help')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => {
            const next = { ...draft, enabled: e.target.checked }
            setDraft(next)
            void save(next)
          }}
          data-testid="receiver-enabled"
        />{' '}
        {t('receiver.enabled')}
      </label>
      <p role="status" className={s.error ? 'error small' : 'muted small'} data-testid="receiver-status">
        {s.error ?? (s.listening ? t('receiver.listening', { url: s.url }) : t('receiver.off'))}
        {s.lastMessageAt && ` · ${t('receiver.last', { at: formatDateTime(s.lastMessageAt, i18n.language) })}`}
        {` · ${t('receiver.counts', s.counts)}`}
      </p>
      <div className="row">
        <Field id="receiver-port" label={t('receiver.port')}>
          <input id="receiver-port" inputMode="numeric" value={draft.port} onChange={(e) => set({ port: Number(e.target.value.replace(/\D/g, '')) || 0 })} />
        </Field>
        <Field id="receiver-host" label={t('receiver.host')} help={draft.host === '0.0.0.0' ? t('receiver.networkWarning') : undefined}>
          <select id="receiver-host" value={draft.host} onChange={(e) => set({ host: e.target.value as Draft['host'] })}>
            <option value="127.0.0.1">{t('receiver.localOnly')}</option>
            <option value="0.0.0.0">{t('receiver.network')}</option>
          </select>
        </Field>
        <Field id="receiver-auth" label={t('receiver.auth')}>
          <select id="receiver-auth" value={draft.auth} onChange={(e) => set({ auth: e.target.value as Draft['auth'] })}>
            <option value="apiKey">X-API-KEY</option>
            <option value="basic">Basic</option>
          </select>
        </Field>
        {draft.auth === 'basic' && (
          <Field id="receiver-user" label={t('receiver.user')}>
            <input id="receiver-user" value={draft.user} maxLength={64} onChange={(e) => set({ user: e.target.value })} />
          </Field>
        )}
      </div>
      <div className="row">
        {(['certFile', 'keyFile'] as const).map((which) => (
          <Field key={which} id={`receiver-${which}`} label={t(`receiver.${which}`)}>
            <div className="row">
              <input id={`receiver-${which}`} readOnly value={draft[which === 'certFile' ? 'certName' : 'keyName']} placeholder={t('receiver.noFile')} />
              <button
                type="button"
                onClick={() =>
                  void call('receiver:pickFile', { which }).then(
                    (r) => r.name && set(which === 'certFile' ? { certName: r.name } : { keyName: r.name }),
                    (err) => setError(errorMessage(err))
                  )
                }
              >
                {t('receiver.choose')}
              </button>
            </div>
          </Field>
        ))}
      </div>
      {(draft.certName || draft.keyName) && (
        <button
          type="button"
          className="link"
          onClick={() => {
            const { certName: _c, keyName: _k, ...settings } = draft
            void call('receiver:configure', { ...settings, host: '127.0.0.1', forgetTls: true }).then(
              () => {
                setDraft({ ...draft, host: '127.0.0.1', certName: '', keyName: '' })
                load()
              },
              (err) => setError(errorMessage(err))
            )
          }}
        >
          {t('receiver.forgetTls')}
        </button>
      )}
      <div className="actions">
        <button type="button" onClick={() => void save(draft)}>
          {t('receiver.save')}
        </button>
        <button
          type="button"
          onClick={() =>
            void call('receiver:generateSecret').then(
              (g) => {
                setSecret(g)
                load()
              },
              (err) => setError(errorMessage(err))
            )
          }
          data-testid="receiver-generate"
        >
          {t(state.hasSecret ? 'receiver.regenerate' : 'receiver.generate')}
        </button>
      </div>
      {secret && (
        <div className="alert alert-warning" data-testid="receiver-secret">
          <p>{t('receiver.secretOnce')}</p>
          <p className="mono">
            {secret.auth === 'basic' ? `${t('receiver.user')}: ${secret.user} · ` : 'X-API-KEY: '}
            <span data-testid="receiver-secret-value">{secret.secret}</span>
          </p>
          <button type="button" onClick={() => void call('clipboard:copy', { text: secret.secret })}>
            {t('receiver.copy')}
          </button>
          <button type="button" className="link" onClick={() => setSecret(null)}>
            {t('receiver.hide')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
