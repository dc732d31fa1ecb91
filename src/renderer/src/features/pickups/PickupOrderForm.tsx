import { useEffect, useMemo, useRef, useState } from 'react'
import { useForm, useWatch, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { localizedResolver } from '../../lib/localized-resolver'
import { useTranslation } from 'react-i18next'
import { pickupOrderFormSchema, pickupTypesFor, type PickupOptions, type PickupOrderForm as OrderForm, type PickupOrderFormValues } from '@shared/domain/pickup'
import type { Customer } from '@shared/domain/customers'
import type { DefaultSender } from '@shared/domain/settings'
import { countryCodes } from '@shared/domain/postal-code'
import { call, errorMessage } from '../../lib/ipc'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { formatAmount, formatDate, formatWeight } from '../../lib/format'
import { focusIfIdle } from '../../lib/focus'
import { useCtrlEnter } from '../../state/useScreenActions'
import { Field } from '../../components/Field'
import { placeName, usePostalCodeCity } from '../../components/usePostalCodeCity'
import { usePickupsStore } from './usePickupsStore'
import { osloDate as today } from '@shared/domain/oslo-calendar'
import { CustomerOptions } from '../../components/CustomerOptions'
import { ConfirmDialog } from '../../components/ConfirmDialog'

function initial(sender: DefaultSender, customerNumber: string): PickupOrderFormValues {
  return {
    clientRequestId: crypto.randomUUID(),
    customerNumber,
    type: 'PARCEL',
    countryCode: sender.countryCode || 'NO',
    companyName: sender.name ?? '',
    street: sender.addressLine ?? '',
    postalCode: sender.postalCode ?? '',
    city: sender.city ?? '',
    contactName: sender.contactName ?? '',
    email: sender.email ?? '',
    phoneNumber: sender.phoneNumber ?? '',
    pickupDate: '',
    coversShipmentIds: []
  }
}

interface Props {
  customers: Customer[]
  sender: DefaultSender
  live: boolean
}

/** Choose type and date from Bring's pickup options, fill counts (or take today's shipments), order. */
export function PickupOrderForm({ customers, sender, live }: Props) {
  const { t, i18n } = useTranslation()
  const { today: todays, load, replace } = usePickupsStore()
  const form = useForm<PickupOrderFormValues, unknown, OrderForm>({ resolver: localizedResolver(pickupOrderFormSchema), defaultValues: initial(sender, customers[0]?.customerNumber ?? '') })
  const { register, formState, setValue, control, setError, reset } = form
  const [type, countryCode, postalCode, customerNumber, covers] = useWatch({ control, name: ['type', 'countryCode', 'postalCode', 'customerNumber', 'coversShipmentIds'] })
  const [options, setOptions] = useState<PickupOptions | null>(null)
  const ordering = useAsyncAction()
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [confirming, setConfirming] = useState<OrderForm | null>(null)
  const types = pickupTypesFor(countryCode ?? 'NO')
  const orderable = types.filter((x) => x !== 'MAILBOX')
  const todayForCustomer = useMemo(() => todays.find((x) => x.customerNumber === customerNumber), [todays, customerNumber])

  useEffect(() => {
    if (orderable.length && !orderable.some((x) => x === type)) setValue('type', orderable[0])
  }, [orderable, type, setValue])

  // Bring's pickup dates for this address come by themselves (a harmless GET), the first one chosen.
  const formRef = useRef<HTMLFormElement>(null)
  const canAskDates = Boolean(customerNumber && type && postalCode && postalCode.trim().length >= 4)
  useEffect(() => {
    if (canAskDates) void findDates()
    // findDates reads the same watched values; re-run only when they change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canAskDates, type, countryCode, postalCode, customerNumber])

  // Shipments booked today and not yet covered: offer them first, unless the user is already busy.
  const todaysLink = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (todayForCustomer) focusIfIdle(todaysLink.current)
  }, [todayForCustomer])

  const findDates = async (): Promise<void> => {
    setMessage(null)
    setOptions(null)
    try {
      const res = await call('pickups:options', { type, countryCode: countryCode ?? 'NO', postalCode: postalCode ?? '', shippingDate: today(), numberOfAlternativePickupDates: 4, customerNumber })
      setOptions(res)
      if (res.options[0]) setValue('pickupDate', res.options[0].date, { shouldValidate: true })
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) })
    }
  }

  const takeToday = (): void => {
    if (!todayForCustomer) return
    const cargo = type === 'CARGO'
    const src = cargo ? todayForCustomer.cargo : todayForCustomer.parcels
    setValue('packagesCount', src.count)
    setValue('packagesWeightKg', src.weightKg)
    if (cargo) setValue('packagesVolumeLitres', todayForCustomer.cargo.volumeLitres)
    setValue('coversShipmentIds', todayForCustomer.shipmentIds)
    formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus()
  }

  const order = async (data: OrderForm, confirmLive?: boolean): Promise<void> => {
    if (live && !confirmLive) return setConfirming(data)
    setConfirming(null)
    setMessage(null)
    const p = await ordering.run(() => call('pickups:order', { form: data, confirmLive }))
    if (!p) {
      // Nothing was ordered: a corrected form is a new request.
      setValue('clientRequestId', crypto.randomUUID())
      return
    }
    replace(p)
    setMessage(p.status === 'ordered' ? { kind: 'ok', text: t('pickups.ordered', { number: p.shipmentNumber, date: formatDate(p.pickupDate, i18n.language) }) } : { kind: 'error', text: p.error?.message ?? '' })
    reset({ ...data, clientRequestId: crypto.randomUUID(), coversShipmentIds: [], packagesCount: undefined, packagesWeightKg: undefined, packagesVolumeLitres: undefined, palletsCount: undefined, palletsWeightKg: undefined, pickupDate: '' })
    setOptions(null)
    void load()
  }
  // Main's field errors go next to their inputs.
  useEffect(() => {
    for (const [f, m] of Object.entries(ordering.fieldErrors ?? ({} as Record<string, string[]>))) setError(f as FieldPath<PickupOrderFormValues>, { message: m[0] })
  }, [ordering.fieldErrors, setError])
  const busy = ordering.busy
  const shown = ordering.error ? { kind: 'error' as const, text: ordering.error } : message

  const submit = form.handleSubmit((d) => void order(d))
  useCtrlEnter(() => void submit())
  const e = formState.errors
  // The pickup address's city comes from its postal code, as in every address form.
  const postal = usePostalCodeCity({ postalCode: 'postalCode', countryCode: 'countryCode', city: 'city' }, form as unknown as UseFormReturn<FieldValues, unknown, unknown>)
  const input = (name: keyof PickupOrderFormValues, label: string, type = 'text') => (
    <Field id={`pickup-${name}`} label={label} error={(e[name] as { message?: string } | undefined)?.message} help={name === 'postalCode' ? placeName(postal.found) : undefined}>
      <input id={`pickup-${name}`} type={type} {...register(name)} />
    </Field>
  )

  return (
    <form ref={formRef} className="card" aria-label={t('pickups.order')} noValidate onSubmit={submit}>
      <h2>{t('pickups.order')}</h2>
      <div className="row">
        <Field id="pickup-customerNumber" label={t('quote.customer')} error={e.customerNumber?.message}>
          <select id="pickup-customerNumber" {...register('customerNumber')}>
            <CustomerOptions customers={customers} />
          </select>
        </Field>
        <Field id="pickup-countryCode" label={t('book.country')}>
          <select id="pickup-countryCode" {...register('countryCode')}>
            {countryCodes.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
        <Field id="pickup-type" label={t('pickups.type')} error={e.type?.message}>
          <select id="pickup-type" {...register('type')} disabled={orderable.length === 0}>
            {orderable.map((x) => (
              <option key={x} value={x}>
                {t(`pickups.types.${x}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {orderable.length === 0 && <p className="alert alert-warning">{t('pickups.noTypes', { country: countryCode })}</p>}
      {type === 'CARGO' && <p className="muted small" data-testid="cargo-rule">{t('pickups.cargoHint')}</p>}
      {types.includes('MAILBOX') && <p className="muted small">{t('pickups.mailboxHint')}</p>}
      <div className="row">
        {input('companyName', t('pickups.company'))}
        {input('street', t('pickups.street'))}
        {input('postalCode', t('book.postalCode'))}
        {input('city', t('book.city'))}
      </div>
      <div className="row">
        {input('contactName', t('book.contactName'))}
        {input('phoneNumber', t('book.phone'), 'tel')}
        {input('email', t('book.email'), 'email')}
        {input('message', t('pickups.messageToDriver'))}
      </div>

      <div className="actions">
        <button type="button" onClick={() => void findDates()}>
          {t('pickups.findDates')}
        </button>
      </div>
      {options && (
        <fieldset className="dates" data-testid="pickup-dates">
          <legend className="small-legend">{t('pickups.dates')}</legend>
          {options.options.map((o) => (
            <label key={o.date} className="radio">
              <input type="radio" value={o.date} {...register('pickupDate')} />
              {formatDate(o.date, i18n.language)} · {o.from.slice(0, 5)}–{o.to.slice(0, 5)}
            </label>
          ))}
          {options.price && <p className="muted small">{t('pickups.price', { amount: formatAmount(options.price.amountWithVAT, i18n.language) })}</p>}
        </fieldset>
      )}
      {e.pickupDate && <p className="error" role="alert">{e.pickupDate.message}</p>}

      {todayForCustomer && (covers?.length ?? 0) === 0 && (
        <div className="alert alert-info" data-testid="todays-shipments">
          {t('pickups.todayAvailable', { count: todayForCustomer.shipmentIds.length, packages: t('pickups.nPackages', { count: todayForCustomer.parcels.count + todayForCustomer.cargo.count }), weight: formatWeight(todayForCustomer.parcels.weightKg + todayForCustomer.cargo.weightKg, i18n.language) })}
          <button ref={todaysLink} type="button" className="link" onClick={takeToday}>
            {t('pickups.takeToday')}
          </button>
        </div>
      )}
      {(covers?.length ?? 0) > 0 && <p className="muted small" data-testid="covers">{t('pickups.covers', { count: covers?.length })}</p>}

      <div className="row">
        {input('packagesCount', t('pickups.packagesCount'))}
        {input('packagesWeightKg', t('pickups.packagesWeight'))}
        {type === 'CARGO' && input('packagesVolumeLitres', t('pickups.volumeLitres'))}
        {type !== 'CARGO' && input('palletsCount', t('pickups.palletsCount'))}
        {type !== 'CARGO' && input('palletsWeightKg', t('pickups.palletsWeight'))}
      </div>

      {confirming && (
        <ConfirmDialog
          title={t('pickups.liveConfirmTitle')}
          body={t('pickups.liveConfirm')}
          confirmLabel={t('pickups.liveConfirmButton')}
          onConfirm={() => void order(confirming, true)}
          onCancel={() => setConfirming(null)}
          testId="live-pickup-confirm"
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || orderable.length === 0}>
          {t('pickups.orderButton')}
        </button>
      </div>
      {shown && (
        <p className={shown.kind === 'ok' ? 'success' : 'error'} role={shown.kind === 'ok' ? 'status' : 'alert'} data-testid="pickup-order-result">
          {shown.text}
        </p>
      )}
    </form>
  )
}
