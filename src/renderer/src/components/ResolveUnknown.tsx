import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The one way out of "outcome unknown", wherever the shipment is shown (its card in Shipments, its
 * row in a batch): after checking Mybring, mark it booked with the number found there, or say it was
 * not booked and send it again now (one step), or only say it was not booked (it then waits to be
 * sent: a batch's "Book all" counts it). Leaving it is also a choice: nothing happens by itself.
 * A live shipment sent again asks a second, explicit click. Data in, callbacks out.
 */
export function ResolveUnknown({ live, busy, idPrefix, onMarkBooked, onSendAgainNow, onNotBooked }: {
  live: boolean
  busy: boolean
  /** Keeps the input's id unique when several are on screen (a batch's unknown rows). */
  idPrefix: string
  onMarkBooked(consignmentNumber: string): void
  onSendAgainNow(confirmLive: boolean): void
  onNotBooked(): void
}) {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [confirmLive, setConfirmLive] = useState(false)
  return (
    <div className="row wrap resolve-unknown" data-testid="resolve-unknown">
      <label className="sr-only" htmlFor={`${idPrefix}-consignment`}>
        {t('shipments.consignmentFromMybring')}
      </label>
      <input
        id={`${idPrefix}-consignment`}
        placeholder={t('shipments.consignmentFromMybring')}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && number.trim()) {
            e.preventDefault()
            onMarkBooked(number.trim())
          }
        }}
      />
      <button type="button" disabled={busy} onClick={() => onMarkBooked(number.trim())}>
        {t('shipments.markBooked')}
      </button>
      {live && !confirmLive ? (
        <button type="button" disabled={busy} onClick={() => setConfirmLive(true)}>
          {t('shipments.notBookedSendNow')}
        </button>
      ) : (
        <button type="button" className={live ? 'danger' : undefined} disabled={busy} onClick={() => onSendAgainNow(live)}>
          {live ? t('book.liveConfirmButton') : t('shipments.notBookedSendNow')}
        </button>
      )}
      <button type="button" className="link" disabled={busy} onClick={onNotBooked}>
        {t('shipments.notBookedLater')}
      </button>
    </div>
  )
}
