import type { Language } from './settings'

/** The desktop notification's title when a followed shipment needs attention, in the UI language. */
export const attentionNotification: Record<Language, string> = {
  en: 'A shipment needs attention',
  nb: 'Sending trenger oppfølging'
}
