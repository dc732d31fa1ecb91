import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShipmentDetail } from '@shared/domain/booking'
import { describeProduct } from '@shared/catalogue/products'
import { ModeBadge, StatusBadge } from './StatusBadges'
import { formatDeliveryDay } from '../lib/format'
import { reasonText } from '../lib/record-error'
import { useAsyncAction } from '../lib/useAsyncAction'
import { TrackingTimeline, type TrackingView } from './TrackingTimeline'
import { ResolveUnknown } from './ResolveUnknown'
import { PrintLabels } from './PrintLabels'
import { PrintHistory } from './PrintHistory'
import type { LabelPrint, PrintOutcome } from '@shared/domain/printing'

/** What the card asks for; a changed shipment comes back to replace the one shown. */
export interface ShipmentActions {
  openLabel(id: string): Promise<void>
  downloadLabel(id: string): Promise<ShipmentDetail>
  openTracking(id: string): Promise<void>
  markBooked(id: string, consignmentNumber: string): Promise<ShipmentDetail>
  markNotBooked(id: string): Promise<ShipmentDetail>
  /** Checked in Mybring, not there: send it again now, in the same step. */
  notBookedSendAgain(id: string, confirmLive: boolean): Promise<ShipmentDetail>
  sendAgain(id: string, confirmLive: boolean): Promise<ShipmentDetail>
  tracking(id: string): Promise<TrackingView>
  refreshTracking(id: string): Promise<unknown>
  /** Needs attention no more (in this state): the clerk has dealt with it. */
  markHandled(id: string, note: string): Promise<unknown>
  /** To the label printer chosen in Settings (the viewer when none is). */
  printLabel(id: string, again: boolean, printId: string): Promise<PrintOutcome>
  printHistory(id: string): Promise<LabelPrint[]>
}

interface Props {
  shipment: ShipmentDetail
  actions: ShipmentActions
  onChange(s: ShipmentDetail): void
  onBookAgain?(s: ShipmentDetail): void
  /** The label printer chosen in Settings: "Print label" is then the main action (none: labels open in the viewer). */
  labelPrinter?: string | null
  /** Print the label as soon as the card shows a booked shipment (Settings: print right after booking). */
  printNow?: boolean
}

/** One shipment: confirmation, label and tracking, and the way out of "outcome unknown". Data in, callbacks out. */
export function ShipmentCard({ shipment: s, actions, onChange, onBookAgain, labelPrinter, printNow }: Props) {
  const { t, i18n } = useTranslation()
  const action = useAsyncAction()
  const { busy } = action
  const [confirmRetry, setConfirmRetry] = useState(false)
  const [printed, setPrinted] = useState(0)
  const printLabel = useCallback((again: boolean, printId: string) => actions.printLabel(s.id, again, printId), [actions, s.id])
  const openLabel = useCallback(() => actions.openLabel(s.id), [actions, s.id])
  const onPrinted = useCallback(() => setPrinted((n) => n + 1), [])

  const act = async (fn: () => Promise<ShipmentDetail | void>): Promise<void> => {
    const res = await action.run(fn)
    if (res) onChange(res)
  }
  // A field error here (e.g. the consignment number typed in) is the message itself.
  const error = action.fieldErrors ? Object.values(action.fieldErrors).flat().join(' ') : action.error
  // Sending a live shipment again takes a second, explicit click: a real shipment at real cost.
  const sendAgainButton = (idleClass?: string) =>
    s.mode === 'live' && !confirmRetry ? (
      <button type="button" disabled={busy} onClick={() => setConfirmRetry(true)}>
        {t('shipments.sendAgain')}
      </button>
    ) : (
      <button type="button" className={s.mode === 'live' ? 'danger' : idleClass} disabled={busy} onClick={() => void act(() => actions.sendAgain(s.id, s.mode === 'live'))}>
        {s.mode === 'live' ? t('book.liveConfirmButton') : t('shipments.sendAgain')}
      </button>
    )
  const product = describeProduct(s.productId, i18n.language === 'nb' ? 'nb' : 'en')

  return (
    <div className={`card shipment status-card-${s.status}`} data-testid="shipment-card" data-status={s.status}>
      <div className="shipment-head">
        <StatusBadge status={s.status} />
        <ModeBadge mode={s.mode} />
        <strong>{s.recipientName}</strong>
        <span className="muted">
          {s.recipientPostalCode} {s.recipientCity} · {product.name}
        </span>
      </div>
      {s.confirmation && (
        <dl className="facts">
          <dt>{t('shipments.consignment')}</dt>
          <dd className="mono" data-testid="consignment-number">{s.confirmation.consignmentNumber}</dd>
          {s.confirmation.packageNumbers.length > 0 && (
            <>
              <dt>{t('shipments.packageNumbers')}</dt>
              <dd className="mono">{s.confirmation.packageNumbers.join(', ')}</dd>
            </>
          )}
          {s.confirmation.expectedDelivery && (
            <>
              <dt>{t('shipments.expectedDelivery')}</dt>
              <dd data-testid="expected-delivery">{formatDeliveryDay(s.confirmation.expectedDelivery, i18n.language)}</dd>
            </>
          )}
          {s.form.pickupPointId && (
            <>
              <dt>{t('book.pickupPointPicker.title')}</dt>
              <dd data-testid="chosen-pickup-point">{s.form.pickupPointName ?? s.form.pickupPointId}</dd>
            </>
          )}
        </dl>
      )}
      {s.status === 'booked' && (
        <div className="actions">
          {s.hasLabel ? (
            <button type="button" className={labelPrinter ? undefined : 'primary'} disabled={busy} onClick={() => void act(() => actions.openLabel(s.id))}>
              {t('shipments.openLabel')}
            </button>
          ) : null}
          {labelPrinter && (s.hasLabel || s.confirmation?.labelAvailable) && <PrintLabels print={printLabel} open={openLabel} label={t('printing.printLabel')} testId="print-label" shortcut primary printNow={printNow} onPrinted={onPrinted} />}
          {s.confirmation?.labelAvailable && (
            <button type="button" disabled={busy} onClick={() => void act(() => actions.downloadLabel(s.id))}>
              {s.hasLabel ? t('shipments.downloadAgain') : t('shipments.downloadLabel')}
            </button>
          )}
          {s.confirmation?.trackingUrl && (
            <button type="button" disabled={busy} onClick={() => void act(() => actions.openTracking(s.id))}>
              {t('shipments.openTracking')}
            </button>
          )}
          {onBookAgain && (
            <button type="button" onClick={() => onBookAgain(s)}>
              {t('shipments.bookAgain')}
            </button>
          )}
        </div>
      )}
      {s.status === 'booked' && <PrintHistory shipmentId={s.id} load={actions.printHistory} version={printed} />}
      {s.status === 'booked' && <TrackingTimeline shipmentId={s.id} mode={s.mode} quotedPrice={s.form.quotedPrice?.productId === s.form.productId ? s.form.quotedPrice : undefined} load={actions.tracking} refresh={actions.refreshTracking} markHandled={actions.markHandled} />}
      {s.status === 'outcome_unknown' && (
        <div className="alert alert-warning" role="alert" data-testid="outcome-unknown">
          <p>{reasonText(s.error, t)}</p>
          <p className="small">{t('shipments.outcomeUnknownHelp')}</p>
          <ResolveUnknown
            live={s.mode === 'live'}
            busy={busy}
            idPrefix={`shipment-${s.id}`}
            onMarkBooked={(number) => void act(() => actions.markBooked(s.id, number))}
            onSendAgainNow={(confirmLive) => void act(() => actions.notBookedSendAgain(s.id, confirmLive))}
            onNotBooked={() => void act(() => actions.markNotBooked(s.id))}
          />
        </div>
      )}
      {s.status === 'cancelled_by_user' && (
        <div className="alert alert-info" role="status" data-testid="not-booked-checked">
          <p>{reasonText(s.error, t)}</p>
          <div className="row">{sendAgainButton('primary')}</div>
        </div>
      )}
      {s.confirmation?.byHand && <p className="muted small" data-testid="marked-by-hand">{t('shipments.markedByHand')}</p>}
      {s.status === 'not_sent' && (
        <div className="alert alert-info" role="status" data-testid="not-sent">
          <p>{reasonText(s.error, t)}</p>
          <p className="small">{t('shipments.notSentHelp')}</p>
          <div className="row">
            {sendAgainButton('primary')}
          </div>
        </div>
      )}
      {s.status === 'failed' && s.error && <p className="muted">{reasonText(s.error, t)}</p>}
      {(s.status === 'failed' || s.status === 'not_sent') && onBookAgain && (
        <div className="actions">
          <button type="button" onClick={() => onBookAgain(s)}>
            {t('shipments.editAndBook')}
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  )
}
