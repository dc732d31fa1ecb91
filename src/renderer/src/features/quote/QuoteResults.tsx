import { useTranslation } from 'react-i18next'
import type { QuoteResult, QuoteRow } from '@shared/domain/quote'
import { formatDate, formatMoney } from '../../lib/format'
import { highlights, payable, sortRows, type QuoteSort } from './useQuoteStore'
import { ActionsHeader } from '../../components/TableParts'
import { useDeliveryAnnotations, YourDeliveryRecord } from '../../components/YourDeliveryRecord'

interface Props {
  result: QuoteResult
  sort: QuoteSort
  onSort(sort: QuoteSort): void
  onBook(row: QuoteRow): void
  showCustomer: boolean
  /** Where the quote goes: this shop's own record for each service to there shows beside Bring's promise. */
  to?: { postalCode: string; countryCode: string }
}

export function QuoteResults({ result, sort, onSort, onBook, showCustomer, to }: Props) {
  const { t, i18n } = useTranslation()
  const annotations = useDeliveryAnnotations(result.rows.map((r) => r.productId), to?.postalCode ?? '', to?.countryCode)
  const lang = i18n.language
  const rows = sortRows(result.rows, sort)
  const { cheapest, fastest } = highlights(result.rows)
  const sortButton = (key: QuoteSort, label: string) => (
    <button type="button" className={sort === key ? 'sort active' : 'sort'} aria-pressed={sort === key} onClick={() => onSort(key)}>
      {label} {sort === key ? '▲' : ''}
    </button>
  )

  return (
    <div className="card results" data-testid="quote-results">
      {result.customerErrors.map((e) => (
        <div key={e.customerNumber} className="alert alert-error" role="alert">
          {t('quote.customerFailed', { customer: e.customerNumber, message: e.message })}
        </div>
      ))}
      <table className="table quote-table">
        <thead>
          <tr>
            {showCustomer && <th>{t('quote.customer')}</th>}
            <th>{t('quote.service')}</th>
            <th>{sortButton('price', t('quote.price'))}</th>
            <th className="col-list">{t('quote.listPrice')}</th>
            <th>{sortButton('date', t('quote.delivery'))}</th>
            <th>{t('quote.notes')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const price = payable(r)
            const failed = !price
            return (
              <tr key={`${r.customerNumber}-${r.productId}`} data-product={r.productId} data-customer={r.customerNumber} className={failed ? 'row-error' : undefined}>
                {showCustomer && <td className="mono">{r.customerNumber}</td>}
                <td>
                  <div>
                    {r.name} <span className="muted mono">{r.productId}</span>
                  </div>
                  {r === cheapest && <span className="badge badge-cheap">{t('quote.cheapest')}</span>}
                  {r === fastest && <span className="badge badge-fast">{t('quote.fastest')}</span>}
                </td>
                <td data-testid="price">
                  {price ? (
                    <>
                      <strong>{formatMoney(price, lang)}</strong>
                      <div className="muted small">
                        {formatMoney(price, lang, false)} {t('quote.exVat')}
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="muted col-list">{r.netPrice && r.listPrice ? formatMoney(r.listPrice, lang) : '—'}</td>
                <td data-testid="delivery">
                  {r.expectedDelivery ? (
                    <>
                      <div>{formatDate(r.expectedDelivery.date, lang)}</div>
                      <div className="muted small">
                        {[r.expectedDelivery.timeWindow, r.expectedDelivery.workingDays !== undefined ? t('quote.workingDays', { count: r.expectedDelivery.workingDays }) : undefined].filter(Boolean).join(' · ')}
                      </div>
                      {r.alternativeDeliveryDates.length > 0 && (
                        <div className="muted small">
                          {t('quote.alternatives')}: {r.alternativeDeliveryDates.map((a) => formatDate(a.date, lang)).join(', ')}
                        </div>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                  <YourDeliveryRecord annotation={annotations[r.productId]} />
                </td>
                <td className="small">
                  {r.messages.map((m) => (
                    <div key={m.code + m.message} className={failed ? 'error' : 'muted'} data-testid="row-message">
                      {m.message}
                    </div>
                  ))}
                  {r.environmental && <div className="env">{r.environmental}</div>}
                </td>
                <td>
                  {!failed && (
                    <button type="button" data-book-this onClick={() => onBook(r)}>
                      {t('quote.bookThis')}
                    </button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
