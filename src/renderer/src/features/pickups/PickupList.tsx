import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PickupRecord } from '@shared/domain/pickup'
import { formatDate } from '../../lib/format'
import { pickupReasonText } from '../../lib/record-error'
import { ModeBadge } from '../../components/StatusBadges'
import { usePickupsStore, type PickupChange } from './usePickupsStore'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { ResolveUnknown } from '../../components/ResolveUnknown'
import { PickupLabels } from './PickupLabels'

function PickupRow({ p }: { p: PickupRecord }) {
  const { t, i18n } = useTranslation()
  const change = usePickupsStore((s) => s.change)
  const [date, setDate] = useState(p.pickupDate)
  const [confirmLive, setConfirmLive] = useState(false)
  const { busy, error, run } = useAsyncAction()
  const act = (action: PickupChange): Promise<unknown> => run(() => change(action))
  const d = p.details
  const what = [
    d.packagesCount ? t('pickups.nPackages', { count: d.packagesCount }) : '',
    d.palletsCount ? t('pickups.nPallets', { count: d.palletsCount }) : '',
    d.packagesWeightKg || d.palletsWeightKg ? `${(d.packagesWeightKg ?? 0) + (d.palletsWeightKg ?? 0)} kg` : '',
    d.packagesVolumeLitres ? `${d.packagesVolumeLitres} l` : ''
  ].filter(Boolean).join(' · ')

  return (
    <li className="pickup" data-testid="pickup-row" data-kind={p.kind} data-status={p.status}>
      <div className="pickup-head">
        <strong>{formatDate(p.pickupDate, i18n.language)}</strong>
        {p.window && <span className="muted">{p.window}</span>}
        <span className={`badge pickup-status-${p.status}`}>{t(`pickups.status.${p.status}`)}</span>
        <ModeBadge mode={p.mode} />
        <span>{t(`pickups.kind.${p.kind}`)}</span>
        <span className="muted">
          {t('quote.customer')} {p.customerNumber}
        </span>
        {p.desk && <span className="muted">{t('shipments.bookedAt', { desk: p.desk })}</span>}
      </div>
      <div className="muted small">
        {what}
        {p.shipmentNumber ? ` · ${t('pickups.shipmentNumber')} ${p.shipmentNumber}` : ''}
      </div>
      {p.error && p.status !== 'ordered' && <p className="small">{pickupReasonText(p.error, p.status, t)}</p>}
      {p.status === 'outcome_unknown' && p.kind === 'business' && (
        <ResolveUnknown
          words={{ numberPlaceholder: t('pickups.pickupNumberFromMybring'), done: t('pickups.markOrdered'), sendNow: t('pickups.notOrderedNow'), later: t('pickups.notOrderedLater'), numberOptional: true }}
          live={p.mode === 'live'}
          busy={busy}
          idPrefix={`pickup-${p.id}`}
          onMarkBooked={(number) => void act({ kind: 'resolve', id: p.id, ordered: true, shipmentNumber: number || undefined })}
          onSendAgainNow={(confirmLive) => void act({ kind: 'resolve', id: p.id, ordered: false, orderAgain: true, confirmLive })}
          onNotBooked={() => void act({ kind: 'resolve', id: p.id, ordered: false })}
        />
      )}
      {(p.status === 'not_sent' || p.status === 'failed') && p.kind === 'business' && (
        <div className="row actions">
          {/* A live pickup ordered again takes a second, explicit click: a real pickup at real cost. */}
          <button
            type="button"
            disabled={busy}
            className={p.mode === 'live' && confirmLive ? 'danger' : undefined}
            onClick={() => (p.mode === 'live' && !confirmLive ? setConfirmLive(true) : void act({ kind: 'retry', id: p.id, confirmLive: p.mode === 'live' }))}
          >
            {p.mode === 'live' && confirmLive ? t('book.liveConfirmButton') : t('pickups.orderAgain')}
          </button>
        </div>
      )}
      {p.canModify ? (
        <div className="row actions">
          <input type="date" aria-label={t('pickups.newDate')} value={date} onChange={(e) => setDate(e.target.value)} />
          <button type="button" disabled={busy || date === p.pickupDate} onClick={() => void act({ kind: 'modify', id: p.id, date })}>
            {t('pickups.move')}
          </button>
          <button type="button" disabled={busy} onClick={() => void act({ kind: 'cancel', id: p.id })}>
            {t('pickups.cancel')}
          </button>
        </div>
      ) : (
        p.kind === 'business' && p.status === 'ordered' && <p className="muted small">{t('pickups.businessChanges')}</p>
      )}
      <PickupLabels pickup={p} />
      {error && <p className="error" role="alert">{error}</p>}
    </li>
  )
}

export function PickupList({ pickups }: { pickups: PickupRecord[] }) {
  const { t } = useTranslation()
  return (
    <div className="card">
      <h2>{t('pickups.yours')}</h2>
      {pickups.length === 0 ? <p className="muted">{t('pickups.none')}</p> : <ul className="pickup-list">{pickups.map((p) => <PickupRow key={p.id} p={p} />)}</ul>}
    </div>
  )
}
