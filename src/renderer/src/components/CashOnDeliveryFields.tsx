import { useFormContext, useWatch, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { codAccountTypes, type CashOnDelivery } from '@shared/domain/booking'
import { Field } from './Field'

/** Amount, currency, account and KID of cash on delivery: the same fields in the quote and the booking form. */
export function CashOnDeliveryFields() {
  const { t } = useTranslation()
  const { register, formState, control } = useFormContext<{ cashOnDelivery?: CashOnDelivery }>()
  // Bring needs the kind of account for an amount in SEK (Bankgiro or Plusgiro).
  const sek = String(useWatch({ control, name: 'cashOnDelivery.currencyCode' }) ?? '').trim().toUpperCase() === 'SEK'
  const errors = formState.errors.cashOnDelivery as FieldErrors<CashOnDelivery> | undefined
  return (
    <fieldset className="cod" aria-label={t('book.cod.title')} data-testid="cod-fields">
      <span className="small-legend">{t('book.cod.title')}</span>
      <div className="row">
        <Field id="cod-amount" label={t('book.cod.amount')} error={errors?.amount?.message}>
          <input id="cod-amount" inputMode="decimal" {...register('cashOnDelivery.amount')} />
        </Field>
        <Field id="cod-currency" label={t('book.cod.currency')} error={errors?.currencyCode?.message}>
          <input id="cod-currency" maxLength={3} placeholder="NOK" {...register('cashOnDelivery.currencyCode')} />
        </Field>
        <Field id="cod-account" label={t('book.cod.account')} error={errors?.accountNumber?.message}>
          <input id="cod-account" inputMode="numeric" maxLength={20} {...register('cashOnDelivery.accountNumber')} />
        </Field>
 {sek && (
          <Field id="cod-accountType" label={t('book.cod.accountType')} error={errors?.accountType?.message}>
            <select id="cod-accountType" {...register('cashOnDelivery.accountType')}>
              <option value="">—</option>
              {codAccountTypes.map((a) => (
                <option key={a} value={a}>
                  {t(`book.cod.accountTypes.${a}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="cod-kid" label={t('book.cod.kid')} error={errors?.kid?.message}>
          <input id="cod-kid" inputMode="numeric" maxLength={25} {...register('cashOnDelivery.kid')} />
        </Field>
      </div>
    </fieldset>
  )
}
