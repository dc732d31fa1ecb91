import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintJobProgress, PrintOutcome } from '@shared/domain/printing'
import { onEvent } from '../lib/ipc'
import { formatDateTime } from '../lib/format'
import { useAsyncAction } from '../lib/useAsyncAction'

interface Props {
  /** Sends the labels to the chosen printer as one job; `again`: the clerk said print what was printed before; `printId`: its progress comes back under it. */
  print(again: boolean, printId: string): Promise<PrintOutcome>
  /** The viewer, as without a label printer (and the way out when a print failed). */
  open(): Promise<void>
  label: string
  testId: string
  /** Ctrl+P prints (one per screen: the card or batch in front). */
  shortcut?: boolean
  /** Print at once when shown (Settings: "Print labels right after booking"). */
  printNow?: boolean
  primary?: boolean
  onPrinted?(): void
}

/**
 * "Print label": straight to the label printer chosen in Settings, else the viewer. Says how the job
 * ended in the printer's words, offers "Print again" / "Open label" after a failure, and asks before a
 * label that printed (or may have) goes to the printer again.
 */
export function PrintLabels({ print, open, label, testId, shortcut, printNow, primary, onPrinted }: Props) {
  const { t, i18n } = useTranslation()
  const action = useAsyncAction()
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null)
  // The job on its way: sent, queued at the printer, printing (the printer's own word, as it says it).
  const [progress, setProgress] = useState<PrintJobProgress | null>(null)
  const printing = useRef<string | null>(null)
  useEffect(() => onEvent('printing:job', (p) => p.printId === printing.current && setProgress(p)), [])

  const start = useCallback(
    async (again: boolean): Promise<void> => {
      setOutcome(null)
      setProgress(null)
      const printId = crypto.randomUUID()
      printing.current = printId
      const result = await action.run(() => print(again, printId))
      printing.current = null
      setProgress(null)
      if (!result) return
      if (result.status === 'noPrinter') {
        await action.run(open)
        if (result.missing) setOutcome(result)
        return
      }
      setOutcome(result)
      if (result.status === 'printed') onPrinted?.()
    },
    [action, print, open, onPrinted]
  )

  const started = useRef(false)
  useEffect(() => {
    if (!printNow || started.current) return
    started.current = true
    void start(false)
  }, [printNow, start])

  useEffect(() => {
    if (!shortcut) return
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault()
        void start(false)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shortcut, start])

  const again = (
    <button type="button" disabled={action.busy} onClick={() => void start(true)} data-testid={`${testId}-again`}>
      {t('printing.printAgain')}
    </button>
  )
  const viewer = (
    <button type="button" disabled={action.busy} onClick={() => void action.run(open)}>
      {t('shipments.openLabel')}
    </button>
  )
  return (
    <>
      <button type="button" className={primary ? 'primary' : undefined} disabled={action.busy} onClick={() => void start(false)} data-testid={testId} aria-keyshortcuts={shortcut ? 'Control+P' : undefined}>
        {action.busy ? t('printing.printing') : label}
      </button>
      {action.busy && progress && (
        <p className="print-progress muted small" role="status" data-testid={`${testId}-progress`}>
          {t(`printing.progress.${progress.state}`, { printer: progress.printer })}
        </p>
      )}
      <div className="print-status" data-testid={`${testId}-status`} data-outcome={outcome?.status ?? ''} aria-live="polite">
        {action.error && <p className="error">{action.error}</p>}
        {outcome?.status === 'printed' && <p className="success">{t('printing.printed', { printer: outcome.printer, count: outcome.pages })}</p>}
        {outcome?.status === 'noPrinter' && outcome.missing && <p className="help">{t('printing.missingOpened', { printer: outcome.missing })}</p>}
        {outcome?.status === 'askAgain' && (
          <div className="alert alert-warning" role="alert">
            <p>{t('printing.askAgain', { printer: outcome.last.printer, when: formatDateTime(outcome.last.at, i18n.language) })}</p>
            {again}
          </div>
        )}
        {outcome?.status === 'failed' && (
          <div className="alert alert-error" role="alert">
            <p>
              {t(`printing.failed.${outcome.reason}`, { printer: outcome.printer })}
              {outcome.message && ` (${outcome.message})`}
            </p>
            <p className="small">{t('printing.labelKept')}</p>
            {again}
            {viewer}
          </div>
        )}
        {outcome?.status === 'mayHavePrinted' && (
          <div className="alert alert-warning" role="alert">
            <p>{t('printing.mayHavePrinted', { printer: outcome.printer })}</p>
            {again}
            {viewer}
          </div>
        )}
      </div>
    </>
  )
}
