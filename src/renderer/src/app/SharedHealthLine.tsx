import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EventPayload } from '@shared/ipc/contract'
import { onEvent } from '../lib/ipc'
import { formatDateTime, formatTimeOfDay } from '../lib/format'
import { useAppStore } from '../state/useAppStore'

type Health = EventPayload<'shared:health'>

/**
 * Team mode's status line: when the shared database goes away the desk says so at once, when it
 * tries again, and when it is back (for a few seconds); nothing at all while all is well.
 */
export function SharedHealthLine() {
  const { t, i18n } = useTranslation()
  const initial = useAppStore((s) => s.info?.sharedHealth ?? null)
  const [health, setHealth] = useState<Health | null>(null)
  const [back, setBack] = useState(false)
  useEffect(
    () =>
      onEvent('shared:health', (h) => {
        setHealth((before) => {
          if (before?.state === 'lost' && h.state === 'connected') setBack(true)
          return h
        })
      }),
    []
  )
  useEffect(() => {
    if (!back) return
    const timer = setTimeout(() => setBack(false), 6000)
    return () => clearTimeout(timer)
  }, [back])
  const shown = health ?? initial
  if (shown?.state === 'lost') {
    return (
      <p className="shared-health alert alert-warning" role="status" data-testid="shared-health" data-state="lost">
        {t('sharedHealth.lost', { since: formatDateTime(shown.since, i18n.language) })}{' '}
        {shown.nextTryAt ? t('sharedHealth.nextTry', { at: formatTimeOfDay(shown.nextTryAt, i18n.language) }) : t('sharedHealth.trying')}
      </p>
    )
  }
  if (back) {
    return (
      <p className="shared-health alert alert-info" role="status" data-testid="shared-health" data-state="connected">
        {t('sharedHealth.back')}
      </p>
    )
  }
  return null
}
