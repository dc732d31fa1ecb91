import os from 'node:os'
import { lastLogLines } from './log-file'

export interface DiagnosticsInput {
  app: { name: string; version: string; platform: string }
  mode: string
  counts: Record<string, number>
  logsDir: string
}

/** What a support person needs first, as plain text to paste into an e-mail; no secret, no label token. */
export async function diagnosticsSummary(input: DiagnosticsInput): Promise<{ text: string; lines: number }> {
  const lines = await lastLogLines(input.logsDir, 200)
  const text = [
    `${input.app.name} ${input.app.version}`,
    `OS: ${input.app.platform} ${os.release()} (${os.arch()}), Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}`,
    `Mode: ${input.mode}`,
    `Counts: ${Object.entries(input.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `Log folder: ${input.logsDir}`,
    '',
    `Last ${lines.length} log lines:`,
    ...lines
  ].join('\n')
  return { text, lines: lines.length }
}
