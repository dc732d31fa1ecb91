import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/ipc/contract'
import type { Mode } from '@shared/domain/mode'
import type { QuotedPrice } from '@shared/domain/booking'
import { formatAmount, formatDateTime } from '../lib/format'
import { errorMessage } from '../lib/ipc'

export type TrackingView = ChannelOutput<'tracking:get'>

/**
 * Where a booked shipment is, from Bring's tracking: its state, pickup point and code, the events
 * newest first, and "Refresh now". Test bookings have no tracking at Bring, and say so.
 */
export function TrackingTimeline({
  shipmentId,
  mode,
  quotedPrice,
  load,
  refresh
}: {
  shipmentId: string
  mode: Mode
  quotedPrice?: QuotedPrice
  load(id: string): Promise<TrackingView>
  refresh(id: string): Promise<unknown>
}) {
  const { t, i18n } = useTranslation()
  const [view, setView] = useState<TrackingView | undefined>()
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => void load(shipmentId).then(setView, (err) => setError(errorMessage(err))), [load, shipmentId])
  useEffect(reload, [reload])
  if (mode === 'test') return <p className="muted small">{t('tracking.noTestTracking')}</p>
  if (view === undefined) return null
  const pkg = view?.packages[0]
  const events = pkg?.events ?? []
  return (
    <section className="tracking" aria-label={t('tracking.title')} data-testid="tracking" data-state={view?.state ?? 'none'}>
      <div className="row">
        <strong>{t('tracking.title')}:</strong>
        <span className={`badge tracking-${view?.state ?? 'none'}`}>{view ? t(`tracking.state.${view.state}`) : t('tracking.notYet')}</span>
        {view?.checkedAt && <span className="muted small">{t('tracking.checked', { at: formatDateTime(view.checkedAt, i18n.language) })}</span>}
        <button
          type="button"
          className="link"
          onClick={() =>
            void refresh(shipmentId).then(
              () => reload(),
              (err) => setError(errorMessage(err))
            )
          }
        >
          {t('tracking.refresh')}
        </button>
      </div>
      {(view?.price != null || quotedPrice) && (
        <p className="small" data-testid="tracking-price">
          {view?.price != null ? t('tracking.price', { price: formatAmount(view.price, i18n.language, view.currency ?? 'NOK') }) : t('tracking.noPriceYet')}
          {quotedPrice && ` · ${t('tracking.quoted', { price: formatAmount(quotedPrice.amount, i18n.language, quotedPrice.currency) })}`}
        </p>
      )}
      {pkg?.pickupPoint?.code && <p className="small">{t('tracking.pickup', { name: pkg.pickupPoint.name ?? '', code: pkg.pickupPoint.code })}</p>}
      {events.length > 0 && (
        <ol className="timeline">
          {events.map((e, i) => (
            <li key={i}>
              <span className="muted small">{formatDateTime(e.at, i18n.language)}</span> {e.description || e.status}
              {e.city ? <span className="muted small"> · {e.city}</span> : null}
            </li>
          ))}
        </ol>
      )}
      {error && <p className="error small">{error}</p>}
    </section>
  )
}
