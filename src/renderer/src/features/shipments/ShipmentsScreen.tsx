import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { shipmentStatusSchema, type ShipmentDetail } from '@shared/domain/booking'
import { modeSchema } from '@shared/domain/mode'
import { useIntentsStore } from '../../state/useIntentsStore'
import { shipmentActions } from '../../state/shipment-actions'
import { ShipmentCard } from '../../components/ShipmentCard'
import { ModeBadge, StatusBadge } from '../../components/StatusBadges'
import { useShipmentsStore } from './useShipmentsStore'

export function ShipmentsScreen() {
  const { t, i18n } = useTranslation()
  const { filter, items, total, totalExact, error, selected, setFilter, load, more, open, replace } = useShipmentsStore()
  const bookThis = useIntentsStore((s) => s.bookThis)

  useEffect(() => {
    void load()
  }, [load])

  const bookAgain = (s: ShipmentDetail): void => void bookThis({ source: 'shipment', shipment: s })
  const locale = i18n.language === 'nb' ? 'nb-NO' : 'en-GB'
  const totalNumber = total.toLocaleString(locale)
  const totalLabel = totalExact ? totalNumber : `${totalNumber}+`
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })

  return (
    <section className="screen shipments" data-testid="screen-shipments">
      <div className="screen-head">
        <h1>{t('nav.shipments')}</h1>
        <span className="muted" data-testid="shipments-count">{t(totalExact ? 'shipments.count' : 'shipments.countAtLeast', { count: total, total: totalNumber })}</span>
      </div>
      <div className="filters row">
        <input type="search" className="search grow" placeholder={t('shipments.search')} aria-label={t('shipments.search')} value={filter.query ?? ''} onChange={(e) => setFilter({ query: e.target.value })} />
        <select aria-label={t('shipments.statusFilter')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: (e.target.value || undefined) as never })}>
          <option value="">{t('shipments.allStatuses')}</option>
          {shipmentStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`shipments.status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('shipments.modeFilter')} value={filter.mode ?? ''} onChange={(e) => setFilter({ mode: (e.target.value || undefined) as never })}>
          <option value="">{t('shipments.allModes')}</option>
          {modeSchema.options.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}Short`)}
            </option>
          ))}
        </select>
        <input type="date" aria-label={t('shipments.from')} value={filter.from ?? ''} onChange={(e) => setFilter({ from: e.target.value || undefined })} />
        <input type="date" aria-label={t('shipments.to')} value={filter.to ?? ''} onChange={(e) => setFilter({ to: e.target.value || undefined })} />
      </div>
      {error && <div className="alert alert-error" role="alert">{error}</div>}
      <div className="split wide-right">
        <div className="pane">
          {items.length === 0 ? (
            <p className="muted">{t('shipments.none')}</p>
          ) : (
            <table className="table shipments-table" data-testid="shipments-table">
              <thead>
                <tr>
                  <th>{t('shipments.date')}</th>
                  <th>{t('shipments.recipient')}</th>
                  <th>{t('shipments.consignment')}</th>
                  <th>{t('shipments.statusCol')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id} className={selected?.id === s.id ? 'selected' : undefined} tabIndex={0} onClick={() => void open(s.id)} onKeyDown={(e) => e.key === 'Enter' && void open(s.id)} data-shipment={s.id}>
                    <td className="small">{date(s.createdAt)}</td>
                    <td>
                      <div>{s.recipientName}</div>
                      <div className="muted small">
                        {s.recipientPostalCode} {s.recipientCity}
                        {s.reference ? ` · ${s.reference}` : ''}
                      </div>
                    </td>
                    <td className="mono small">{s.consignmentNumber ?? '—'}</td>
                    <td>
                      <StatusBadge status={s.status} /> <ModeBadge mode={s.mode} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(items.length < total || !totalExact) && (
            <button type="button" className="link" onClick={() => void more()}>
              {t('shipments.showMore', { shown: items.length.toLocaleString(locale), total: totalLabel })}
            </button>
          )}
        </div>
        <div>
          {selected && (
            <>
              <ShipmentCard shipment={selected} actions={shipmentActions} onChange={replace} onBookAgain={bookAgain} />
              <details className="card">
                <summary>{t('shipments.request')}</summary>
                <pre className="json">{JSON.stringify(selected.request, null, 2)}</pre>
              </details>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
