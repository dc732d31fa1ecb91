import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/ipc/contract'
import type { Party } from '@shared/domain/booking'
import { formatDateTime, formatNumber } from '../../lib/format'

type Detail = ChannelOutput<'warehouse:get'>

/** One message: what it says, the lines, the tracking numbers (linked when they are a shipment here), and the raw body. */
export function WarehouseMessageDetail({ message: m, onOpenShipment, onBook }: { message: Detail; onOpenShipment(id: string): void; onBook(party: Party, reference?: string): void }) {
  const { t, i18n } = useTranslation()
  const to = m.shipTo
  return (
    <article className="card" data-testid="warehouse-detail" aria-label={m.orderNumber ?? m.documentId ?? m.id}>
      <h2>
        {t(`warehouse.kind.${m.kind}`)} {m.orderNumber ?? m.documentId ?? ''}
      </h2>
      <dl className="facts">
        {m.status && (
          <>
            <dt>{t('warehouse.statusCol')}</dt>
            <dd>{t(`warehouse.status.${m.status}`, m.status)}</dd>
          </>
        )}
        <dt>{t('warehouse.received')}</dt>
        <dd>{formatDateTime(m.receivedAt, i18n.language)}</dd>
        {to && (
          <>
            <dt>{t('warehouse.shipTo')}</dt>
            <dd>
              {to.name}, {to.addressLine}, {to.postalCode} {to.city} {to.countryCode}
            </dd>
          </>
        )}
        {m.trackingNumbers.length > 0 && (
          <>
            <dt>{t('warehouse.tracking')}</dt>
            <dd className="mono">
              {m.trackingNumbers.join(', ')}
              {m.shipmentId && (
                <>
                  {' '}
                  <button type="button" className="link" onClick={() => onOpenShipment(m.shipmentId!)} data-testid="warehouse-open-shipment">
                    {t('warehouse.openShipment')}
                  </button>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {m.lines.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('warehouse.article')}</th>
              <th>{t('warehouse.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {m.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  <span className="mono">{l.article}</span> <span className="muted small">{l.description ?? ''}</span>
                </td>
                <td>{formatNumber(l.quantity, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {to && m.kind === 'order' && (
        <button
          type="button"
          onClick={() => onBook({ name: to.name, addressLine: to.addressLine, postalCode: to.postalCode, city: to.city, countryCode: to.countryCode, contact: { phoneNumber: to.phone, email: to.email } }, m.orderNumber)}
          data-testid="warehouse-book"
        >
          {t('warehouse.bookShipment')}
        </button>
      )}
      <details>
        <summary>{t('warehouse.raw')}</summary>
        <pre className="json">{m.raw}</pre>
      </details>
    </article>
  )
}
