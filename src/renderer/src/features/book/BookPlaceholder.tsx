import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/ipc'
import type { BookingDraft } from '@shared/domain/drafts'
import { Placeholder } from '../../components/Placeholder'

/** Until the booking issue lands: says so, and shows the draft a quote's "Book this" stored. */
export function BookPlaceholder() {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<BookingDraft | null>(null)
  useEffect(() => {
    void call('drafts:bookingGet').then(setDraft, () => setDraft(null))
  }, [])
  return (
    <>
      <Placeholder screen="book" issue={6} />
      {draft && (
        <div className="card draft" data-testid="booking-draft">
          <h2>{t('book.draftTitle')}</h2>
          <p>
            {t('book.draftBody', {
              product: `${draft.productName} (${draft.productId})`,
              customer: draft.customerNumber,
              from: `${draft.quote.fromCountryCode}-${draft.quote.fromPostalCode}`,
              to: `${draft.quote.toCountryCode}-${draft.quote.toPostalCode}`,
              count: draft.quote.packages.length,
              date: draft.quote.shippingDate
            })}
          </p>
        </div>
      )}
    </>
  )
}
