import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { nb } from './nb'
import { setValidationLanguage } from '@shared/domain/validation-messages'

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nb: { translation: nb } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false
})

// Form validation (the shared zod schemas) answers in the UI language too.
// Screen readers and the spell checker follow <html lang>.
i18n.on('languageChanged', (lng) => {
  setValidationLanguage(lng)
  document.documentElement.lang = lng === 'nb' ? 'nb' : 'en'
})

export default i18n
