import type { Kysely } from 'kysely'
import { interruptedMoves, type InterruptedMessages } from '../interrupted'
import type { SharedSchema } from './schema'

/**
 * recoverInterruptedRows for the shared database: only this desk's own rows, since another desk may
 * be sending right now. Shared by shipments and pickups.
 */
export async function recoverDeskRows(db: Kysely<SharedSchema>, table: 'shipments' | 'pickups', desk: string, messages: InterruptedMessages, at: string): Promise<{ notSent: number; unknown: number }> {
  const moves = interruptedMoves(messages)
  return db.transaction().execute(async (trx) => {
    const move = async (from: 'pending' | 'sending', [status, error]: ['not_sent' | 'outcome_unknown', string]): Promise<number> =>
      Number((await trx.updateTable(table).set({ status, error_json: error, updated_at: at }).where('desk', '=', desk).where('status', '=', from).executeTakeFirst()).numUpdatedRows)
    return { notSent: await move('pending', moves.notSent), unknown: await move('sending', moves.unknown) }
  })
}
