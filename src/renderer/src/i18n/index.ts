import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { nb } from './nb'

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nb: { translation: nb } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false
})

export default i18n
