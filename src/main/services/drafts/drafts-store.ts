import path from 'node:path'
import { z } from 'zod'
import { quoteInputSchema } from '@shared/domain/quote'
import { bookingDraftSchema } from '@shared/domain/drafts'
import { writeFileAtomic } from '../fs/atomic-write'
import { readJsonFile } from '../fs/json-file'

const fileSchema = z.object({
  lastQuote: quoteInputSchema.optional(),
  bookingDraft: bookingDraftSchema.optional()
})
type Drafts = z.infer<typeof fileSchema>

/** What the user typed last (quote form) and a booking started from a quote; survives restarts. */
export async function createDraftsStore(userDataDir: string) {
  const file = path.join(userDataDir, 'drafts.json')
  const loaded = await readJsonFile(file, fileSchema)
  let drafts: Drafts = loaded === null || loaded === 'corrupt' ? {} : loaded // a lost draft is a nuisance, not data loss
  const save = async (next: Drafts): Promise<void> => {
    await writeFileAtomic(file, JSON.stringify(next))
    drafts = next
  }
  return {
    get: () => drafts,
    setLastQuote: (lastQuote: Drafts['lastQuote']) => save({ ...drafts, lastQuote }),
    setBookingDraft: (bookingDraft: Drafts['bookingDraft'] | null) => save({ ...drafts, bookingDraft: bookingDraft ?? undefined })
  }
}
export type DraftsStore = Awaited<ReturnType<typeof createDraftsStore>>
