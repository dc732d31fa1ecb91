import { z } from 'zod'

/** One entry of Customer Info's `customers` array; unknown fields are tolerated. */
export const customerSchema = z.object({
  customerNumber: z.string().min(1),
  name: z.string(),
  countryCode: z.string(),
  products: z.array(z.string())
})
export type Customer = z.infer<typeof customerSchema>

export const customerListSchema = z.object({
  customers: z.array(customerSchema),
  fetchedAt: z.string(),
  source: z.enum(['network', 'cache']),
  /** Set when the list came from cache because Bring could not be reached. */
  staleReason: z.string().optional()
})
export type CustomerList = z.infer<typeof customerListSchema>
