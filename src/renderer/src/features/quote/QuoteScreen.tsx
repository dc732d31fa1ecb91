import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/ipc'
import type { QuoteFormValues, QuoteRow } from '@shared/domain/quote'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useIntentsStore } from '../../state/useIntentsStore'
import { useSettingsStore } from '../../state/useSettingsStore'
import { timeAgo } from '../../lib/format'
import { QuoteForm, emptyQuote } from './QuoteForm'
import { QuoteResults } from './QuoteResults'
import { useQuoteStore } from './useQuoteStore'

export function QuoteScreen() {
  const { t, i18n } = useTranslation()
  const customers = useCustomersStore((s) => s.list?.customers)
  const loadCustomers = useCustomersStore((s) => s.load)
  const customersError = useCustomersStore((s) => s.error)
  const ownAddress = useSettingsStore((s) => s.settings?.defaultSender)
  const { result, lastInput, loading, error, fieldErrors, sort, run, setSort } = useQuoteStore()
  const bookThis = useIntentsStore((s) => s.bookThis)
  const [initial, setInitial] = useState<QuoteFormValues | null>(null)

  useEffect(() => {
    if (!customers) void loadCustomers()
  }, [customers, loadCustomers])

  // The last inputs come back: from this session's store, else from what main remembered.
  useEffect(() => {
    if (!customers || initial) return
    // Keep only customer numbers this mode/user still has; none left means compare them all.
    const restore = (saved: QuoteFormValues | null): QuoteFormValues => {
      if (!saved) return emptyQuote(customers, ownAddress)
      const kept = (saved.customerNumbers ?? []).filter((n) => customers.some((c) => c.customerNumber === n))
      return { ...saved, customerNumbers: kept.length > 0 ? kept : customers.map((c) => c.customerNumber) }
    }
    if (lastInput) return setInitial(restore(lastInput))
    void call('quote:lastInput').then(
      (saved) => setInitial(restore(saved)),
      () => setInitial(emptyQuote(customers, ownAddress))
    )
  }, [customers, initial, lastInput, ownAddress])

  // A fresh answer: focus the first "Book this" (the cheapest, sorted by price), ready for Enter.
  const resultsRef = useRef<HTMLDivElement>(null)
  const wasLoading = useRef(loading)
  useEffect(() => {
    if (wasLoading.current && !loading && result) resultsRef.current?.querySelector<HTMLButtonElement>('[data-book-this]')?.focus()
    wasLoading.current = loading
  }, [loading, result])

  const book = (row: QuoteRow): void => {
    if (!lastInput) return
    const price = row.netPrice ?? row.listPrice
    const quotedPrice = price ? { productId: row.productId, amount: price.withoutVat, currency: price.currency } : undefined
    bookThis({ source: 'quote', draft: { source: 'quote', createdAt: new Date().toISOString(), customerNumber: row.customerNumber, productId: row.productId, productName: row.name, quote: lastInput, quotedPrice } })
  }

  return (
    <section className="screen quote" data-testid="screen-quote">
      <div className="screen-head">
        <h1>{t('nav.quote')}</h1>
        {result && (
          <div className="head-tools">
            <span className="muted" data-testid="quote-age">
              {t('quote.quotedAt', { age: timeAgo(result.quotedAt, i18n.language) })}
              {result.fromCache ? ` (${t('quote.cached')})` : ''}
            </span>
            <button type="button" disabled={loading || !lastInput} onClick={() => lastInput && void run(lastInput, true)}>
              {t('common.refresh')}
            </button>
          </div>
        )}
      </div>
      {customersError && <div className="alert alert-error" role="alert">{customersError}</div>}
      {customers && initial && <QuoteForm initial={initial} customers={customers} busy={loading} serverFieldErrors={fieldErrors} onSubmit={(input) => void run(input)} />}
      {error && <div className="alert alert-error" role="alert" data-testid="quote-error">{error}</div>}
      <div ref={resultsRef}>
        {result && <QuoteResults result={result} sort={sort} onSort={setSort} onBook={book} showCustomer={(lastInput?.customerNumbers.length ?? 1) > 1} to={lastInput ? { postalCode: lastInput.toPostalCode, countryCode: lastInput.toCountryCode } : undefined} />}
      </div>
    </section>
  )
}
