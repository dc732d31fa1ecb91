import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { PickupRecord } from '@shared/domain/pickup'
import { call } from '../../lib/ipc'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { PrintLabels } from '../../components/PrintLabels'
import { useSettingsStore } from '../../state/useSettingsStore'

/** The labels of the shipments a pickup is for: to the label printer as one job, or as one PDF in the viewer. */
export function PickupLabels({ pickup }: { pickup: PickupRecord }) {
  const { t } = useTranslation()
  const labelPrinter = useSettingsStore((s) => s.settings?.printing.printer ?? null)
  const viewer = useAsyncAction()
  const print = useCallback((again: boolean, printId: string) => call('printing:pickup', { id: pickup.id, again, printId }), [pickup.id])
  const open = useCallback(() => call('labels:openPickup', { id: pickup.id }).then(() => undefined), [pickup.id])
  if (pickup.shipmentCount === 0) return null
  return (
    <div className="row actions">
      {labelPrinter ? (
        <PrintLabels print={print} open={open} label={t('pickups.printLabels', { count: pickup.shipmentCount })} testId={`pickup-print-${pickup.id}`} />
      ) : (
        <button type="button" disabled={viewer.busy} onClick={() => void viewer.run(open)}>
          {t('pickups.openLabels', { count: pickup.shipmentCount })}
        </button>
      )}
      {viewer.error && <p className="error">{viewer.error}</p>}
    </div>
  )
}
