import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ChannelOutput } from '@shared/ipc/contract'
import { sharedDatabaseFormSchema, type SharedDatabaseForm } from '@shared/domain/shared-database'
import { localizedResolver } from '../../lib/localized-resolver'
import { Field } from '../../components/Field'
import { IpcError, call, errorMessage } from '../../lib/ipc'
import { useActionStatus } from '../../lib/useActionStatus'
import { formatNumber } from '../../lib/format'
import { ConfirmDialog } from '../../components/ConfirmDialog'

type FormInput = z.input<typeof sharedDatabaseFormSchema>
type State = ChannelOutput<'sharedDb:get'>

/**
 * Team mode: several desks share one history in a PostgreSQL database. Tested before it is saved;
 * the password goes to the keychain; the switch happens at the next start.
 */
export function SharedDatabaseSettings() {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State | null>(null)
  const [confirmLeave, setConfirmLeave] = useState(false)
  // The CA file by name: main keeps the file it chose in its own picker.
  const [caName, setCaName] = useState<string | null>(null)
  const { run, Status, fail } = useActionStatus()
  useEffect(() => void call('sharedDb:get').then(setState, (err) => fail(errorMessage(err))), [fail])
  const form = useForm<FormInput, unknown, SharedDatabaseForm>({
    resolver: localizedResolver(sharedDatabaseFormSchema),
    values: state ? { url: state.config.url, password: '', tls: state.config.tls, ca: 'keep', deskName: state.config.deskName } : undefined,
    resetOptions: { keepDirtyValues: true }
  })
  const { errors, isSubmitting } = form.formState
  // Main's answer lands on the field it is about (the address, mostly).
  const placeErrors = (err: unknown): never => {
    if (err instanceof IpcError && err.fieldErrors) for (const [field, messages] of Object.entries(err.fieldErrors)) form.setError(field as keyof FormInput, { message: messages[0] })
    throw err
  }
  const test = form.handleSubmit((input) => run(async () => t('sharedDb.tested', { version: (await call('sharedDb:test', input).catch(placeErrors)).serverVersion })))
  const save = form.handleSubmit((input) => run(async () => (await call('sharedDb:save', input).catch(placeErrors), t('sharedDb.saved'))))
  const copy = (): Promise<void> =>
    run(async () => {
      const r = await call('sharedDb:copyHistory')
      const n = (x: number): string => formatNumber(x, i18n.language)
      return t('sharedDb.copied', { copied: n(r.copied), already: n(r.alreadyThere), entries: n(r.addressBook.copied), entriesAlready: n(r.addressBook.alreadyThere) })
    })
  if (!state) return <Status />
  const status = state.status
  return (
    <form onSubmit={save} noValidate aria-label={t('sharedDb.title')} data-testid="shared-db-settings">
      <p className="muted small">{t('sharedDb.help')}</p>
      <p role="status" className={status && !status.connected ? 'error small' : 'muted small'} data-testid="shared-db-status">
        {!state.active ? t('sharedDb.local') : status?.connected ? t('sharedDb.connected', { version: status.serverVersion, desk: state.deskName }) : t('sharedDb.unreachable', { problem: status?.problem ?? '' })}
      </p>
      <Field id="sharedDb-url" label={t('sharedDb.url')} error={errors.url?.message} help={t('sharedDb.urlHelp')}>
        <input id="sharedDb-url" {...form.register('url')} placeholder="postgres://fraktdesk@server:5432/fraktdesk" spellCheck={false} autoComplete="off" />
      </Field>
      <div className="row">
        <Field id="sharedDb-password" label={t('sharedDb.password')} error={errors.password?.message} help={state.hasPassword ? t('sharedDb.passwordKept') : undefined}>
          <input id="sharedDb-password" type="password" autoComplete="new-password" {...form.register('password')} />
        </Field>
        <Field id="sharedDb-deskName" label={t('sharedDb.deskName')} error={errors.deskName?.message} help={t('sharedDb.deskNameHelp', { name: state.defaultDeskName })}>
          <input id="sharedDb-deskName" maxLength={40} {...form.register('deskName')} />
        </Field>
      </div>
      <label className="check">
        <input type="checkbox" {...form.register('tls')} /> {t('sharedDb.tls')}
      </label>
      <Field id="sharedDb-caFile" label={t('sharedDb.caFile')} error={errors.ca?.message}>
        <div className="row">
          <input id="sharedDb-caFile" readOnly value={caName ?? state.config.caName} placeholder={t('sharedDb.noCaFile')} />
          <button
            type="button"
            onClick={() =>
              void call('sharedDb:pickCaFile').then(
                (r) => {
                  if (!r.name) return
                  setCaName(r.name)
                  form.setValue('ca', 'chosen', { shouldDirty: true })
                },
                (err) => form.setError('ca', { message: errorMessage(err) })
              )
            }
          >
            {t('sharedDb.chooseCa')}
          </button>
        </div>
      </Field>
      <div className="actions">
        <button type="button" disabled={isSubmitting} onClick={() => void test()}>
          {t('sharedDb.test')}
        </button>
        <button type="submit" disabled={isSubmitting}>
          {t('sharedDb.save')}
        </button>
        {state.active && (
          <>
            <button type="button" onClick={() => void copy()}>
              {t('sharedDb.copy')}
            </button>
            <button type="button" className="link" onClick={() => setConfirmLeave(true)}>
              {t('sharedDb.leave')}
            </button>
          </>
        )}
      </div>
      <Status />
      {confirmLeave && (
        <ConfirmDialog
          title={t('sharedDb.leaveTitle')}
          body={t('sharedDb.leaveBody')}
          confirmLabel={t('sharedDb.leaveConfirm')}
          onConfirm={() => {
            setConfirmLeave(false)
            void run(async () => (await call('sharedDb:leave'), t('sharedDb.left')))
          }}
          onCancel={() => setConfirmLeave(false)}
          testId="shared-db-leave"
        />
      )}
    </form>
  )
}
