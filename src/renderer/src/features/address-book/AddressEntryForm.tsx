import { useEffect, useRef, useState } from 'react'
import { FormProvider, useForm, type FieldPath } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { addressEntryInputSchema, type AddressEntry, type AddressEntryData, type AddressEntryInput, type AddressKind } from '@shared/domain/address-book'
import type { Customer } from '@shared/domain/customers'
import { localizedResolver } from '../../lib/localized-resolver'
import { IpcError, errorMessage } from '../../lib/ipc'
import { focusFirstEmpty } from '../../lib/focus'
import { useCtrlEnter } from '../../state/useScreenActions'
import { Field } from '../../components/Field'
import { PartyFields } from '../../components/PartyFields'
import { CustomerOptions } from '../../components/CustomerOptions'
import { ProductOptions, bookableProducts } from '../../components/ProductOptions'
import { ConfirmDialog } from '../../components/ConfirmDialog'

const blankParty = { name: '', addressLine: '', addressLine2: '', postalCode: '', city: '', countryCode: 'NO', reference: '', additionalAddressInfo: '', contact: { name: '', email: '', phoneNumber: '' } }

function formValues(entry: AddressEntry | null, kind: AddressKind): AddressEntryInput {
  if (!entry) return { kind, party: blankParty, preferred: { customerNumber: '', productId: '' }, notes: '', isDefault: false }
  const p = entry.party
  return {
    kind: entry.kind,
    party: { ...blankParty, ...p, addressLine2: p.addressLine2 ?? '', reference: p.reference ?? '', additionalAddressInfo: p.additionalAddressInfo ?? '', contact: { name: p.contact.name ?? '', email: p.contact.email ?? '', phoneNumber: p.contact.phoneNumber ?? '' } },
    preferred: { customerNumber: entry.preferred.customerNumber ?? '', productId: entry.preferred.productId ?? '', packages: entry.preferred.packages },
    notes: entry.notes ?? '',
    isDefault: entry.isDefault
  }
}

interface Props {
  entry: AddressEntry | null
  kind: AddressKind
  customers: Customer[]
  onSave(entry: AddressEntryData, id?: string): Promise<unknown>
  onDelete(id: string): void
  onClose(): void
  /** "Book to this recipient": the Book screen with this entry, its service and parcel filled (saved recipients). */
  onBook?(entry: AddressEntry): void
}

/** Create or edit one entry with the booking schema's limits; Ctrl+Enter saves. */
export function AddressEntryForm({ entry, kind, customers, onSave, onDelete, onClose, onBook }: Props) {
  const { t, i18n } = useTranslation()
  const form = useForm<AddressEntryInput, unknown, AddressEntryData>({ resolver: localizedResolver(addressEntryInputSchema), defaultValues: formValues(entry, kind) })
  const { register, formState, setError, watch } = form
  const [error, setFormError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const ref = useRef<HTMLFormElement>(null)
  const customerNumber = watch('preferred.customerNumber')
  const customer = customers.find((c) => c.customerNumber === customerNumber)
  const products = bookableProducts(customer, i18n.language)

  useEffect(() => focusFirstEmpty(ref.current, ['#party-name', '#party-addressLine', '#party-postalCode', '#party-city'], '#party-name'), [])

  const submit = form.handleSubmit(async (data) => {
    setFormError(null)
    setSaved(false)
    try {
      await onSave(data, entry?.id)
      setSaved(true)
    } catch (err) {
      setFormError(errorMessage(err))
      if (err instanceof IpcError) for (const [field, messages] of Object.entries(err.fieldErrors ?? {})) if (field !== '_' && field !== 'id') setError(field.replace(/^entry\./, '') as FieldPath<AddressEntryInput>, { message: messages.join(' ') })
    }
  })
  useCtrlEnter(() => void submit())

  return (
    <FormProvider {...form}>
      <form
        ref={ref}
        className="address-entry"
        onSubmit={submit}
        noValidate
        aria-label={t(entry ? 'addressBook.editTitle' : 'addressBook.newTitle')}
        data-testid="address-entry-form"
        onKeyDown={(e) => {
          // Esc closes the entry (a suggestion list or dialog inside takes its own Esc first).
          if (e.key === 'Escape' && !e.defaultPrevented && !confirmDelete) {
            e.preventDefault()
            onClose()
          }
        }}
      >
        <PartyFields prefix="party" legend={t(entry ? 'addressBook.editTitle' : 'addressBook.newTitle')} />
        <fieldset className="card">
          <legend>{t(kind === 'sender' ? 'addressBook.senderOptions' : 'addressBook.preferred')}</legend>
          {kind === 'recipient' ? (
            <div className="row">
              <Field id="preferred-customer" label={t('quote.customer')} error={formState.errors.preferred?.customerNumber?.message}>
                <select id="preferred-customer" {...register('preferred.customerNumber')}>
                  <option value="">—</option>
                  <CustomerOptions customers={customers} />
                </select>
              </Field>
              <Field id="preferred-product" label={t('book.product')} error={formState.errors.preferred?.productId?.message}>
                <select id="preferred-product" {...register('preferred.productId')}>
                <ProductOptions products={products} />
                </select>
              </Field>
            </div>
          ) : (
            <label className="check">
              <input type="checkbox" {...register('isDefault')} /> {t('addressBook.defaultSender')}
            </label>
          )}
          <Field id="entry-notes" label={t('addressBook.notes')} error={formState.errors.notes?.message}>
            <textarea id="entry-notes" rows={2} {...register('notes')} />
          </Field>
        </fieldset>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        {saved && !formState.isDirty && (
          <p className="muted" role="status">
            {t('addressBook.saved')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {t('addressBook.save')} <kbd>Ctrl+Enter</kbd>
          </button>
          {entry && entry.kind === 'recipient' && onBook && (
            <button type="button" onClick={() => onBook(entry)} data-testid="address-book-this">
              {t('addressBook.bookTo')} <kbd>Ctrl+B</kbd>
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('addressBook.close')}
          </button>
          {entry && (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('addressBook.delete')}
            </button>
          )}
        </div>
        {confirmDelete && entry && (
          <ConfirmDialog
            title={t('addressBook.deleteTitle')}
            body={t('addressBook.deleteBody', { name: entry.party.name })}
            confirmLabel={t('addressBook.delete')}
            onConfirm={() => {
              setConfirmDelete(false)
              onDelete(entry.id)
            }}
            onCancel={() => setConfirmDelete(false)}
            testId="address-delete-confirm"
          />
        )}
      </form>
    </FormProvider>
  )
}
