import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { monthsBefore, type DeliveryRecord, type RecordSummary } from '@shared/domain/delivery-record'
import { describeProduct } from '@shared/catalogue/products'
import { osloDate } from '@shared/domain/oslo-calendar'
import { call, errorMessage, onEvent } from '../../lib/ipc'
import { formatAmount, formatNumber, formatPercent } from '../../lib/format'
import { CsvExport } from '../../components/CsvExport'

type Group = DeliveryRecord['groups'][number]
type SortKey = 'service' | 'shipments' | 'onTimeRate' | 'medianDays' | 'p90Days' | 'deviationShare' | 'returnShare' | 'averagePrice'
const columns: SortKey[] = ['shipments', 'onTimeRate', 'medianDays', 'p90Days', 'deviationShare', 'returnShare', 'averagePrice']


/**
 * How each service really performs for this shop (from its own tracked shipments): per service ×
 * customer number × destination area over a period of months, sortable, with the on-time rate per
 * month as a small chart per service, and a CSV. Groups with too few shipments say so.
 */
export function DeliveryRecordReport() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'nb' ? 'nb' : 'en'
  const thisMonth = osloDate().slice(0, 7)
  const [period, setPeriod] = useState({ from: monthsBefore(thisMonth, 11), to: thisMonth })
  const [record, setRecord] = useState<DeliveryRecord | null>(null)
  const [sort, setSort] = useState<{ key: SortKey; down: boolean }>({ key: 'shipments', down: true })
  const [status, setStatus] = useState<string | null>(null)
  useEffect(() => {
    const load = (): void => void call('deliveryRecord:report', period).then((r) => (setRecord(r), setStatus(null)), (err) => setStatus(errorMessage(err)))
    load()
    return onEvent('tracking:changed', load)
  }, [period])
  const value = (g: Group, key: SortKey): number | string => (key === 'service' ? describeProduct(g.productId, lang).name : (g.summary[key as keyof RecordSummary] as number | null) ?? -1)
  const groups = [...(record?.groups ?? [])].sort((a, b) => {
    const [x, y] = [value(a, sort.key), value(b, sort.key)]
    return (x < y ? -1 : x > y ? 1 : 0) * (sort.down ? -1 : 1)
  })
  const headers = ['service', 'customer', 'area', 'shipments', 'judged', 'onTimeRate', 'medianDays', 'p90Days', 'deviationShare', 'returnShare', 'averagePrice'].map((h) => t(`deliveryRecord.col.${h}`))
  const cell = (g: Group, key: SortKey): string => {
    const s = g.summary
    if (key === 'shipments') return formatNumber(s.shipments, lang)
    if (s.tooFew) return ''
    const v = s[key as keyof RecordSummary] as number | null
    if (v === null) return '—'
    if (key === 'averagePrice') return formatAmount(v, lang)
    if (key === 'medianDays' || key === 'p90Days') return t('deliveryRecord.days', { count: v })
    return formatPercent(v, lang)
  }
  return (
    <div className="delivery-record" data-testid="delivery-record">
      <p className="muted small">{t('deliveryRecord.explain')}</p>
      <div className="record-period">
        {(['from', 'to'] as const).map((k) => (
          <label key={k}>
            {t(`deliveryRecord.${k}`)}
            <input type="month" value={period[k]} onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && setPeriod({ ...period, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      {record && record.groups.length === 0 && <p className="muted">{t('deliveryRecord.none')}</p>}
      {record && record.groups.length > 0 && (
        <>
          <ServiceCharts record={record} lang={lang} />
          {/* Ten columns do not fit the card at 1024 px: the table scrolls inside it, as other wide tables do. */}
          <div className="table-scroll">
            <table className="table" data-testid="delivery-record-table">
              <thead>
                <tr>
                  {(['service', 'customer', 'area', ...columns] as const).map((h) => (
                    <th key={h} aria-sort={sort.key === h ? (sort.down ? 'descending' : 'ascending') : undefined}>
                      {h === 'customer' || h === 'area' ? t(`deliveryRecord.col.${h}`) : <button type="button" className="link" onClick={() => setSort({ key: h, down: sort.key === h ? !sort.down : true })}>{t(`deliveryRecord.col.${h}`)}</button>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={`${g.productId}-${g.customerNumber}-${g.country}-${g.area}`}>
                    <td>{describeProduct(g.productId, lang).name}</td>
                    <td>{g.customerNumber}</td>
                    <td>{t('deliveryRecord.areaName', { country: g.country, area: g.area })}</td>
                    {columns.map((c) => (
                      <td key={c}>{c === 'onTimeRate' && g.summary.tooFew ? <span className="muted small">{t('deliveryRecord.tooFew', { count: record.minShipments })}</span> : cell(g, c)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CsvExport label={t('deliveryRecord.export')} disabled={!record || record.groups.length === 0} save={() => call('deliveryRecord:csv', { ...period, headers })} />
      {status && (
        <p role="alert" className="error small">
          {status}
        </p>
      )}
    </div>
  )
}

/** Per service, its on-time rate month by month (plain SVG bars; a month with too few shows none). */
function ServiceCharts({ record, lang }: { record: DeliveryRecord; lang: 'nb' | 'en' }) {
  const { t } = useTranslation()
  const services = [...new Set(record.months.map((m) => m.productId))]
  return (
    <div className="record-charts">
      {services.map((id) => {
        const months = record.months.filter((m) => m.productId === id)
        const name = describeProduct(id, lang).name
        return (
          <figure key={id} className="record-chart">
            <figcaption className="small">{name}</figcaption>
            <svg role="img" aria-label={t('deliveryRecord.chart', { service: name })} viewBox={`0 0 ${Math.max(120, months.length * 44 + 10)} 90`} width={Math.max(120, months.length * 44 + 10)} height={90} className="spend-chart">
              {months.map((m, i) => {
                const h = m.onTimeRate === null ? 0 : Math.round(m.onTimeRate * 60)
                return (
                  <g key={m.month}>
                    <rect x={i * 44 + 10} y={72 - h} width={30} height={h} className="bar" />
                    <text x={i * 44 + 25} y={86} textAnchor="middle" className="small">
                      {m.month.slice(2)}
                    </text>
                    <text x={i * 44 + 25} y={Math.max(10, 68 - h)} textAnchor="middle" className="small">
                      {m.onTimeRate === null ? '–' : formatPercent(m.onTimeRate, lang)}
                    </text>
                  </g>
                )
              })}
            </svg>
          </figure>
        )
      })}
    </div>
  )
}
