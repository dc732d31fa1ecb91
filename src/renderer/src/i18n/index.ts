import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { setValidationLanguage } from '@shared/domain/validation-messages'
import type { Language } from '@shared/domain/settings'

// Form validation (the shared zod schemas) answers in the UI language too.
// Screen readers and the spell checker follow <html lang>.
i18n.on('languageChanged', (lng) => {
  setValidationLanguage(lng)
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'nb' ? 'nb' : 'en'
})

// English ships with the shell (it is also the fallback); Norwegian is its own chunk, fetched only by
// a window that shows it, so an English window does not parse 30 kB of strings it never uses.
const loadStrings: Record<Exclude<Language, 'en'>, () => Promise<typeof en>> = {
  nb: () => import('./nb').then((m) => m.nb)
}

async function ensureStrings(lng: Language): Promise<void> {
  if (lng === 'en' || i18n.hasResourceBundle(lng, 'translation')) return
  i18n.addResourceBundle(lng, 'translation', await loadStrings[lng]())
}

let wanted: Language = 'en'

/** Shows the UI in `lng`, fetching its strings first (no flash of English in between); the last call wins. */
export async function switchLanguage(lng: Language): Promise<void> {
  wanted = lng
  await ensureStrings(lng)
  if (wanted === lng && i18n.language !== lng) await i18n.changeLanguage(lng)
}

// Main opens the window with ?lang= from settings, so the first paint is already in the user's
// language; settings (loaded right after) stay the source of truth. (No window: the unit tests.)
const requested: Language = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('lang') === 'nb' ? 'nb' : 'en'

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  // Both separators named (the key one as its default): otherwise i18next runs a natural-language
  // regex over every key it translates. Keys never name a namespace.
  keySeparator: '.',
  nsSeparator: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false
})

/** The window's starting language is loaded: render after this. A failed fetch leaves English. */
export const languageReady: Promise<void> = switchLanguage(requested).catch(() => undefined)

export default i18n
