import type { PrintFailure } from '@shared/domain/printing'

/** A printer the OS knows. */
export interface KnownPrinter {
  name: string
  isDefault: boolean
}

/** Where a submitted job is. "done": the printer (or, where the OS cannot say more, its queue) took all of it. */
export type JobState = { state: 'queued' | 'printing' | 'done' } | { state: 'failed'; reason: PrintFailure; message: string }

/** The OS's printing, electron-free: one implementation per OS family (CUPS on Linux and macOS, Windows). */
export interface LabelPrinter {
  /** The printers the OS knows, the system default marked. Throws PrintError('noPrintService') when there is no print service. */
  list(): Promise<KnownPrinter[]>
  /** One PDF as one job. */
  submit(file: string, opts: { printer: string; title: string; fit: boolean }): Promise<{ jobId: string }>
  state(printer: string, jobId: string): Promise<JobState>
  /** Takes a job that will not print (a stopped printer) out of the queue, so a later "Print again" prints once. */
  cancel(printer: string, jobId: string): Promise<void>
}

/** A print that could not be handed to the printer, with the reason in the clerk's terms. */
export class PrintError extends Error {
  constructor(
    readonly reason: PrintFailure,
    message: string
  ) {
    super(message)
    this.name = 'PrintError'
  }
}
