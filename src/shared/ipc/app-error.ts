import { z } from 'zod'
import { renderError, type ErrorKey, type ErrorParams } from './error-messages'

export const appErrorCodes = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'INTERNAL',
  'INVALID_OUTPUT',
  'BRING_AUTH',
  'BRING_UNREACHABLE',
  /** Failed before the request was handed to the network: nothing reached Bring. */
  'BRING_NOT_SENT',
  'BRING_CONNECTION_LOST',
  'BRING_TIMEOUT',
  'BRING_SERVER',
  'BRING_RATE_LIMITED',
  'BRING_VALIDATION',
  'BRING_BAD_RESPONSE',
  'BRING_NOT_FOUND',
  'NO_CREDENTIALS',
  'KEYCHAIN_UNAVAILABLE',
  /** Team mode: the shared database cannot be reached (it went away, or is not there yet). */
  'SHARED_DB_UNAVAILABLE',
  'CONFIRMATION_REQUIRED'
] as const

export const appErrorSchema = z.object({
  code: z.enum(appErrorCodes),
  message: z.string(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  /** Bring's own error codes and messages, kept verbatim for 400s. */
  details: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
  /** For fixed-wording errors: the template key and params, so the renderer can translate. */
  i18n: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional()
})
export type AppErrorData = z.infer<typeof appErrorSchema>
export type AppErrorCode = AppErrorData['code']

/** Thrown anywhere in main; the IPC wrapper turns it into AppErrorData and nothing else crosses. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extra: Pick<AppErrorData, 'fieldErrors' | 'details' | 'i18n'> = {}
  ) {
    super(message)
    this.name = 'AppError'
  }

  /** An error in fixed words from error-messages.ts, translatable in the renderer. */
  static templated(code: AppErrorCode, key: ErrorKey, params?: ErrorParams, extra: Pick<AppErrorData, 'details'> = {}): AppError {
    return new AppError(code, renderError(key, params), { ...extra, i18n: { key, params } })
  }

  /** Invalid input tied to one field (for a record that is gone or in the wrong state: its id). */
  static field(field: string, message: string): AppError {
    return new AppError('INVALID_INPUT', message, { fieldErrors: { [field]: [message] } })
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, ...this.extra }
  }
}

/** What every channel returns over IPC: Electron would otherwise flatten thrown errors to a string. */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }
