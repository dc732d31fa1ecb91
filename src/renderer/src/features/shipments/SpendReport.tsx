import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelOutput } from '@shared/ipc/contract'
import { describeProduct } from '@shared/catalogue/products'
import { call, errorMessage, onEvent } from '../../lib/ipc'
import { formatAmount, formatNumber } from '../../lib/format'
import { CsvExport } from '../../components/CsvExport'

type Row = ChannelOutput<'tracking:spend'>[number]

/** What was spent per month × customer number × service, from Bring's own prices (authenticated tracking); unpriced shipments counted apart. */
export function SpendReport() {
  const { t, i18n } = useTranslation()
  const [rows, setRows] = useState<Row[] | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    const load = (): void => void call('tracking:spend').then(setRows, (err) => setStatus(errorMessage(err)))
    load()
    // Prices arrive with tracking: follow it.
    return onEvent('tracking:changed', load)
  }, [])
  if (!rows) return status ? <p className="error">{status}</p> : null
  const months = [...new Set(rows.map((r) => r.month))].sort()
  const perMonth = months.map((m) => ({ month: m, total: rows.filter((r) => r.month === m).reduce((s, r) => s + r.total, 0) }))
  const max = Math.max(1, ...perMonth.map((m) => m.total))
  const lang = i18n.language === 'nb' ? 'nb' : 'en'
  const headers = ['month', 'customer', 'service', 'shipments', 'priced', 'unpriced', 'total', 'currency', 'quotedShipments', 'quotedTotal'].map((h) => t(`spend.col.${h}`))
  return (
    <div className="spend" data-testid="spend-report">
      {rows.length === 0 ? (
        <p className="muted">{t('spend.none')}</p>
      ) : (
        <>
          <svg role="img" aria-label={t('spend.chart')} viewBox={`0 0 ${Math.max(1, perMonth.length) * 70} 130`} width={Math.max(1, perMonth.length) * 70} height={130} className="spend-chart">
            {perMonth.map((m, i) => {
              const h = Math.round((m.total / max) * 100)
              return (
                <g key={m.month}>
                  <rect x={i * 70 + 15} y={110 - h} width={40} height={h} className="bar" />
                  <text x={i * 70 + 35} y={125} textAnchor="middle" className="small">
                    {m.month}
                  </text>
                  <text x={i * 70 + 35} y={Math.max(10, 105 - h)} textAnchor="middle" className="small">
                    {formatNumber(Math.round(m.total), i18n.language)}
                  </text>
                </g>
              )
            })}
          </svg>
          <table className="table" data-testid="spend-table">
            <thead>
              <tr>
                {['month', 'customer', 'service', 'shipments', 'total', 'quoted', 'unpriced'].map((h) => (
                  <th key={h}>{t(`spend.col.${h}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.month}-${r.customerNumber}-${r.productId}`}>
                  <td>{r.month}</td>
                  <td>{r.customerNumber}</td>
                  <td>{describeProduct(r.productId, lang).name}</td>
                  <td>{formatNumber(r.shipments, i18n.language)}</td>
                  <td>{r.priced > 0 ? formatAmount(r.total, i18n.language, r.currency) : '—'}</td>
                  <td data-testid="spend-quoted">{r.quoted > 0 ? <QuotedVsActual row={r} lang={i18n.language} /> : ''}</td>
                  <td>{r.unpriced > 0 ? t('spend.unpriced', { count: r.unpriced }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <CsvExport label={t('spend.export')} disabled={rows.length === 0} save={() => call('tracking:spendCsv', { headers })} />
    </div>
  )
}

/** What was quoted for the shipments booked from a quote, and how far Bring's price landed from it. */
function QuotedVsActual({ row, lang }: { row: Row; lang: string }) {
  const { t } = useTranslation()
  const diff = Math.round((row.actualForQuoted - row.quotedTotal) * 100) / 100
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±'
  return (
    <>
      {formatAmount(row.quotedTotal, lang, row.currency)}{' '}
      <span className="muted small">{t('spend.quotedDiff', { count: row.quoted, diff: `${sign}${formatAmount(Math.abs(diff), lang, row.currency)}` })}</span>
    </>
  )
}
