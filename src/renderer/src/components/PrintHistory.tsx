import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LabelPrint } from '@shared/domain/printing'
import { formatDateTime } from '../lib/format'

/** Where and when this desk printed the shipment's label, newest first (nothing when never). */
export function PrintHistory({ shipmentId, load, version }: { shipmentId: string; load(id: string): Promise<LabelPrint[]>; version: number }) {
  const { t, i18n } = useTranslation()
  const [prints, setPrints] = useState<LabelPrint[]>([])
  useEffect(() => {
    let live = true
    load(shipmentId).then(
      (p) => live && setPrints(p),
      () => live && setPrints([])
    )
    return () => {
      live = false
    }
  }, [shipmentId, load, version])
  if (prints.length === 0) return null
  return (
    <details className="print-history small" data-testid="print-history">
      <summary>
        {t('printing.history')}: {t('printing.historyLine', { when: formatDateTime(prints[0].at, i18n.language), printer: prints[0].printer, result: t(`printing.result.${prints[0].result}`) })}
      </summary>
      <ul>
        {prints.map((p, i) => (
          <li key={i}>
            {t('printing.historyLine', { when: formatDateTime(p.at, i18n.language), printer: p.printer, result: t(`printing.result.${p.result}`) })}
            {p.message && ` (${p.message})`}
          </li>
        ))}
      </ul>
    </details>
  )
}
