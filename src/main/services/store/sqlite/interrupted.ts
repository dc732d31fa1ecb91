import type { Db } from './db'
import { interruptedMoves, type InterruptedMessages } from '../interrupted'

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
