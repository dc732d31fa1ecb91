import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../lib/format'
import { useAsyncAction } from '../lib/useAsyncAction'

/** "Mark handled" for a shipment in Needs attention (with an optional note), or when and how it was handled. */
export function MarkHandled({ shipmentId, handled, needsAttention, markHandled, onDone }: {
  shipmentId: string
  handled: { at: string; note: string } | null
  needsAttention: boolean
  markHandled(id: string, note: string): Promise<unknown>
  onDone(): void
}) {
  const { t, i18n } = useTranslation()
  const [note, setNote] = useState('')
  const action = useAsyncAction()
  if (!needsAttention && handled) {
    return (
      <p className="small muted" data-testid="tracking-handled">
        {t('tracking.handled', { at: formatDateTime(handled.at, i18n.language) })}
        {handled.note && `: ${handled.note}`}
      </p>
    )
  }
  const submit = async (): Promise<void> => {
    const done = await action.run(() => markHandled(shipmentId, note.trim()))
    if (done) onDone()
  }
  return (
    <form
      className="row mark-handled"
      data-testid="mark-handled"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <input aria-label={t('tracking.handledNote')} placeholder={t('tracking.handledNote')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={action.busy}>
        {t('tracking.markHandled')}
      </button>
      {action.error && <span className="error small">{action.error}</span>}
    </form>
  )
}
