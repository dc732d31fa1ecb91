import type { PrintOptions } from 'pdf-to-printer'
import type { JobState, KnownPrinter, LabelPrinter } from './label-printer'
import { PrintError } from './label-printer'

/** The part of `pdf-to-printer` used here (its print runs SumatraPDF silently: no viewer window). */
export interface PdfToPrinter {
  getPrinters(): Promise<{ name: string }[]>
  getDefaultPrinter(): Promise<{ name: string } | null>
  print(pdf: string, options?: PrintOptions): Promise<void>
}

/**
 * Windows: `pdf-to-printer` hands the PDF to the named printer's queue and returns when the spooler
 * has it. Windows tells no more through it, so a job is "done" once spooled: the printer's own
 * problems show in Windows' queue, not here.
 */
export function createWindowsPrinter(load: () => Promise<PdfToPrinter> = async () => (await import('pdf-to-printer')) as unknown as PdfToPrinter): LabelPrinter {
  let jobs = 0
  return {
    async list(): Promise<KnownPrinter[]> {
      const lib = await load()
      const [printers, fallback] = await Promise.all([lib.getPrinters(), lib.getDefaultPrinter().catch(() => null)])
      return printers.map((p) => ({ name: p.name, isDefault: p.name === fallback?.name }))
    },
    async submit(file, { printer, fit }) {
      const lib = await load()
      const known = await lib.getPrinters()
      if (!known.some((p) => p.name === printer)) throw new PrintError('notFound', `Windows has no printer named “${printer}”.`)
      try {
        await lib.print(file, { printer, scale: fit ? 'fit' : 'noscale', silent: true })
      } catch (err) {
        throw new PrintError('refused', (err as Error).message)
      }
      return { jobId: String(++jobs) }
    },
    async state(): Promise<JobState> {
      return { state: 'done' }
    },
    async cancel() {
      // Spooled jobs are Windows' to cancel (its print queue window).
    }
  }
}
