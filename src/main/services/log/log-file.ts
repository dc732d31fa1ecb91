import { mkdirSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import type { DestinationStream } from 'pino'
import { scrubSecrets } from './logger'

export const LOG_FILE = 'fraktdesk.log'
/** 5 files of at most 5 MB: a few weeks of a busy desk, never a full disk. */
export const LOG_ROTATION = { size: '5M', files: 5 } as const

/** The log file in userData/logs (owner-only), rotated by size: fraktdesk.log, fraktdesk.log.1 … .4. */
export function openLogFile(logsDir: string, rotation: { size: `${number}${'B' | 'K' | 'M'}`; files: number } = LOG_ROTATION): RotatingFileStream {
  mkdirSync(logsDir, { recursive: true, mode: 0o700 })
  return createStream(LOG_FILE, { path: logsDir, size: rotation.size, rotate: rotation.files - 1, mode: 0o600 })
}

/** One pino destination writing every line to each stream (stderr for developers, the file for support). */
export function tee(...streams: { write(line: string): unknown }[]): DestinationStream {
  return { write: (line: string) => void streams.forEach((s) => s.write(line)) }
}

/** Label links carry access tokens; whatever a line says, they leave the app only as "[token]". */
export function scrubLine(line: string): string {
  return scrubSecrets(line).replace(/(\/labels\/)[^\s"'\\?]+/g, '$1[token]').replace(/(x-mybring-api-key"?\s*[:=]\s*"?)[^",\s}]+/gi, '$1[Redacted]')
}

/** The last `n` lines of the log (from the previous file too if the current one is short), scrubbed. */
export async function lastLogLines(logsDir: string, n = 200): Promise<string[]> {
  const read = async (name: string): Promise<string[]> => (await fs.readFile(path.join(logsDir, name), 'utf8').catch(() => '')).split('\n').filter((l) => l.trim() !== '')
  let lines = await read(LOG_FILE)
  if (lines.length < n) lines = [...(await read(`${LOG_FILE}.1`)), ...lines]
  return lines.slice(-n).map(scrubLine)
}
