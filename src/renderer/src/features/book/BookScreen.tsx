import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BookingForm as BookingFormData, BookingFormValues, ShipmentDetail } from '@shared/domain/booking'
import { call } from '../../lib/ipc'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useSettingsStore } from '../../state/useSettingsStore'
import { useIntentsStore } from '../../state/useIntentsStore'
import { shipmentActions } from '../../state/shipment-actions'
import { ShipmentCard } from '../../components/ShipmentCard'
import { BookingForm } from './BookingForm'
import { emptyBooking, fromBookDraft, senderFromParty } from './form-values'
import { ConfirmDialog } from '../../components/ConfirmDialog'

export function BookScreen() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const updateSettings = useSettingsStore((s) => s.update)
  const customers = useCustomersStore((s) => s.list?.customers)
  const loadCustomers = useCustomersStore((s) => s.load)
  const takeBookDraft = useIntentsStore((s) => s.takeBookDraft)
  const [initial, setInitial] = useState<BookingFormValues | null>(null)
  const { busy, error, fieldErrors, run } = useAsyncAction()
  const [result, setResult] = useState<ShipmentDetail | null>(null)
  const [pendingLive, setPendingLive] = useState<{ form: BookingFormData; saveSender: boolean } | null>(null)
  const [formKey, setFormKey] = useState(0)

  useEffect(() => {
    if (!customers) void loadCustomers()
  }, [customers, loadCustomers])

  // Start from a "book this" draft (quote, history, …), else the quote draft main kept, else empty;
  // the sender is the default sender profile of the address book, else the one in Settings.
  useEffect(() => {
    if (!settings || initial) return
    const draft = takeBookDraft()
    void call('addressBook:defaultSender')
      .catch(() => null)
      .then(async (profile) => {
        const sender = profile ? senderFromParty(profile.party) : settings.defaultSender
        if (draft) return setInitial(fromBookDraft(draft, sender))
        const saved = await call('drafts:bookingGet').catch(() => null)
        setInitial(saved ? fromBookDraft({ source: 'quote', draft: saved }, sender) : emptyBooking(sender, settings.defaultCustomerNumber))
      })
  }, [settings, initial, takeBookDraft])

  // A second Enter or click while the first is on its way does nothing (useAsyncAction).
  const book = async (form: BookingFormData, saveSender: boolean, confirmLive?: boolean): Promise<void> => {
    if (busy) return
    if (settings?.mode === 'live' && !confirmLive) return setPendingLive({ form, saveSender })
    setPendingLive(null)
    await run(async () => {
      if (saveSender) {
        const p = form.sender
        await updateSettings({ defaultSender: { name: p.name, addressLine: p.addressLine, addressLine2: p.addressLine2, postalCode: p.postalCode, city: p.city, countryCode: p.countryCode, contactName: p.contact.name, phoneNumber: p.contact.phoneNumber, email: p.contact.email } })
      }
      const shipment = await call('booking:submit', { form, confirmLive })
      setResult(shipment)
      if (shipment.status === 'booked') await call('drafts:bookingSet', null)
    })
  }

  const another = (): void => {
    setResult(null)
    setInitial(emptyBooking(settings?.defaultSender ?? {}, settings?.defaultCustomerNumber))
    setFormKey((k) => k + 1)
  }

  return (
    <section className="screen book" data-testid="screen-book">
      <div className="screen-head">
        <h1>{t('book.title')}</h1>
        {result && (
          <button type="button" onClick={another}>
            {t('book.another')}
          </button>
        )}
      </div>
      {result ? (
        <ShipmentCard shipment={result} actions={shipmentActions} onChange={setResult} labelPrinter={settings?.printing.printer} printNow={Boolean(settings?.printing.printAfterBooking && settings.printing.printer && result.status === 'booked')} />
      ) : (
        <>
          {error && (
            <div className="alert alert-error" role="alert" data-testid="booking-error">
              {error}
              {fieldErrors?._ && <div>{fieldErrors._.join(' ')}</div>}
            </div>
          )}
          {pendingLive && (
            <ConfirmDialog
              title={t('book.liveConfirmTitle')}
              body={t('book.liveConfirm')}
              confirmLabel={t('book.liveConfirmButton')}
              onConfirm={() => void book(pendingLive.form, pendingLive.saveSender, true)}
              onCancel={() => setPendingLive(null)}
              testId="live-book-confirm"
            />
          )}
          {customers && initial && <BookingForm key={formKey} initial={initial} customers={customers} busy={busy} serverFieldErrors={fieldErrors} onSubmit={(f, s) => void book(f, s)} />}
        </>
      )}
    </section>
  )
}
