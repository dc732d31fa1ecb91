import { readFile } from 'node:fs/promises'
import { AppError } from '@shared/ipc/app-error'

const kinds = {
  certificate: { pattern: /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, refused: 'This is not a PEM certificate (-----BEGIN CERTIFICATE-----).' },
  privateKey: {
    pattern: /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/,
    refused: 'This is not a PEM private key (-----BEGIN PRIVATE KEY-----).'
  }
} as const

/**
 * A file chosen in main's own picker (never a path from the window) is PEM of the kind it is for:
 * anything else is refused on that field, before main keeps it.
 */
export async function checkPemFile(file: string, kind: keyof typeof kinds, field: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw AppError.field(field, 'The file could not be read.')
  })
  if (!kinds[kind].pattern.test(text)) throw AppError.field(field, kinds[kind].refused)
}
