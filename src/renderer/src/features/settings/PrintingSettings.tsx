import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterList, PrintingSettings as Printing } from '@shared/domain/printing'
import { defaultPrintingSettings } from '@shared/domain/printing'
import { call } from '../../lib/ipc'
import { useAsyncAction } from '../../lib/useAsyncAction'
import { useSettingsStore } from '../../state/useSettingsStore'
import { PrintLabels } from '../../components/PrintLabels'

/** The label printer of this desk: chosen from the printers the OS knows, paper handling, print on booking, a test page. */
export function PrintingSettings() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const update = useSettingsStore((s) => s.update)
  const printing: Printing = settings?.printing ?? defaultPrintingSettings
  const [list, setList] = useState<PrinterList | null>(null)
  const action = useAsyncAction()

  const load = useCallback(() => void call('printing:printers').then(setList, () => setList(null)), [])
  useEffect(load, [load, printing.printer])

  const change = (patch: Partial<Printing>): void => void action.run(() => update({ printing: { ...printing, ...patch } }))
  const testPage = useCallback((_again: boolean, printId: string) => call('printing:testPage', { printId }), [])
  const nothingToOpen = useCallback(async () => undefined, [])

  return (
    <div className="printing-settings" data-testid="printing-settings">
      <p className="muted small">{t('printing.help')}</p>
      <div className="field">
        <label htmlFor="printing-printer">{t('printing.printer')}</label>
        <select id="printing-printer" value={printing.printer ?? ''} onChange={(e) => change({ printer: e.target.value || null })} onFocus={load}>
          <option value="">{t('printing.none')}</option>
          {list?.printers.map((p) => (
            <option key={p.name} value={p.name}>
              {p.isDefault ? t('printing.isDefault', { printer: p.name }) : p.name}
            </option>
          ))}
          {list?.chosenMissing && printing.printer && <option value={printing.printer}>{t('printing.missing', { printer: printing.printer })}</option>}
        </select>
        {list?.problem && <small className="help">{t('printing.noPrintService', { problem: list.problem })}</small>}
        {list?.chosenMissing && printing.printer && (
          <small className="error" role="alert" data-testid="printer-missing">
            {t('printing.missing', { printer: printing.printer })}
          </small>
        )}
      </div>
      <div className="field">
        <label htmlFor="printing-paper">{t('printing.paper')}</label>
        <select id="printing-paper" value={printing.paper} onChange={(e) => change({ paper: e.target.value as Printing['paper'] })}>
          <option value="asIs">{t('printing.paperAsIs')}</option>
          <option value="fit">{t('printing.paperFit')}</option>
        </select>
      </div>
      <label className="check">
        <input id="printing-after-booking" type="checkbox" checked={printing.printAfterBooking} disabled={!printing.printer} onChange={(e) => change({ printAfterBooking: e.target.checked })} /> {t('printing.printAfterBooking')}
      </label>
      {action.error && <p className="error">{action.error}</p>}
      {printing.printer && (
        <div className="actions">
          <PrintLabels print={testPage} open={nothingToOpen} label={t('printing.testPage')} testId="print-test-page" />
        </div>
      )}
    </div>
  )
}
