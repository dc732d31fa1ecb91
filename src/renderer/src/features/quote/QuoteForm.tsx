import { useEffect, useMemo, useRef } from 'react'
import { FormProvider, useFieldArray, useForm, useWatch, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { localizedResolver } from '../../lib/localized-resolver'
import { useTranslation } from 'react-i18next'
import { quoteInputSchema, type QuoteFormValues, type QuoteInput } from '@shared/domain/quote'
import { countryCodes } from '@shared/domain/postal-code'
import type { Customer } from '@shared/domain/customers'
import { Field } from '../../components/Field'
import { usePostalCodeCity, placeName } from '../../components/usePostalCodeCity'
import { osloDate as today } from '@shared/domain/oslo-calendar'
import { focusFirstEmpty } from '../../lib/focus'
import { useCtrlEnter } from '../../state/useScreenActions'
import { ActionsHeader, RemoveRowButton } from '../../components/TableParts'
import { AdditionalServicesPicker } from '../../components/AdditionalServicesPicker'
import { CashOnDeliveryFields } from '../../components/CashOnDeliveryFields'
import { Disclosure } from '../../components/Disclosure'
import { CASH_ON_DELIVERY, servicesForProducts } from '@shared/catalogue/additional-services'

/** A new quote from the shop's own address (Settings) to wherever the parcel goes. */
export function emptyQuote(customers: Customer[], from: { postalCode?: string; countryCode?: string } = {}): QuoteFormValues {
  return {
    fromCountryCode: from.countryCode || 'NO',
    fromPostalCode: from.postalCode ?? '',
    toCountryCode: 'NO',
    toPostalCode: '',
    shippingDate: today(),
    packages: [{ weightKg: '' }],
    customerNumbers: customers.map((c) => c.customerNumber),
    numberOfAlternativeDeliveryDates: 0,
    additionalServices: []
  }
}

interface Props {
  initial: QuoteFormValues
  customers: Customer[]
  busy: boolean
  serverFieldErrors?: Record<string, string[]>
  onSubmit(input: QuoteInput): void
}

/** Keyboard-first: Enter quotes, Alt+N adds a package; every field checked before anything is sent. */
export function QuoteForm({ initial, customers, busy, serverFieldErrors, onSubmit }: Props) {
  const { t, i18n } = useTranslation()
  const form = useForm<QuoteFormValues, unknown, QuoteInput>({ resolver: localizedResolver(quoteInputSchema), defaultValues: initial })
  // Where the postal codes are, as Bring's register names them (the quote has no city field to fill).
  const methods = form as unknown as UseFormReturn<FieldValues, unknown, unknown>
  const fromPlace = usePostalCodeCity({ postalCode: 'fromPostalCode', countryCode: 'fromCountryCode' }, methods)
  const toPlace = usePostalCodeCity({ postalCode: 'toPostalCode', countryCode: 'toCountryCode' }, methods)
  const [chosenCustomers, chosenVas] = useWatch({ control: form.control, name: ['customerNumbers', 'additionalServices'] })
  // Services that at least one compared product can take; each says which products cannot.
  const compared = useMemo(() => [...new Set(customers.filter((c) => (chosenCustomers ?? []).includes(c.customerNumber)).flatMap((c) => c.products))], [customers, chosenCustomers])
  const services = useMemo(() => servicesForProducts(compared, i18n.language === 'nb' ? 'nb' : 'en'), [compared, i18n.language])
  const withCod = (chosenVas ?? []).includes(CASH_ON_DELIVERY)
  useEffect(() => {
    if (!withCod) form.unregister('cashOnDelivery')
  }, [withCod, form])
  const packages = useFieldArray({ control: form.control, name: 'packages' })
  const { errors } = form.formState
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => focusFirstEmpty(formRef.current, ['#fromPostalCode', '#toPostalCode', '[name="packages.0.weightKg"]'], 'button[type="submit"]'), [])
  useCtrlEnter(() => void form.handleSubmit(onSubmit)())

  useEffect(() => {
    for (const [field, messages] of Object.entries(serverFieldErrors ?? {})) form.setError(field as FieldPath<QuoteFormValues>, { message: messages[0] })
  }, [serverFieldErrors, form])

  const addPackage = (): void => packages.append({ weightKg: '' })
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.altKey && e.key.toLowerCase() === 'n') {
      e.preventDefault()
      addPackage()
    }
  }

  return (
    <FormProvider {...form}>
    <form ref={formRef} className="card quote-form" onSubmit={form.handleSubmit(onSubmit)} onKeyDown={onKeyDown} noValidate aria-label={t('quote.form')}>
      <div className="row">
        <Field id="fromCountryCode" label={t('quote.fromCountry')}>
          <select id="fromCountryCode" {...form.register('fromCountryCode')}>
            {countryCodes.map((c) => <option key={c}>{c}</option>)}
          </select>
        </Field>
        <Field id="fromPostalCode" label={t('quote.fromPostalCode')} error={errors.fromPostalCode?.message} help={placeName(fromPlace.found)}>
          <input id="fromPostalCode" type="text" inputMode="numeric" {...form.register('fromPostalCode')} aria-invalid={Boolean(errors.fromPostalCode)} />
        </Field>
        <Field id="toCountryCode" label={t('quote.toCountry')}>
          <select id="toCountryCode" {...form.register('toCountryCode')}>
            {countryCodes.map((c) => <option key={c}>{c}</option>)}
          </select>
        </Field>
        <Field id="toPostalCode" label={t('quote.toPostalCode')} error={errors.toPostalCode?.message} help={placeName(toPlace.found)}>
          <input id="toPostalCode" type="text" inputMode="numeric" {...form.register('toPostalCode')} aria-invalid={Boolean(errors.toPostalCode)} />
        </Field>
      </div>

      <table className="table packages" aria-label={t('quote.packages')}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('quote.weight')} (kg)</th>
            <th>{t('quote.length')} (cm)</th>
            <th>{t('quote.width')} (cm)</th>
            <th>{t('quote.height')} (cm)</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {packages.fields.map((f, i) => {
            const e = errors.packages?.[i]
            const cell = (name: 'weightKg' | 'lengthCm' | 'widthCm' | 'heightCm', label: string) => (
              <td>
                <input type="text" inputMode="decimal" aria-label={`${label} ${i + 1}`} {...form.register(`packages.${i}.${name}`)} aria-invalid={Boolean(e?.[name])} />
                {e?.[name] && <small className="error" role="alert">{e[name]?.message}</small>}
              </td>
            )
            return (
              <tr key={f.id}>
                <td>{i + 1}</td>
                {cell('weightKg', t('quote.weightKg'))}
                {cell('lengthCm', t('quote.lengthCm'))}
                {cell('widthCm', t('quote.widthCm'))}
                {cell('heightCm', t('quote.heightCm'))}
                <td>
                  {packages.fields.length > 1 && (
                    <RemoveRowButton onRemove={() => packages.remove(i)} label={t('quote.removePackage', { n: i + 1 })} />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {errors.packages?.message && <p className="error" role="alert">{errors.packages.message}</p>}
      <div className="row">
        <Field id="shippingDate" label={t('quote.shippingDate')} error={errors.shippingDate?.message}>
          <input id="shippingDate" type="date" {...form.register('shippingDate')} />
        </Field>
        <Field id="numberOfAlternativeDeliveryDates" label={t('quote.alternativeDates')} error={errors.numberOfAlternativeDeliveryDates?.message}>
          <select id="numberOfAlternativeDeliveryDates" {...form.register('numberOfAlternativeDeliveryDates')}>
            {[0, 1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field id="pickupPointId" label={t('quote.pickupPointId')} error={errors.pickupPointId?.message}>
          <input id="pickupPointId" type="text" {...form.register('pickupPointId')} />
        </Field>
      </div>

      <fieldset className="customers-choice">
        <legend className="small-legend">{t('quote.customerNumbers')}</legend>
        {customers.map((c) => (
          <label key={c.customerNumber} className="check inline">
            <input type="checkbox" value={c.customerNumber} {...form.register('customerNumbers')} />
            {c.customerNumber} · {c.name}
          </label>
        ))}
        {errors.customerNumbers && <p className="error" role="alert">{errors.customerNumbers.message}</p>}
      </fieldset>

      <Disclosure summary={t('quote.additionalServices', { count: (chosenVas ?? []).length })} forceOpen={'cashOnDelivery' in errors} testId="quote-vas">
        <AdditionalServicesPicker services={services} productsNote={(v) => ((v.products?.length ?? 0) < compared.length ? t('quote.vasOnlySome', { count: v.products?.length ?? 0 }) : undefined)} />
        {withCod && <CashOnDeliveryFields />}
      </Disclosure>

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('quote.quoting') : t('quote.getPrices')}
        </button>
        <button type="button" onClick={addPackage}>
          {t('quote.addPackage')} <kbd>Alt+N</kbd>
        </button>
      </div>
    </form>
    </FormProvider>
  )
}
