import type { Handlers } from './invoke'

export const quoteHandlers: Pick<Handlers, 'quote:run' | 'quote:lastInput' | 'drafts:bookingSet' | 'drafts:bookingGet'> = {
  async 'quote:run'({ input, refresh }, { customers, quotes, bring, settings, drafts }) {
    await drafts.setLastQuote(input)
    const { mode, apiUid, language } = settings.get()
    const list = await customers.list(false)
    return quotes.quote(bring.http(), input, list.customers, language, { refresh, cacheScope: `${mode}:${apiUid}` })
  },
  'quote:lastInput': async (_input, { drafts }) => drafts.get().lastQuote ?? null,
  async 'drafts:bookingSet'(draft, { drafts }) {
    await drafts.setBookingDraft(draft)
    return { saved: true }
  },
  'drafts:bookingGet': async (_input, { drafts }) => drafts.get().bookingDraft ?? null
}
