import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The words of the three choices; a shipment's by default, a pickup's from the Pickups screen. */
export interface ResolveWords {
  numberPlaceholder: string
  done: string
  sendNow: string
  later: string
  /** The number may be left empty (a pickup's number is not always shown in Mybring). */
  numberOptional?: boolean
}

/**
 * The one way out of "outcome unknown", wherever the shipment is shown (its card in Shipments, its
 * row in a batch): after checking Mybring, mark it booked with the number found there, or say it was
 * not booked and send it again now (one step), or only say it was not booked (it then waits to be
 * sent: a batch's "Book all" counts it). Leaving it is also a choice: nothing happens by itself.
 * A live shipment sent again asks a second, explicit click. Data in, callbacks out.
 */
export function ResolveUnknown({ live, busy, idPrefix, onMarkBooked, onSendAgainNow, onNotBooked, words }: {
  words?: ResolveWords
  live: boolean
  busy: boolean
  /** Keeps the input's id unique when several are on screen (a batch's unknown rows). */
  idPrefix: string
  onMarkBooked(consignmentNumber: string): void
  onSendAgainNow(confirmLive: boolean): void
  onNotBooked(): void
}) {
  const { t } = useTranslation()
  const w: ResolveWords = words ?? { numberPlaceholder: t('shipments.consignmentFromMybring'), done: t('shipments.markBooked'), sendNow: t('shipments.notBookedSendNow'), later: t('shipments.notBookedLater') }
  const [number, setNumber] = useState('')
  const [confirmLive, setConfirmLive] = useState(false)
  return (
    <div className="row wrap resolve-unknown" data-testid="resolve-unknown">
      <label className="sr-only" htmlFor={`${idPrefix}-consignment`}>
        {w.numberPlaceholder}
      </label>
      <input
        id={`${idPrefix}-consignment`}
        placeholder={w.numberPlaceholder}
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (number.trim() || w.numberOptional)) {
            e.preventDefault()
            onMarkBooked(number.trim())
          }
        }}
      />
      <button type="button" disabled={busy} onClick={() => onMarkBooked(number.trim())}>
        {w.done}
      </button>
      {live && !confirmLive ? (
        <button type="button" disabled={busy} onClick={() => setConfirmLive(true)}>
          {w.sendNow}
        </button>
      ) : (
        <button type="button" className={live ? 'danger' : undefined} disabled={busy} onClick={() => onSendAgainNow(live)}>
          {live ? t('book.liveConfirmButton') : w.sendNow}
        </button>
      )}
      <button type="button" className="link" disabled={busy} onClick={onNotBooked}>
        {w.later}
      </button>
    </div>
  )
}
