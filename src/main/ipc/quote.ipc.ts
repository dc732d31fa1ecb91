import type { HandlersOf } from './invoke'

export const quoteHandlers: HandlersOf<'quote:run' | 'quote:lastInput', 'customers' | 'quotes' | 'bring' | 'settings' | 'drafts'> = {
  async 'quote:run'({ input, refresh }, { customers, quotes, bring, settings, drafts }) {
    await drafts.setLastQuote(input)
    const { mode, apiUid, language } = settings.get()
    const list = await customers.list(false)
    return quotes.quote(bring.http(), input, list.customers, language, { refresh, cacheScope: `${mode}:${apiUid}` })
  },
  'quote:lastInput': async (_input, { drafts }) => drafts.get().lastQuote ?? null
}
