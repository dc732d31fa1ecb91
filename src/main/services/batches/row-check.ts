import { randomUUID } from 'node:crypto'
import type { AppError } from '@shared/ipc/app-error'
import { checkRow, rowFieldFor, type BatchDefaults, type RowValues } from '@shared/domain/batches'
import { partySchema, type BookingForm, type Party } from '@shared/domain/booking'
import { senderFromSettings } from '@shared/domain/settings'
import type { SettingsStore } from '../settings/settings-store'
import type { AddressBookStore } from '../store/address-book'

export interface RowCheckDeps {
  addressBook: Pick<AddressBookStore, 'get'>
  settings: Pick<SettingsStore, 'get'>
  /** A row's addresses against Bring's postal code register (see addresses/address-check.ts). */
  checkAddresses?(form: BookingForm): Promise<AppError | null>
}

/** Rows checked in one go before the process answers anything else. */
const CHECK_SLICE = 100

/**
 * A batch row checked as it will be booked: the batch's sender (its profile, else Settings' sender),
 * the booking schema, then, when that passes, its addresses against Bring's postal code register. A code
 * Bring does not know or a city that is not Bring's is a row problem before anything is sent, fixable in
 * place like any other.
 */
export function createRowChecker(deps: RowCheckDeps) {
  async function sender(defaults: BatchDefaults): Promise<Party | null> {
    const raw = defaults.senderId ? (await deps.addressBook.get(defaults.senderId))?.party : senderFromSettings(deps.settings.get().defaultSender)
    const parsed = raw ? partySchema.safeParse(raw) : null
    return parsed?.success ? parsed.data : null
  }

  async function withSender(defaults: BatchDefaults, values: RowValues, from: Party | null, clientRequestId: string): Promise<ReturnType<typeof checkRow>> {
    const c = checkRow(defaults, values, from, clientRequestId)
    if (!c.ok || !deps.checkAddresses) return c
    const bad = await deps.checkAddresses(c.form)
    if (!bad) return c
    const problems: Record<string, string[]> = {}
    for (const [path, messages] of Object.entries(bad.extra.fieldErrors ?? {})) (problems[rowFieldFor(path.split('.'))] ??= []).push(...messages)
    return { ok: false, problems }
  }

  return {
    /** One row: the form it books as, or its problems by row field. */
    check: async (defaults: BatchDefaults, values: RowValues, clientRequestId: string) => withSender(defaults, values, await sender(defaults), clientRequestId),
    /** New rows with their problems; the id used for checking is a stand-in (the store assigns the real one). */
    async checkNew(defaults: BatchDefaults, rows: RowValues[]) {
      const from = await sender(defaults)
      const checked: { values: RowValues; problems: Record<string, string[]> | null }[] = []
      for (let i = 0; i < rows.length; i += CHECK_SLICE) {
        // Between slices other calls get their turn: an import's 500-row chunk held everything else for 80 ms.
        if (i > 0) await new Promise((resolve) => setImmediate(resolve))
        const slice = rows.slice(i, i + CHECK_SLICE).map(async (values) => {
          const c = await withSender(defaults, values, from, randomUUID())
          return { values, problems: c.ok ? null : c.problems }
        })
        checked.push(...(await Promise.all(slice)))
      }
      return checked
    },
    /** For checking many rows with these defaults one by one (the batch's defaults changed): the sender is read once. */
    async forDefaults(defaults: BatchDefaults) {
      const from = await sender(defaults)
      return (values: RowValues, clientRequestId: string) => withSender(defaults, values, from, clientRequestId)
    }
  }
}
export type RowChecker = ReturnType<typeof createRowChecker>
