export interface InterruptedMessages {
  notSent: string
  unknown: string
}

/** The error each interrupted row gets: "pending" → not sent, "sending" → outcome unknown. */
export const interruptedErrors = (messages: InterruptedMessages) => ({ notSent: { code: 'NOT_SENT', message: messages.notSent }, unknown: { code: 'INTERRUPTED', message: messages.unknown } })

/** The status and error (as stored JSON) each interrupted row moves to: "pending" → notSent, "sending" → unknown. Both engines. */
export function interruptedMoves(messages: InterruptedMessages): { notSent: ['not_sent', string]; unknown: ['outcome_unknown', string] } {
  const errors = interruptedErrors(messages)
  return { notSent: ['not_sent', JSON.stringify(errors.notSent)], unknown: ['outcome_unknown', JSON.stringify(errors.unknown)] }
}
