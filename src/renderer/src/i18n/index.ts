import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { nb } from './nb'
import { setValidationLanguage } from '@shared/domain/validation-messages'

// Form validation (the shared zod schemas) answers in the UI language too.
// Screen readers and the spell checker follow <html lang>.
i18n.on('languageChanged', (lng) => {
  setValidationLanguage(lng)
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'nb' ? 'nb' : 'en'
})

// Main opens the window with ?lang= from settings, so the first paint is already in the user's
// language; settings (loaded right after) stay the source of truth. (No window: the unit tests.)
const requested = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get('lang')

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nb: { translation: nb } },
  lng: requested === 'nb' ? 'nb' : 'en',
  fallbackLng: 'en',
  // Both separators named (the key one as its default): otherwise i18next runs a natural-language
  // regex over every key it translates. Keys never name a namespace.
  keySeparator: '.',
  nsSeparator: false,
  interpolation: { escapeValue: false },
  showSupportNotice: false
})

export default i18n
