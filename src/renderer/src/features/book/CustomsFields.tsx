import { useEffect, useState } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { incotermRules, natureOfTransaction, type BookingFormValues } from '@shared/domain/booking'
import { Field } from '../../components/Field'
import { ActionsHeader, RemoveRowButton } from '../../components/TableParts'
import { PartyFields } from '../../components/PartyFields'

/** Customs declaration (parcels from Norway abroad) and incoterm (Cargo International). */
export function CustomsFields({ needsIncoterm }: { needsIncoterm: boolean }) {
  const { t } = useTranslation()
  const { register, control, formState, getValues, setValue, unregister } = useFormContext<BookingFormValues>()
  const lines = useFieldArray({ control, name: 'customs.lines' })
  // The importer is the recipient unless the user says otherwise; then it starts as a copy to edit.
  const [importerDiffers, setImporterDiffers] = useState(() => Boolean(getValues('importer')))
  useEffect(() => {
    if (!importerDiffers) unregister('importer')
    else if (!getValues('importer')) setValue('importer', { ...getValues('recipient'), vatNumber: '' })
  }, [importerDiffers, getValues, setValue, unregister])
  const errors = formState.errors
  const cols = ['goodsDescription', 'quantity', 'itemNetWeightInKg', 'tarriffLineAmount', 'currency', 'countryOfOrigin', 'customsArticleNumber'] as const
  return (
    <fieldset className="card" aria-label={t('book.customs')}>
      <legend>{t('book.customs')}</legend>
      {needsIncoterm && (
        <Field id="incotermRule" label={t('book.incoterm')} error={errors.incotermRule?.message}>
          <select id="incotermRule" {...register('incotermRule')}>
            <option value="">—</option>
            {incotermRules.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Field>
      )}
      <Field id="natureOfTransaction" label={t('book.natureOfTransaction')}>
        <select id="natureOfTransaction" {...register('customs.natureOfTransaction')}>
          {natureOfTransaction.map((n) => (
            <option key={n} value={n}>
              {t(`book.nature.${n}`)}
            </option>
          ))}
        </select>
      </Field>
      <table className="table packages">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c}>{t(`book.customsCol.${c}`)}</th>
            ))}
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {lines.fields.map((f, i) => (
            <tr key={f.id}>
              {cols.map((c) => {
                const e = errors.customs?.lines?.[i]?.[c]
                return (
                  <td key={c}>
                    <input aria-label={`${t(`book.customsCol.${c}`)} ${i + 1}`} {...register(`customs.lines.${i}.${c}`)} aria-invalid={Boolean(e)} />
                    {e && <small className="error">{e.message}</small>}
                  </td>
                )
              })}
              <td>
                <RemoveRowButton onRemove={() => lines.remove(i)} label={t('quote.removeLine', { n: i + 1 })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(errors.customs?.message || errors.customs?.lines?.message) && <p className="error" role="alert">{errors.customs?.message ?? errors.customs?.lines?.message}</p>}
      <button type="button" onClick={() => lines.append({ goodsDescription: '', quantity: 1, itemNetWeightInKg: '', tarriffLineAmount: '', currency: 'NOK', countryOfOrigin: 'NO' })}>
        {t('book.addCustomsLine')}
      </button>
      <Field id="customs-iossNumber" label={t('book.iossNumber')} help={t('book.iossHelp')} error={errors.customs?.iossNumber?.message}>
        <input id="customs-iossNumber" maxLength={12} {...register('customs.iossNumber')} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={importerDiffers} onChange={(e) => setImporterDiffers(e.target.checked)} /> {t('book.importerDiffers')}
      </label>
      {importerDiffers && <PartyFields prefix="importer" legend={t('book.importer')} />}
      <div className={errors.customs?.consent ? 'field has-error' : 'field'}>
        <label className="check">
          <input type="checkbox" {...register('customs.consent')} aria-invalid={Boolean(errors.customs?.consent)} aria-describedby={errors.customs?.consent ? 'customs-consent-error' : undefined} data-testid="customs-consent" />{' '}
          {t('book.customsConsent')}
        </label>
        {errors.customs?.consent && (
          <small className="error" id="customs-consent-error" role="alert">
            {errors.customs.consent.message}
          </small>
        )}
      </div>
    </fieldset>
  )
}
