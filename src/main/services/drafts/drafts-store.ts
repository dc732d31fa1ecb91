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
  // One write at a time, in the order asked: the window no longer waits for a draft to be kept, so the
  // booking's "clear the draft" can follow on its heels, and two renames racing would let the older win.
  let writing: Promise<void> = Promise.resolve()
  const save = (next: Drafts): Promise<void> => {
    drafts = next
    const write = writing.then(() => writeFileAtomic(file, JSON.stringify(next)))
    writing = write.catch(() => undefined)
    return write
  }
  return {
    get: () => drafts,
    setLastQuote: (lastQuote: Drafts['lastQuote']) => save({ ...drafts, lastQuote }),
    setBookingDraft: (bookingDraft: Drafts['bookingDraft'] | null) => save({ ...drafts, bookingDraft: bookingDraft ?? undefined })
  }
}
export type DraftsStore = Awaited<ReturnType<typeof createDraftsStore>>
