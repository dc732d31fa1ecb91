import { useTranslation } from 'react-i18next'
import type { ShipmentStatus } from '@shared/domain/booking'
import type { Mode } from '@shared/domain/mode'

export function StatusBadge({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation()
  return <span className={`badge status-${status}`}>{t(`shipments.status.${status}`)}</span>
}

/** Test and sandbox shipments are marked wherever they appear; live ones carry no mark. */
export function ModeBadge({ mode }: { mode: Mode }) {
  const { t } = useTranslation()
  if (mode === 'live') return null
  return <span className={`badge mode-badge-${mode}`} data-testid="mode-mark">{t(`mode.${mode}Short`)}</span>
}
