import { promises as fs } from 'node:fs'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import type { LabelPrint, PrinterList, PrintJobProgress, PrintOutcome } from '@shared/domain/printing'
import type { SettingsStore } from '../settings/settings-store'
import type { LabelPrintStore } from '../store/label-prints'
import type { Logger } from '../log/logger'
import { writeFileAtomic } from '../fs/atomic-write'
import { mergeLabelFiles } from '../labels/merge-labels'
import { PrintError, type JobState, type LabelPrinter } from './label-printer'
import { makeTestPage } from './test-page'

export interface PrintServiceDeps {
  printer: LabelPrinter
  settings: SettingsStore
  prints: LabelPrintStore
  labelsDir: string
  logger: Logger
  now?: () => Date
  /** How long a job may take before it "may have printed" (a label printer takes seconds). */
  jobTimeoutMs?: number
  pollMs?: number
  /** How a print started with a `printId` is getting on (sent, queued, printing), for the window that started it. */
  onProgress?(progress: PrintJobProgress): void
}

const testPageText = {
  en: { title: 'Fraktdesk test page', locale: 'en-GB' },
  nb: { title: 'Fraktdesk testside', locale: 'nb-NO' }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

interface PrintOptions {
  title: string
  /** The shipments whose labels these are: the print is recorded with each. */
  shipmentIds: string[]
  /** The clerk said print what was printed before. */
  again?: boolean
  /** The window's id for this print: its progress is reported under it. */
  printId?: string
}

/**
 * Labels to the desk's label printer: one job per print (a batch's labels merged into one PDF, row
 * order), followed until the printer says done or failed, and recorded with each shipment. A job a
 * stopped printer will not take is taken out of the queue, so "Print again" later prints it once; a job
 * that does not finish in time "may have printed" and is never sent again without the clerk asking.
 */
export function createPrintService(deps: PrintServiceDeps) {
  const now = deps.now ?? (() => new Date())
  const chosen = () => deps.settings.get().printing

  const printers = async (): Promise<PrinterList> => {
    const printer = chosen().printer
    try {
      const known = await deps.printer.list()
      return { printers: known, problem: null, chosen: printer, chosenMissing: printer !== null && !known.some((p) => p.name === printer) }
    } catch (err) {
      // No print service at all: the choice cannot be checked, and labels open in the viewer.
      return { printers: [], problem: (err as Error).message, chosen: printer, chosenMissing: printer !== null }
    }
  }

  const follow = async (printer: string, jobId: string, report: (state: 'queued' | 'printing') => void): Promise<JobState | null> => {
    const deadline = Date.now() + (deps.jobTimeoutMs ?? 60_000)
    let said: string | null = null
    for (;;) {
      let state: JobState
      try {
        state = await deps.printer.state(printer, jobId)
      } catch (err) {
        deps.logger.warn({ err, printer, jobId }, 'print job state unavailable')
        state = { state: 'queued' } // the job was taken; not knowing its state is not a failure
      }
      if (state.state === 'done' || state.state === 'failed') return state
      if (state.state !== said) report(state.state)
      said = state.state
      if (Date.now() >= deadline) return null
      await sleep(deps.pollMs ?? 400)
    }
  }

  /** One PDF as one job to the chosen printer; `shipmentIds` get the result in their print history. */
  const printFile = async (file: string, opts: PrintOptions & { pages: number }): Promise<PrintOutcome> => {
    const list = await printers()
    const printer = list.chosen
    if (!printer || list.chosenMissing) return { status: 'noPrinter', missing: list.chosenMissing ? printer : null }
    if (!opts.again && opts.shipmentIds.length > 0) {
      const last = await deps.prints.lastPrinted(opts.shipmentIds)
      if (last) return { status: 'askAgain', last }
    }
    const record = async (print: Omit<LabelPrint, 'at' | 'printer'>): Promise<void> => {
      if (opts.shipmentIds.length > 0) await deps.prints.add(opts.shipmentIds, { at: now().toISOString(), printer, ...print })
    }
    const report = (state: PrintJobProgress['state']): void => {
      if (opts.printId) deps.onProgress?.({ printId: opts.printId, printer, state })
    }
    let jobId: string
    try {
      report('sending')
      jobId = (await deps.printer.submit(file, { printer, title: opts.title, fit: chosen().paper === 'fit' })).jobId
    } catch (err) {
      const failure = err instanceof PrintError ? err : new PrintError('refused', (err as Error).message)
      await record({ jobId: null, result: 'failed', message: failure.message })
      return { status: 'failed', printer, reason: failure.reason, message: failure.message }
    }
    const end = await follow(printer, jobId, report)
    if (end === null) {
      const message = 'The printer did not say it finished.'
      await record({ jobId, result: 'mayHavePrinted', message })
      return { status: 'mayHavePrinted', printer, jobId, message }
    }
    if (end.state === 'failed') {
      await deps.printer.cancel(printer, jobId)
      await record({ jobId, result: 'failed', message: end.message })
      return { status: 'failed', printer, reason: end.reason, message: end.message }
    }
    await record({ jobId, result: 'printed', message: '' })
    return { status: 'printed', printer, jobId, pages: opts.pages }
  }

  return {
    printers,
    /** Labels (file names in the labels folder) as one job, in the order given. */
    async printLabels(files: string[], opts: PrintOptions): Promise<PrintOutcome> {
      if (files.length === 1) {
        const pages = (await PDFDocument.load(await fs.readFile(path.join(deps.labelsDir, files[0])))).getPageCount()
        return printFile(path.join(deps.labelsDir, files[0]), { ...opts, pages })
      }
      const merged = await mergeLabelFiles(deps.labelsDir, files, `print-${now().getTime()}.pdf`)
      const file = path.join(deps.labelsDir, merged.file)
      try {
        return await printFile(file, { ...opts, pages: merged.pages })
      } finally {
        await fs.rm(file, { force: true })
      }
    },
    /** A file already in the labels folder (a batch's merged labels) as one job. */
    printFile: (name: string, opts: PrintOptions & { pages: number }) => printFile(path.join(deps.labelsDir, name), opts),
    async testPage(printId?: string): Promise<PrintOutcome> {
      const text = testPageText[deps.settings.get().language]
      const printer = chosen().printer ?? ''
      const when = new Intl.DateTimeFormat(text.locale, { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'medium' }).format(now())
      const file = path.join(deps.labelsDir, 'fraktdesk-test-page.pdf')
      await writeFileAtomic(file, await makeTestPage(printer, when, text.title))
      return printFile(file, { title: text.title, shipmentIds: [], again: true, pages: 1, printId })
    },
    history: (shipmentId: string) => deps.prints.forShipment(shipmentId)
  }
}
export type PrintService = ReturnType<typeof createPrintService>
