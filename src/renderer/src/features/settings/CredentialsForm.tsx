import { useForm } from 'react-hook-form'
import { localizedResolver } from '../../lib/localized-resolver'
import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import type { z } from 'zod'
import { saveCredentialsSchema, type SaveCredentials } from '@shared/domain/credentials'
import { Field } from '../../components/Field'
import { IpcError, errorMessage } from '../../lib/ipc'
import { useSettingsStore } from '../../state/useSettingsStore'

type FormInput = z.input<typeof saveCredentialsSchema>

/** API user + write-only key. The key field always starts empty: the stored key is never read back. */
export function CredentialsForm() {
  const { t } = useTranslation()
  const credentials = useSettingsStore((s) => s.credentials)
  const save = useSettingsStore((s) => s.saveCredentials)
  const clear = useSettingsStore((s) => s.clearCredentials)
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const keychainMissing = credentials !== null && !credentials.keychainAvailable
  const form = useForm<FormInput, unknown, SaveCredentials>({
    resolver: localizedResolver(saveCredentialsSchema),
    values: { apiUid: credentials?.apiUid ?? '', apiKey: '', sessionOnly: keychainMissing },
    resetOptions: { keepDirtyValues: true }
  })
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async (input) => {
    setStatus(null)
    try {
      await save(input)
      form.resetField('apiKey', { defaultValue: '' })
      setStatus({ kind: 'ok', text: t('settings.savedCredentials') })
    } catch (err) {
      if (err instanceof IpcError && err.fieldErrors) {
        for (const [field, messages] of Object.entries(err.fieldErrors)) form.setError(field as keyof FormInput, { message: messages[0] })
      }
      setStatus({ kind: 'error', text: errorMessage(err) })
    }
  })

  const keyState = !credentials?.hasKey ? t('settings.apiKeyNone') : credentials.sessionOnly ? t('settings.apiKeySessionOnly') : t('settings.apiKeyStored')

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('settings.connection')}>
      {keychainMissing && (
        <div className="alert alert-warning" role="status" data-testid="keychain-unavailable">
          {t('settings.keychainUnavailable')}
        </div>
      )}
      <Field id="apiUid" label={t('settings.apiUid')} help={t('settings.apiUidHelp')} error={errors.apiUid?.message}>
        <input id="apiUid" type="email" autoComplete="username" data-autofocus={credentials?.apiUid ? undefined : true} {...form.register('apiUid')} aria-invalid={Boolean(errors.apiUid)} />
      </Field>
      <Field id="apiKey" label={t('settings.apiKey')} help={`${t('settings.apiKeyHelp')} ${keyState}`} error={errors.apiKey?.message}>
        <input id="apiKey" type="password" autoComplete="off" spellCheck={false} {...form.register('apiKey')} aria-invalid={Boolean(errors.apiKey)} />
      </Field>
      <label className="check">
        <input type="checkbox" {...form.register('sessionOnly')} disabled={keychainMissing} />
        {t('settings.sessionOnly')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t('settings.saveCredentials')}
        </button>
        {credentials?.hasKey && (
          <button type="button" onClick={() => void clear().then(() => setStatus(null), (e) => setStatus({ kind: 'error', text: errorMessage(e) }))}>
            {t('settings.clearCredentials')}
          </button>
        )}
      </div>
      {status && (
        <p className={status.kind === 'ok' ? 'success' : 'error'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="credentials-status">
          {status.text}
        </p>
      )}
    </form>
  )
}
