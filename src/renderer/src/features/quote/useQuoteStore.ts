import { create } from 'zustand'
import { call, errorMessage, IpcError } from '../../lib/ipc'
import type { QuoteInput, QuoteResult, QuoteRow } from '@shared/domain/quote'

export type QuoteSort = 'price' | 'date'

interface QuoteState {
  result: QuoteResult | null
  lastInput: QuoteInput | null
  loading: boolean
  error: string | null
  fieldErrors: Record<string, string[]> | undefined
  sort: QuoteSort
  run(input: QuoteInput, refresh?: boolean): Promise<void>
  setSort(sort: QuoteSort): void
}

export const useQuoteStore = create<QuoteState>((set) => ({
  result: null,
  lastInput: null,
  loading: false,
  error: null,
  fieldErrors: undefined,
  sort: 'price',
  async run(input, refresh = false) {
    set({ loading: true, error: null, fieldErrors: undefined, lastInput: input })
    try {
      set({ result: await call('quote:run', { input, refresh }), loading: false })
    } catch (err) {
      set({ loading: false, error: errorMessage(err), fieldErrors: err instanceof IpcError ? err.fieldErrors : undefined })
    }
  },
  setSort: (sort) => set({ sort })
}))

/** What the user pays: net (agreement) price incl. VAT when Bring gives one, else the list price. */
export const payable = (r: QuoteRow) => r.netPrice ?? r.listPrice

export function sortRows(rows: QuoteRow[], sort: QuoteSort): QuoteRow[] {
  const key = (r: QuoteRow): number | string => (sort === 'price' ? (payable(r)?.withVat ?? Number.POSITIVE_INFINITY) : (r.expectedDelivery?.date ?? '9999'))
  return [...rows].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -1 : ka > kb ? 1 : a.name.localeCompare(b.name)
  })
}

/** Cheapest and fastest among rows that can actually be booked (no error). */
export function highlights(rows: QuoteRow[]): { cheapest?: QuoteRow; fastest?: QuoteRow } {
  const usable = rows.filter((r) => payable(r) && r.expectedDelivery)
  return { cheapest: sortRows(usable, 'price')[0], fastest: sortRows(usable, 'date')[0] }
}
