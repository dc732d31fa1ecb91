import type { AppError } from '@shared/ipc/app-error'

/**
 * For requests that create something at Bring (bookings, pickups): errors after which the request
 * may have been processed. A timeout, a cut connection, a 5xx or an unreadable answer all leave the
 * outcome unknown; 4xx, 429 and never-connected failures mean nothing was created.
 */
const unknown = new Set(['BRING_TIMEOUT', 'BRING_CONNECTION_LOST', 'BRING_SERVER', 'BRING_BAD_RESPONSE'])

export function isOutcomeUnknown(err: AppError): boolean {
  return unknown.has(err.code)
}
