import { createLogger } from '../../src/main/services/log/logger'

/** A real logger whose serialised lines (after redaction) are kept for assertions. */
export function captureLogger(level = 'debug') {
  const lines: string[] = []
  const logger = createLogger({ write: (line: string) => void lines.push(line) }, level)
  return { logger, lines, text: () => lines.join('') }
}
