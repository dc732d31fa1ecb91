import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useModalDialog } from './useModalDialog'

interface Props {
  title: string
  body: string
  confirmLabel: string
  /** The safe choice's words where "Cancel" would be ambiguous (a dialog about cancelling). */
  cancelLabel?: string
  onConfirm(): void
  onCancel(): void
  testId?: string
}

/**
 * A confirmation that must be answered (live mode, a real booking): a modal <dialog>, so focus
 * moves into it (on Cancel, the safe choice), Tab stays inside, Esc cancels, and focus returns to
 * what opened it. Shown while mounted.
 */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, onConfirm, onCancel, testId }: Props) {
  const { t } = useTranslation()
  // Focus starts on Cancel: Enter must never confirm by accident.
  const { ref, focusRef: cancel } = useModalDialog<HTMLButtonElement>()
  const id = useId()
  return (
    <dialog ref={ref} className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid={testId} onCancel={onCancel}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-body`}>{body}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      </div>
    </dialog>
  )
}
