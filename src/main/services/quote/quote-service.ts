import type { Customer } from '@shared/domain/customers'
import type { QuoteInput, QuoteResult, QuoteRow } from '@shared/domain/quote'
import type { Language } from '@shared/domain/settings'
import { catalogueProduct } from '@shared/catalogue/products'
import { AppError } from '@shared/ipc/app-error'
import type { BringHttp } from '../bring/bring-http'
import { quoteForCustomer } from '../bring/shipping-guide'

import { LRUCache } from 'lru-cache'

const TTL_MS = 10 * 60 * 1000
/** About 13 kB per quote: a few hundred distinct quotes stay well under 5 MB. */
export const QUOTE_CACHE_MAX = 300

/** Products worth asking the Shipping Guide about: those it supports, and ids the catalogue does not know. */
export function quotableProducts(customer: Customer): string[] {
  return customer.products.filter((id) => catalogueProduct(id)?.shippingGuide ?? true)
}

/**
 * Quotes every chosen customer number in parallel, one Shipping Guide call each. Identical inputs
 * within ten minutes come from memory unless the user asks for a refresh.
 */
export function createQuoteService(now = () => Date.now()) {
  // Bounded twice: by age (TTL, checked below against the injected clock) and by count (LRU).
  const cache = new LRUCache<string, { at: number; result: QuoteResult }>({ max: QUOTE_CACHE_MAX })

  return {
    async quote(http: BringHttp, input: QuoteInput, customers: Customer[], language: Language, opts: { refresh: boolean; cacheScope: string }): Promise<QuoteResult> {
      const key = JSON.stringify([opts.cacheScope, language, input])
      const hit = cache.get(key)
      if (hit && !opts.refresh && now() - hit.at < TTL_MS) return { ...hit.result, fromCache: true }
      if (hit) cache.delete(key)

      const chosen = input.customerNumbers.map((n) => {
        const c = customers.find((x) => x.customerNumber === n)
        if (!c) throw new AppError('INVALID_INPUT', `Customer number ${n} is not one of yours. Refresh the Customers screen.`, { fieldErrors: { customerNumbers: [`Unknown customer number ${n}`] } })
        return c
      })
      const settled = await Promise.allSettled(chosen.map((c) => quoteForCustomer(http, input, c, quotableProducts(c), language)))
      const rows: QuoteRow[] = []
      const customerErrors: QuoteResult['customerErrors'] = []
      settled.forEach((s, i) => {
        if (s.status === 'fulfilled') rows.push(...s.value)
        else customerErrors.push({ customerNumber: chosen[i].customerNumber, message: s.reason instanceof Error ? s.reason.message : String(s.reason) })
      })
      // Nothing to show at all: fail the quote with the reason, so the form stays as typed.
      if (rows.length === 0 && customerErrors.length > 0) {
        const first = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason
        throw first instanceof AppError ? first : new AppError('INTERNAL', customerErrors[0].message)
      }
      const result: QuoteResult = { rows, customerErrors, quotedAt: new Date(now()).toISOString(), fromCache: false }
      if (customerErrors.length === 0) cache.set(key, { at: now(), result })
      return result
    },
    /** How many quotes are held in memory (for the bound's test). */
    cacheSize: () => cache.size
  }
}
export type QuoteService = ReturnType<typeof createQuoteService>
