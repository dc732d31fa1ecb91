import type { TFunction } from 'i18next'
import type { RecordError } from '@shared/domain/booking'
import { localizePhrase } from '@shared/domain/phrases-nb'

/**
 * Why a booking ended where it did, in the UI language: main keeps the reason's message key with
 * the record (`errors.*`), and the app's own stop reasons have codes; any other reason (Bring's
 * refusal, a record from an older version) goes through the phrase table, as main's errors do.
 */
export function reasonText(error: RecordError | null | undefined, t: TFunction): string {
  if (!error) return ''
  if (error.i18n) return keyedText(error.i18n, t)
  const own: Record<string, string> = { NOT_SENT: 'shipments.notSentAfterStop', INTERRUPTED: 'shipments.stoppedWhileSending', BRING_BAD_RESPONSE: 'shipments.answerUnreadable', INTERNAL: 'shipments.answerUnreadable' }
  return own[error.code] ? t(own[error.code]) : localizePhrase(error.message)
}

const keyedText = (i18n: NonNullable<RecordError['i18n']>, t: TFunction): string => t(`errors.${i18n.key}`, i18n.params ?? {})

/**
 * Why a pickup ended where it did. A translatable cause gets the status's own advice after it; a
 * reason without a key was stored with its advice and goes through the phrase table whole.
 */
export function pickupReasonText(error: RecordError | null | undefined, status: string, t: TFunction): string {
  if (!error) return ''
  if (!error.i18n) return localizePhrase(error.message)
  const advice = status === 'not_sent' ? t('pickups.notSentHelp') : status === 'outcome_unknown' ? t('pickups.outcomeUnknownHelp') : ''
  return [keyedText(error.i18n, t), advice].filter(Boolean).join(' ')
}

/** A batch row's stored problems (checked in main with the schemas' English sentences), in the UI language. */
export function problemsText(messages: readonly string[] | undefined): string {
  return (messages ?? []).map((m) => localizePhrase(m)).join(' ')
}
