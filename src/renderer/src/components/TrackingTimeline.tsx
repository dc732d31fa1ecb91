import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/ipc/contract'
import type { Mode } from '@shared/domain/mode'
import type { QuotedPrice } from '@shared/domain/booking'
import { formatAmount, formatDateTime } from '../lib/format'
import { errorMessage } from '../lib/ipc'
import { localizePhrase } from '@shared/domain/phrases-nb'
import { pickupPlace } from '@shared/domain/tracking'
import { MarkHandled } from './MarkHandled'

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
  refresh,
  markHandled
}: {
  shipmentId: string
  mode: Mode
  quotedPrice?: QuotedPrice
  load(id: string): Promise<TrackingView>
  refresh(id: string): Promise<unknown>
  markHandled(id: string, note: string): Promise<unknown>
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
  // "Checked" is a successful check; before the first one the shipment is "not checked yet", whatever the store's placeholder state.
  const notChecked = view !== null && view.checkedAt === null
  const badgeState = view === null ? 'none' : notChecked ? 'not_checked' : view.state
  const reason = (code: string): string => t(`tracking.reason.${code}`, { defaultValue: '' }) || localizePhrase(code)
  const place = pkg ? pickupPlace(pkg) : undefined
  return (
    <section className="tracking" aria-label={t('tracking.title')} data-testid="tracking" data-state={badgeState}>
      <div className="row">
        <strong>{t('tracking.title')}:</strong>
        <span className={`badge tracking-${badgeState}`}>{view === null ? t('tracking.notYet') : notChecked ? t('tracking.notCheckedYet') : t(`tracking.state.${view.state}`)}</span>
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
      {view?.errorAt && view.lastError && (
        <p className="small warning" role="status" data-testid="tracking-failure">
          {view.nextDue
            ? t('tracking.failed', { at: formatDateTime(view.errorAt, i18n.language), reason: reason(view.lastError), next: formatDateTime(view.nextDue, i18n.language) })
            : t('tracking.failedNoRetry', { at: formatDateTime(view.errorAt, i18n.language), reason: reason(view.lastError) })}
        </p>
      )}
      {view?.goneAt && (
        <p className="muted small" data-testid="tracking-gone">
          {t('tracking.gone', { at: formatDateTime(view.goneAt, i18n.language) })}
        </p>
      )}
      {view && (view.needsAttention || (view.handled && view.handled.state === view.state)) && <MarkHandled shipmentId={shipmentId} handled={view.handled?.state === view.state ? view.handled : null} needsAttention={view.needsAttention} markHandled={markHandled} onDone={reload} />}
      {(view?.price != null || quotedPrice) && (
        <p className="small" data-testid="tracking-price">
          {view?.price != null ? t('tracking.price', { price: formatAmount(view.price, i18n.language, view.currency ?? 'NOK') }) : t('tracking.noPriceYet')}
          {quotedPrice && ` · ${t('tracking.quoted', { price: formatAmount(quotedPrice.amount, i18n.language, quotedPrice.currency) })}`}
        </p>
      )}
      {pkg?.pickupPoint?.code && (
        <p className="small" data-testid="tracking-pickup">
          {place ? t('tracking.pickup', { name: place, code: pkg.pickupPoint.code }) : t('tracking.pickupCodeOnly', { code: pkg.pickupPoint.code })}
        </p>
      )}
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
