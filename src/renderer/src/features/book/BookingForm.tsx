import { useDeliveryAnnotations, YourDeliveryRecord } from '../../components/YourDeliveryRecord'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormProvider, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { localizedResolver } from '../../lib/localized-resolver'
import { useTranslation } from 'react-i18next'
import { bookingFormSchema, cargoProducts, type BookingForm as BookingFormData, type BookingFormValues } from '@shared/domain/booking'
import type { RecipientSuggestion } from '@shared/domain/address-book'
import { returnProductIds } from '@shared/catalogue/products'
import { additionalServicesWithPickup, CASH_ON_DELIVERY } from '@shared/catalogue/additional-services'
import { AdditionalServicesPicker } from '../../components/AdditionalServicesPicker'
import { CashOnDeliveryFields } from '../../components/CashOnDeliveryFields'
import type { Customer } from '@shared/domain/customers'
import type { Language } from '@shared/domain/settings'
import { Field } from '../../components/Field'
import { PartyFields } from '../../components/PartyFields'
import { RecipientNameField } from './RecipientNameField'
import { SaveRecipientButton } from './SaveRecipientButton'
import { SenderProfilePicker } from './SenderProfilePicker'
import { recipientValues } from './form-values'
import { PackagesFields } from './PackagesFields'
import { CustomsFields } from './CustomsFields'
import { ServiceDetailsFields } from './ServiceDetailsFields'
import { PickupPointPicker } from './PickupPointPicker'
import { CustomerOptions } from '../../components/CustomerOptions'
import { ProductOptions, bookableProducts } from '../../components/ProductOptions'
import { useCtrlEnter } from '../../state/useScreenActions'
import { formatDate } from '../../lib/format'
import { focusFirstEmpty, focusFirstInvalid } from '../../lib/focus'
import { Disclosure } from '../../components/Disclosure'

const customsProducts = new Set(['BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK'])

interface Props {
  initial: BookingFormValues
  customers: Customer[]
  busy: boolean
  serverFieldErrors?: Record<string, string[]>
  onSubmit(form: BookingFormData, saveSender: boolean): void
}

/** The booking form: validated with the very schema main uses; Ctrl+Enter books. */
export function BookingForm({ initial, customers, busy, serverFieldErrors, onSubmit }: Props) {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'nb' ? 'nb' : 'en') as Language
  const form = useForm<BookingFormValues & { saveSender?: boolean }, unknown, BookingFormData>({ resolver: localizedResolver(bookingFormSchema), defaultValues: initial, shouldFocusError: false })
  const { register, formState, control, setError, setValue, unregister } = form
  const [customerNumber, productId, senderCountry, recipientCountry, chosenVas] = useWatch({ control, name: ['customerNumber', 'productId', 'sender.countryCode', 'recipient.countryCode', 'additionalServices'] })

  const customer = customers.find((c) => c.customerNumber === customerNumber)
  const products = useMemo(() => bookableProducts(customer, lang), [customer, lang])
  const returns = products.filter((p) => returnProductIds.includes(p.id))
  const vas = useMemo(() => (productId ? additionalServicesWithPickup(productId, lang) : []), [productId, lang])
  const international = Boolean(senderCountry && recipientCountry && senderCountry.toUpperCase() !== recipientCountry.toUpperCase())
  const needsCustoms = international && (customsProducts.has(productId) || productId === 'CARGO_INTERNATIONAL')
  const withCod = (chosenVas ?? []).includes(CASH_ON_DELIVERY)
  useEffect(() => {
    if (!withCod) unregister('cashOnDelivery')
  }, [withCod, unregister])

  useEffect(() => {
    if (!needsCustoms) unregister('customs')
    else if (!form.getValues('customs')) setValue('customs', { natureOfTransaction: 'SALE_OF_GOODS', lines: [] })
  }, [needsCustoms, unregister, setValue, form])

  useEffect(() => {
    for (const [field, messages] of Object.entries(serverFieldErrors ?? {})) {
      if (field !== '_') setError(field as FieldPath<BookingFormValues>, { type: 'server', message: messages.join(' ') }, { shouldFocus: true })
    }
  }, [serverFieldErrors, setError])

  const submit = form.handleSubmit(
    (data) => onSubmit(data, Boolean(form.getValues('saveSender'))),
    () => focusFirstInvalid(formRef.current)
  )
  useCtrlEnter(() => void submit())

  // The common path first: service, recipient, packages, Book. A sender that comes complete from
  // Settings and the rarely changed options wait, folded, after the Book button.
  const [senderFolded] = useState(() => isCompleteParty(initial.sender))
  const formRef = useRef<HTMLFormElement>(null)
  // Who it goes to comes first: a known recipient brings its service and parcel along.
  const focusNext = (): void =>
    focusFirstEmpty(formRef.current, ['#recipient-name', '#customerNumber', '#productId', '#recipient-addressLine', '#recipient-postalCode', '#recipient-city', '[name="packages.0.weightInKg"]'], 'button[type="submit"]')
  useEffect(focusNext, [])

  /** A suggestion fills the whole recipient and, where remembered, customer number, service and parcel. */
  const fillRecipient = (s: RecipientSuggestion): void => {
    const opts = { shouldDirty: true, shouldValidate: formState.isSubmitted }
    const values = recipientValues(form.getValues(), s, customers.map((c) => c.customerNumber))
    for (const [key, value] of Object.entries(values)) setValue(key as keyof BookingFormValues, value as never, opts)
    requestAnimationFrame(focusNext)
  }
  const optionErrors = ['shippingDate', 'shippingTime', 'additionalServices', 'serviceDetails', 'cashOnDelivery', 'returnProductId', 'pickupPointId', 'orderReference'].some((f) => f in formState.errors)
  const errors = formState.errors

  const senderFields = (
    <div>
      <PartyFields prefix="sender">
        <SenderProfilePicker />
      </PartyFields>
      <label className="check">
        <input type="checkbox" {...register('saveSender')} /> {t('book.saveSender')}
      </label>
    </div>
  )
  const shippingDate = useWatch({ control, name: 'shippingDate' })
  const shippingDateLabel = formatDate(shippingDate, lang)

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        className="booking-form"
        onSubmit={submit}
        noValidate
        aria-label={t('book.title')}
      >
        <fieldset className="card">
          <legend>{t('book.service')}</legend>
          <div className="row">
            <Field id="customerNumber" label={t('quote.customer')} error={errors.customerNumber?.message}>
              <select id="customerNumber" {...register('customerNumber')}>
                <option value="">—</option>
                <CustomerOptions customers={customers} />
              </select>
            </Field>
            <Field id="productId" label={t('book.product')} error={errors.productId?.message}>
              <select id="productId" {...register('productId')}>
                <ProductOptions products={products} />
              </select>
            </Field>
          </div>
        </fieldset>
        {errors.productId === undefined && productId && cargoProducts.has(productId) && <p className="muted small">{t('book.cargoHint')}</p>}
        <ChosenServiceRecord productId={productId} />

        <div className={senderFolded ? undefined : 'two-col'}>
          {!senderFolded && senderFields}
          {/* Its tool under the card, as the sender's: above it, it pushed the recipient's fields below the sender's. */}
          <div>
            <PartyFields prefix="recipient" nameField={<RecipientNameField onPick={fillRecipient} />} />
            <SaveRecipientButton />
          </div>
        </div>
        <PackagesFields cargo={cargoProducts.has(productId)} />
        <PickupPointPicker />
        {needsCustoms && <CustomsFields needsIncoterm={productId === 'CARGO_INTERNATIONAL'} />}
        {errors.customs?.message && !needsCustoms && <p className="error">{errors.customs.message}</p>}

        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('book.booking') : t('book.submit')} <kbd>Ctrl+Enter</kbd>
          </button>
        </div>
        <Disclosure summary={t('book.moreOptions', { date: shippingDateLabel })} forceOpen={optionErrors} testId="booking-options">
          <div className="row">
              <Field id="shippingDate" label={t('quote.shippingDate')} error={errors.shippingDate?.message}>
                <input id="shippingDate" type="date" {...register('shippingDate')} />
              </Field>
              <Field id="shippingTime" label={t('book.shippingTime')} error={errors.shippingTime?.message}>
                <input id="shippingTime" type="time" {...register('shippingTime')} />
              </Field>
          </div>
          {vas.length > 0 && <AdditionalServicesPicker services={vas} />}
          {errors.additionalServices?.message && (
            <p className="error" role="alert">
              {errors.additionalServices.message}
            </p>
          )}
          {withCod && <CashOnDeliveryFields />}
          <ServiceDetailsFields />
          <div className="row">
            {returns.length > 0 && (
              <Field id="returnProductId" label={t('book.returnProduct')} error={errors.returnProductId?.message}>
                <select id="returnProductId" {...register('returnProductId')}>
                  <option value="">{t('book.noReturn')}</option>
                  {returns.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field id="orderReference" label={t('book.orderReference')} error={errors.orderReference?.message}>
              <input id="orderReference" {...register('orderReference')} />
            </Field>
          </div>
        </Disclosure>
        {senderFolded && (
          <Disclosure summary={t('book.senderSummary', { sender: partySummary(initial.sender) })} forceOpen={'sender' in formState.errors} testId="booking-sender">
            {senderFields}
          </Disclosure>
        )}
      </form>
    </FormProvider>
  )
}

const isCompleteParty = (p: BookingFormValues['sender']): boolean => Boolean(p.name && p.addressLine && p.postalCode && p.city && p.countryCode)
const partySummary = (p: BookingFormValues['sender']): string => `${p.name}, ${p.addressLine}, ${p.postalCode} ${p.city}`

/** This shop's own record for the chosen service to the recipient's area (nothing where the history is thin). */
function ChosenServiceRecord({ productId }: { productId: string }) {
  const [postalCode, countryCode] = useWatch<BookingFormValues>({ name: ['recipient.postalCode', 'recipient.countryCode'] }) as [string | undefined, string | undefined]
  const annotations = useDeliveryAnnotations(productId ? [productId] : [], postalCode && postalCode.length >= 4 ? postalCode : '', countryCode)
  return <YourDeliveryRecord annotation={annotations[productId]} />
}
