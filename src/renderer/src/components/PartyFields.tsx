import type { KeyboardEvent, ReactNode } from 'react'
import { useFormContext, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { limits, type Party } from '@shared/domain/booking'
import { countryCodes } from '@shared/domain/postal-code'
import { Field } from './Field'
import { usePostalCodeCity } from './usePostalCodeCity'
import { BringsCityOffer, takeBringsCityOnArrowDown } from './BringsCityOffer'

/** Where the party sits in its form: a booking's sender or recipient, an address-book entry's party. */
type Prefix = 'sender' | 'recipient' | 'party' | 'importer'
/** Every text field of a party, as a form path under its prefix. */
type PartyText = 'name' | 'addressLine' | 'addressLine2' | 'postalCode' | 'city' | 'reference' | 'additionalAddressInfo' | 'vatNumber' | 'contact.name' | 'contact.phoneNumber' | 'contact.email'

/**
 * Name, address, contact and reference of one party, with Bring's limits shown as maxLength too.
 * `nameField` replaces the plain name input (the booking form's recipient autocomplete); `legend`
 * and `children` let a form add its own title and tools.
 */
export function PartyFields({ prefix, legend, nameField, children }: { prefix: Prefix; legend?: string; nameField?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation()
  const { register, formState } = useFormContext<Record<Prefix, Party>>()
  const errors = formState.errors[prefix] as FieldErrors<Party> | undefined
  const id = (f: string) => `${prefix}-${f}`
  const postal = usePostalCodeCity({ postalCode: `${prefix}.postalCode`, countryCode: `${prefix}.countryCode`, city: `${prefix}.city` })
  const input = (name: PartyText, label: string, error: string | undefined, opts: { max?: number; type?: string; autoComplete?: string; help?: string; action?: ReactNode; onKeyDown?(e: KeyboardEvent<HTMLInputElement>): void } = {}) => (
    <Field id={id(name)} label={label} error={error} help={opts.help} action={opts.action}>
      <input id={id(name)} type={opts.type ?? 'text'} autoComplete={opts.autoComplete ?? 'off'} {...register(`${prefix}.${name}`)} aria-invalid={Boolean(error)} data-max={opts.max} onKeyDown={opts.onKeyDown} />
    </Field>
  )
  const title = legend ?? t(`book.${prefix === 'party' ? 'recipient' : prefix}`)
  const withInstructions = prefix === 'recipient' || prefix === 'party'
  return (
    <fieldset className="card party" aria-label={title}>
      <legend>{title}</legend>
      {children}
      {/* The common path first (name, street, postal code, city), the rarely needed after it. */}
      {nameField ?? input('name', t('book.name'), errors?.name?.message, { max: limits.name })}
      {input('addressLine', t('book.addressLine'), errors?.addressLine?.message, { max: limits.addressLine })}
      <div className="row">
        {input('postalCode', t('book.postalCode'), errors?.postalCode?.message, { help: postal.found ? [postal.found.municipality, postal.found.county].filter(Boolean).join(', ') : undefined })}
        {input('city', t('book.city'), errors?.city?.message, {
          max: limits.city,
          onKeyDown: takeBringsCityOnArrowDown(postal),
          action: <BringsCityOffer postal={postal} testId={`${prefix}-use-brings-city`} />
        })}
        <Field id={id('countryCode')} label={t('book.country')} error={errors?.countryCode?.message}>
          <select id={id('countryCode')} {...register(`${prefix}.countryCode`)}>
            {countryCodes.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="row">
        {input('contact.phoneNumber', t('book.phone'), errors?.contact?.phoneNumber?.message, { type: 'tel' })}
        {input('contact.email', t('book.email'), errors?.contact?.email?.message, { type: 'email', max: limits.email })}
      </div>
      <div className="row">
        {input('contact.name', t('book.contactName'), errors?.contact?.name?.message)}
        {input('reference', t('book.reference'), errors?.reference?.message, { max: limits.reference })}
      </div>
      {input('addressLine2', t('book.addressLine2'), errors?.addressLine2?.message, { max: limits.addressLine })}
      {prefix === 'importer' && input('vatNumber', t('book.vatNumber'), errors?.vatNumber?.message, { max: limits.vatNumber })}
      {withInstructions && input('additionalAddressInfo', t('book.deliveryInstructions'), errors?.additionalAddressInfo?.message, { max: limits.additionalAddressInfo })}
    </fieldset>
  )
}
