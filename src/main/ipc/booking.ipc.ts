import { shipmentView } from '@shared/domain/booking'
import type { HandlersOf } from './invoke'

/** The Book screen: booking, and the form kept as a draft while the user types (drafts:* is the booking draft). */
export const bookingHandlers: HandlersOf<'booking:submit' | 'drafts:bookingSet' | 'drafts:bookingGet', 'booking' | 'drafts'> = {
  'booking:submit': async ({ form, confirmLive }, { booking }) => shipmentView(await booking.submit(form, { confirmLive })),
  async 'drafts:bookingSet'(draft, { drafts }) {
    await drafts.setBookingDraft(draft)
    return { saved: true }
  },
  'drafts:bookingGet': async (_input, { drafts }) => drafts.get().bookingDraft ?? null
}
