import { z } from 'zod'
import { quoteInputSchema } from './quote'

/** "Book this" from a quote: the inputs plus the chosen service, waiting for the booking form. */
export const bookingDraftSchema = z.object({
  source: z.literal('quote'),
  createdAt: z.string(),
  customerNumber: z.string(),
  productId: z.string(),
  productName: z.string(),
  quote: quoteInputSchema
})
export type BookingDraft = z.infer<typeof bookingDraftSchema>
