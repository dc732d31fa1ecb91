import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { createDraftsStore } from '../../../../src/main/services/drafts/drafts-store'
import type { BookingDraft } from '../../../../src/shared/domain/drafts'
import { storedQuoteInputSchema } from '../../../../src/shared/domain/quote'

const draft: BookingDraft = {
  source: 'quote',
  createdAt: '2026-12-07T10:00:00.000Z',
  customerNumber: '5',
  productId: '5800',
  productName: 'Pakke til hentested',
  quote: storedQuoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: '2026-12-07', packages: [{ weightKg: 2.5 }], customerNumbers: ['5'] })
}

describe('drafts kept across restarts', () => {
  const tempDir = useTempDir()

  it('a draft cleared while it is still being written stays cleared: writes land in the order asked', async () => {
    const dir = await tempDir()
    const drafts = await createDraftsStore(dir)
    // "Book this" no longer waits for its draft to be kept; a booking right after clears it.
    const kept = drafts.setBookingDraft(draft)
    const cleared = drafts.setBookingDraft(null)
    await Promise.all([kept, cleared])
    expect(drafts.get().bookingDraft).toBeUndefined()
    expect(JSON.parse(await readFile(path.join(dir, 'drafts.json'), 'utf8')).bookingDraft).toBeUndefined()
    expect((await createDraftsStore(dir)).get().bookingDraft).toBeUndefined()
  })

  it('a draft written and not cleared is there after a restart, with the last quote beside it', async () => {
    const dir = await tempDir()
    const drafts = await createDraftsStore(dir)
    void drafts.setLastQuote(draft.quote)
    await drafts.setBookingDraft(draft)
    const reopened = (await createDraftsStore(dir)).get()
    expect(reopened.bookingDraft).toMatchObject({ productId: '5800', quote: { toPostalCode: '5003' } })
    expect(reopened.lastQuote).toMatchObject({ toPostalCode: '5003' })
  })
})
