import { useSettingsStore } from '../../state/useSettingsStore'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { shipmentStatusSchema, type ShipmentDetail } from '@shared/domain/booking'
import { modeSchema } from '@shared/domain/mode'
import { useIntentsStore } from '../../state/useIntentsStore'
import { shipmentActions } from '../../state/shipment-actions'
import { ShipmentCard } from '../../components/ShipmentCard'
import { ModeBadge, StatusBadge } from '../../components/StatusBadges'
import { useShipmentsStore } from './useShipmentsStore'
import { formatDateTime, formatNumber } from '../../lib/format'
import { useRovingList } from '../../lib/useRovingList'
import { ListSearch } from '../../components/ListSearch'
import { Disclosure } from '../../components/Disclosure'
import { SpendReport } from './SpendReport'
import { DeliveryRecordReport } from './DeliveryRecordReport'
import { call, errorMessage } from '../../lib/ipc'

export function ShipmentsScreen() {
  const { t, i18n } = useTranslation()
  const labelPrinter = useSettingsStore((st) => st.settings?.printing.printer ?? null)
  const { filter, items, total, totalExact, error, selected, setFilter, load, more, open, replace } = useShipmentsStore()
  const bookThis = useIntentsStore((s) => s.bookThis)
  const openBatch = useIntentsStore((s) => s.openBatch)
  const booked = items.filter((s) => s.status === 'booked').map((s) => s.id).slice(0, 500)
  /** The recipients of the shipments shown, as a new batch (each with the service and parcel used before). */
  const batchFromThese = async (): Promise<void> => {
    try {
      const b = await call('batches:createFrom', { name: t('nav.shipments'), source: 'shipments', ids: booked })
      openBatch(b.id)
    } catch (err) {
      setSaved(errorMessage(err))
    }
  }

  const takeShipmentToOpen = useIntentsStore((s) => s.takeShipmentToOpen)
  useEffect(() => {
    void load()
    // Arrived from a warehouse message's tracking number: open that shipment.
    const id = takeShipmentToOpen()
    if (id) void open(id)
  }, [load, open, takeShipmentToOpen])

  const bookAgain = (s: ShipmentDetail): void => bookThis({ source: 'shipment', shipment: s })
  const [saved, setSaved] = useState<string | null>(null)
  /** The recipients of these shipments into the address book, in one action (duplicates once). */
  const saveRecipients = async (ids: string[]): Promise<void> => {
    try {
      const r = await call('addressBook:addFromShipments', { ids: ids.slice(0, 500) })
      setSaved(t('shipments.recipientsSaved', r))
    } catch (err) {
      setSaved(errorMessage(err))
    }
  }
  const totalNumber = formatNumber(total, i18n.language)
  const totalLabel = totalExact ? totalNumber : `${totalNumber}+`
  const date = (iso: string) => formatDateTime(iso, i18n.language)

  // Keyboard: ↓ from the search into the rows, ↑/↓ between them, Enter opens (focus goes to the
  // shipment's first action), Esc back to the search.
  const searchRef = useRef<HTMLInputElement>(null)
  const detailRef = useRef<HTMLDivElement>(null)
  const rows = useRovingList<HTMLTableSectionElement>(
    items.map((s) => s.id),
    {
      onOpen: (id) => void open(id).then(() => detailRef.current?.querySelector<HTMLElement>('button, input')?.focus()),
      onEscape: () => searchRef.current?.focus()
    }
  )

  return (
    <section className="screen shipments" data-testid="screen-shipments">
      <div className="screen-head">
        <h1>{t('nav.shipments')}</h1>
        <span className="muted" data-testid="shipments-count">{t(totalExact ? 'shipments.count' : 'shipments.countAtLeast', { count: total, total: totalNumber })}</span>
        {items.length > 0 && (
          <button type="button" className="link" onClick={() => void saveRecipients(booked)} data-testid="save-recipients">
            {t('shipments.saveRecipients')}
          </button>
        )}
        {booked.length > 0 && (
          <button type="button" className="link" onClick={() => void batchFromThese()} data-testid="shipments-batch">
            {t('batches.fromShipments', { count: booked.length })}
          </button>
        )}
        {saved && (
          <span role="status" className="muted small">
            {saved}
          </span>
        )}
      </div>
      <div className="filters row">
        <ListSearch inputRef={searchRef} label={t('shipments.search')} value={filter.query ?? ''} onChange={(query) => setFilter({ query })} onArrowDown={rows.focusFirst} />
        <select aria-label={t('shipments.statusFilter')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: shipmentStatusSchema.optional().catch(undefined).parse(e.target.value || undefined) })}>
          <option value="">{t('shipments.allStatuses')}</option>
          {shipmentStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {t(`shipments.status.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('shipments.modeFilter')} value={filter.mode ?? ''} onChange={(e) => setFilter({ mode: modeSchema.optional().catch(undefined).parse(e.target.value || undefined) })}>
          <option value="">{t('shipments.allModes')}</option>
          {modeSchema.options.map((m) => (
            <option key={m} value={m}>
              {t(`mode.${m}Short`)}
            </option>
          ))}
        </select>
        <label className="check inline">
          <input type="checkbox" checked={Boolean(filter.attention)} onChange={(e) => setFilter({ attention: e.target.checked || undefined })} data-testid="attention-filter" /> {t('tracking.needsAttention')}
        </label>
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
              <tbody ref={rows.ref} onKeyDown={rows.onKeyDown}>
                {items.map((s) => (
                  <tr key={s.id} className={selected?.id === s.id ? 'selected' : undefined} {...rows.itemProps(s.id)} onClick={() => void open(s.id)} data-shipment={s.id}>
                    <td className="small">{date(s.createdAt)}</td>
                    <td>
                      <div>{s.recipientName}</div>
                      <div className="muted small">
                        {s.recipientPostalCode} {s.recipientCity}
                        {s.reference ? ` · ${s.reference}` : ''}
                        {s.desk ? ` · ${t('shipments.bookedAt', { desk: s.desk })}` : ''}
                      </div>
                    </td>
                    <td className="mono small">{s.consignmentNumber ?? '—'}</td>
                    <td>
                      <StatusBadge status={s.status} /> <ModeBadge mode={s.mode} />
                      {s.trackingState && <span className={`badge tracking-${s.trackingState}`}>{t(`tracking.state.${s.trackingState}`)}</span>}
                      {s.batchId && (
                        <button
                          type="button"
                          className="link small"
                          tabIndex={-1}
                          onClick={(e) => {
                            e.stopPropagation()
                            openBatch(s.batchId!)
                          }}
                        >
                          {t('shipments.fromBatch')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(items.length < total || !totalExact) && (
            <button type="button" className="link" onClick={() => void more()}>
              {t('shipments.showMore', { shown: formatNumber(items.length, i18n.language), total: totalLabel })}
            </button>
          )}
        </div>
        <div ref={detailRef}>
          {selected && (
            <>
              <ShipmentCard shipment={selected} actions={shipmentActions} onChange={replace} onBookAgain={bookAgain} labelPrinter={labelPrinter} />
              <details className="card">
                <summary>{t('shipments.request')}</summary>
                <pre className="json">{JSON.stringify(selected.request, null, 2)}</pre>
              </details>
            </>
          )}
        </div>
      </div>
      <Disclosure summary={t('spend.title')} testId="spend">
        <SpendReport />
      </Disclosure>
      <Disclosure summary={t('deliveryRecord.title')} testId="delivery-record-section">
        <DeliveryRecordReport />
      </Disclosure>
    </section>
  )
}
