import { z } from 'zod'
import { storedQuoteInputSchema } from './quote'
import { code, safeText } from './fields'
import { quotedPriceSchema } from './booking'

/** "Book this" from a quote: the inputs plus the chosen service, waiting for the booking form. */
export const bookingDraftSchema = z.object({
  source: z.literal('quote'),
  createdAt: z.string().max(40),
  customerNumber: code(40),
  productId: code(40),
  productName: safeText(200),
  quote: storedQuoteInputSchema,
  quotedPrice: quotedPriceSchema.optional()
})
export type BookingDraft = z.infer<typeof bookingDraftSchema>
