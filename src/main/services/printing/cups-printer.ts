import { execFile } from 'node:child_process'
import ipp from 'ipp'
import type { JobState, KnownPrinter, LabelPrinter } from './label-printer'
import { PrintError } from './label-printer'

/** Runs a CUPS command (lp, lpstat, cancel) and gives its output; rejects with its stderr. */
export type RunCommand = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<string>

export const runCommand: RunCommand = (command, args, env) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 15_000, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout)
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT'
      reject(Object.assign(new Error((stderr || err.message).trim()), { missing }))
    })
  })

type IppAttributes = Record<string, unknown>
/** One IPP operation on a printer's URI, answered with its attribute group. */
export type IppCall = (printerUrl: string, operation: 'Get-Job-Attributes' | 'Get-Printer-Attributes', attributes: IppAttributes, group: 'job-attributes-tag' | 'printer-attributes-tag') => Promise<IppAttributes>

const ippCall: IppCall = (printerUrl, operation, attributes, group) =>
  new Promise((resolve, reject) => {
    // The typings list one overload per operation; both used here answer an attribute group.
    const printer = new ipp.Printer(printerUrl) as unknown as { execute(op: string, msg: object, cb: (err: Error | null, res: Record<string, unknown>) => void): void }
    printer.execute(operation, { 'operation-attributes-tag': attributes }, (err, res) => {
      if (err) return reject(err)
      resolve(((res as Record<string, IppAttributes>)[group] ?? {}) as IppAttributes)
    })
  })

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)])

/** The printer's own words for why it is not printing, as one of ours. */
function printerProblem(p: IppAttributes): { reason: 'stopped' | 'offline'; message: string } | null {
  const reasons = list(p['printer-state-reasons'])
  const said = String(p['printer-state-message'] ?? '').trim()
  if (reasons.some((r) => r.startsWith('offline') || r.startsWith('connecting-to-device') || r.startsWith('shutdown'))) return { reason: 'offline', message: said || 'the printer is offline' }
  if (p['printer-state'] === 'stopped' || reasons.includes('paused') || p['printer-is-accepting-jobs'] === false) return { reason: 'stopped', message: said || reasons.filter((r) => r !== 'none').join(', ') || 'the printer is stopped' }
  return null
}

/**
 * CUPS, as on Linux and macOS: the `lp`/`lpstat`/`cancel` commands for the queue (they find the CUPS
 * server however the computer is set up, CUPS_SERVER included) and IPP (the `ipp` package) for what
 * the commands cannot tell apart: a job completed, cancelled or held, and the printer's reason.
 * Commands run with LANG=C: their output is read, and it is translated otherwise.
 */
export function createCupsPrinter(deps: { run?: RunCommand; ipp?: IppCall; env?: () => NodeJS.ProcessEnv } = {}): LabelPrinter {
  const run = deps.run ?? runCommand
  const call = deps.ipp ?? ippCall
  const env = (): NodeJS.ProcessEnv => ({ ...(deps.env?.() ?? process.env), LANG: 'C', LC_ALL: 'C' })
  const server = (): string => {
    const configured = env().CUPS_SERVER ?? ''
    // A socket path cannot be reached over HTTP; the local CUPS also listens on port 631.
    return configured && !configured.startsWith('/') ? configured : 'localhost:631'
  }
  const printerUrl = (printer: string): string => `http://${server().includes(':') ? server() : `${server()}:631`}/printers/${encodeURIComponent(printer)}`
  const cups = async (command: string, args: string[]): Promise<string> => {
    try {
      return await run(command, args, env())
    } catch (err) {
      if ((err as { missing?: boolean }).missing) throw new PrintError('noPrintService', `This computer has no CUPS print commands (${command} was not found).`)
      const message = (err as Error).message
      if (/does not exist|unknown (printer|destination)|Invalid destination/i.test(message)) throw new PrintError('notFound', message)
      if (/not accepting jobs/i.test(message)) throw new PrintError('stopped', message)
      if (/scheduler is not running|Unable to connect|Connection refused|Bad file descriptor/i.test(message)) throw new PrintError('noPrintService', `The print service (CUPS) is not running: ${message}`)
      throw new PrintError('refused', message)
    }
  }

  return {
    async list(): Promise<KnownPrinter[]> {
      const names = (await cups('lpstat', ['-e']).catch((err: unknown) => {
        // lpstat says "No destinations added." (exit 1) on a computer without printers.
        if (err instanceof PrintError && err.reason === 'refused' && /no destinations/i.test(err.message)) return ''
        throw err
      }))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
      const defaultLine = await cups('lpstat', ['-d']).catch(() => '')
      const found = /system default destination:\s*(\S+)/.exec(defaultLine)?.[1] ?? null
      return names.map((name) => ({ name, isDefault: name === found }))
    },
    async submit(file, { printer, title, fit }) {
      // -o fit-to-page scales to the media; print-scaling=none keeps Bring's size (a label is made to measure).
      const out = await cups('lp', ['-d', printer, '-t', title, '-o', fit ? 'fit-to-page' : 'print-scaling=none', '--', file])
      const id = /request id is\s+(\S+)-(\d+)/i.exec(out)?.[2]
      if (!id) throw new PrintError('refused', `The print service did not say which job it made: ${out.trim() || 'no answer'}`)
      return { jobId: id }
    },
    async state(printer, jobId): Promise<JobState> {
      const job = await call(printerUrl(printer), 'Get-Job-Attributes', { 'job-id': Number(jobId), 'requested-attributes': ['job-state', 'job-state-reasons', 'job-printer-state-message'] }, 'job-attributes-tag')
      const state = String(job['job-state'] ?? '')
      if (state === 'completed') return { state: 'done' }
      if (state === 'canceled') return { state: 'failed', reason: 'cancelled', message: 'The job was cancelled at the printer.' }
      if (state === 'aborted') return { state: 'failed', reason: 'refused', message: String(job['job-printer-state-message'] || 'The printer gave up on the job.') }
      // Pending, held or processing: is the printer able to get on with it?
      const p = await call(printerUrl(printer), 'Get-Printer-Attributes', { 'requested-attributes': ['printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-is-accepting-jobs'] }, 'printer-attributes-tag')
      const problem = printerProblem(p)
      if (problem) return { state: 'failed', ...problem }
      if (state === 'pending-held' || state === 'processing-stopped') return { state: 'failed', reason: 'stopped', message: list(job['job-state-reasons']).join(', ') || 'the job is held' }
      return { state: state === 'processing' ? 'printing' : 'queued' }
    },
    async cancel(printer, jobId) {
      await cups('cancel', [`${printer}-${jobId}`]).catch(() => undefined) // already gone is fine
    }
  }
}
