import type { Db } from './sqlite/db'

export interface InterruptedMessages {
  notSent: string
  unknown: string
}

/**
 * At start-up nothing can be in flight. A row still "pending" was never handed off: nothing reached
 * Bring, it can be sent again. One "sending" was cut off mid-request: Bring may or may not have it,
 * so the outcome is unknown until the user checks. Shared by shipments and pickups.
 */
export function recoverInterruptedRows(db: Db, table: 'shipments' | 'pickups', messages: InterruptedMessages, at: string): { notSent: number; unknown: number } {
  const set = db.prepare(`UPDATE ${table} SET status = ?, error_json = ?, updated_at = ? WHERE status = ?`)
  const moves = interruptedMoves(messages)
  return db.transaction(() => ({
    notSent: set.run(...moves.notSent, at, 'pending').changes,
    unknown: set.run(...moves.unknown, at, 'sending').changes
  }))()
}

/** The error each interrupted row gets: "pending" → not sent, "sending" → outcome unknown. */
export const interruptedErrors = (messages: InterruptedMessages) => ({ notSent: { code: 'NOT_SENT', message: messages.notSent }, unknown: { code: 'INTERRUPTED', message: messages.unknown } })

/** The status and error (as stored JSON) each interrupted row moves to: "pending" → notSent, "sending" → unknown. Both engines. */
export function interruptedMoves(messages: InterruptedMessages): { notSent: ['not_sent', string]; unknown: ['outcome_unknown', string] } {
  const errors = interruptedErrors(messages)
  return { notSent: ['not_sent', JSON.stringify(errors.notSent)], unknown: ['outcome_unknown', JSON.stringify(errors.unknown)] }
}
