import pino, { type Logger, type DestinationStream } from 'pino'

/** Field paths that may carry a secret anywhere in a log object. */
const redactPaths = [
  'apiKey',
  '*.apiKey',
  'headers["x-mybring-api-key"]',
  'headers["X-Mybring-API-Key"]',
  '*.headers["x-mybring-api-key"]',
  '*.headers["X-Mybring-API-Key"]',
  'labelUrl',
  '*.labelUrl',
  'token',
  '*.token'
]

/** Literal secret values (the current API key) scrubbed from every serialised line, whatever the field. */
const knownSecrets = new Set<string>()

export function registerSecret(value: string): void {
  if (value.length >= 4) knownSecrets.add(value)
}

export function forgetSecret(value: string): void {
  knownSecrets.delete(value)
}

export function scrubSecrets(line: string): string {
  let out = line
  for (const secret of knownSecrets) out = out.split(secret).join('[Redacted]')
  return out
}

/** A pino logger with path redaction plus literal scrubbing of registered secrets. */
export function createLogger(destination?: DestinationStream, level = process.env.FRAKTDESK_LOG_LEVEL ?? 'info'): Logger {
  const sink: DestinationStream = destination ?? pino.destination(2)
  const scrubbing: DestinationStream = { write: (line: string) => sink.write(scrubSecrets(line)) }
  return pino({ level, redact: { paths: redactPaths, censor: '[Redacted]' }, base: undefined }, scrubbing)
}

export type { Logger }
