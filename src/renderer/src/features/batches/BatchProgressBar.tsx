import { useTranslation } from 'react-i18next'
import type { BatchCounts, BatchProgress } from '@shared/domain/batches'
import { formatNumber } from '../../lib/format'

/** How far the batch is: rows settled out of the rows that can be booked, and the pace while running. */
export function BatchProgressBar({ counts, progress }: { counts: BatchCounts; progress: BatchProgress | null }) {
  const { t, i18n } = useTranslation()
  const c = progress?.counts ?? counts
  const bookable = c.total - c.invalid
  const settled = c.booked + c.failed + c.unknown
  return (
    <div className="batch-progress" data-testid="batch-progress">
      <progress max={Math.max(1, bookable)} value={c.booked} aria-label={t('batches.progressLabel')} />
      <div className="row small" aria-live="polite">
        <span data-testid="batch-booked">{t('batches.bookedOf', { booked: c.booked, total: bookable })}</span>
        {c.failed > 0 && <span className="error">{t('batches.failedCount', { count: c.failed })}</span>}
        {c.unknown > 0 && <span className="warn-text">{t('batches.unknownCount', { count: c.unknown })}</span>}
        {c.notSent > 0 && <span>{t('batches.notSentCount', { count: c.notSent })}</span>}
        {c.invalid > 0 && <span className="error">{t('batches.invalidCount', { count: c.invalid })}</span>}
        {progress?.runState === 'running' && (
          <span className="muted">
            {t('batches.rate', { rate: formatNumber(progress.rate, i18n.language) })}
            {progress.secondsLeft !== null && ` · ${t('batches.secondsLeft', { count: progress.secondsLeft })}`}
          </span>
        )}
        <span className="muted">{t('batches.settled', { settled, total: bookable })}</span>
      </div>
    </div>
  )
}
