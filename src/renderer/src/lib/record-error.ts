import type { TFunction } from 'i18next'
import type { RecordError } from '@shared/domain/booking'

/**
 * Why a booking ended where it did, in the UI language: main keeps the reason's message key with
 * the record (`errors.*`), and the app's own stop reasons have codes; only a reason with neither
 * (a record from an older version) is shown as main wrote it.
 */
export function reasonText(error: RecordError | null | undefined, t: TFunction): string {
  if (!error) return ''
  if (error.i18n) return t(`errors.${error.i18n.key}`, error.i18n.params ?? {})
  const own: Record<string, string> = { NOT_SENT: 'shipments.notSentAfterStop', INTERRUPTED: 'shipments.stoppedWhileSending', BRING_BAD_RESPONSE: 'shipments.answerUnreadable', INTERNAL: 'shipments.answerUnreadable' }
  return own[error.code] ? t(own[error.code]) : error.message
}
