/**
 * Messages of the boundary policy (fields.ts), in both UI languages. zod evaluates a message function
 * when the issue is raised, so the same schema answers in the language in force at parse time: the
 * renderer follows its UI language, main's IPC dispatcher the language in Settings.
 */
const messages = {
  en: {
    controlChars: 'Remove invisible control or direction characters (often pasted along with text)',
    tooLong: 'At most {{max}} characters',
    notANumber: 'Enter a number, e.g. 2.5 or 2,5',
    notADate: 'Not a real date (YYYY-MM-DD)',
    shippingDateWindow: 'Choose a date from today up to {{days}} days ahead',
    dateWindow: 'Choose a date between {{from}} and {{to}}',
    notATime: 'A time of day, 00:00–23:59',
    tooMany: 'At most {{max}}',
    apiUid: 'The API user is the e-mail address you log in to Mybring with (letters a–z, digits and . _ % + - only)',
    clientUrl: 'A web address starting with https:// (or http://), without spaces or special characters',
    unknownShipments: 'These shipments are not in the history (any more): reload the Pickups screen',
    payloadTooLarge: 'The request is too large ({{what}}); nothing was saved or sent',
    checkForm: 'Please check the form.'
  },
  nb: {
    controlChars: 'Fjern usynlige kontroll- eller retningstegn (følger ofte med innlimt tekst)',
    tooLong: 'Høyst {{max}} tegn',
    notANumber: 'Skriv et tall, f.eks. 2,5 eller 2.5',
    notADate: 'Ikke en gyldig dato (ÅÅÅÅ-MM-DD)',
    shippingDateWindow: 'Velg en dato fra i dag og inntil {{days}} dager fram',
    dateWindow: 'Velg en dato mellom {{from}} og {{to}}',
    notATime: 'Et klokkeslett, 00:00–23:59',
    tooMany: 'Høyst {{max}}',
    apiUid: 'API-brukeren er e-postadressen du logger inn i Mybring med (bare bokstavene a–z, sifre og . _ % + -)',
    clientUrl: 'En nettadresse som begynner med https:// (eller http://), uten mellomrom eller spesialtegn',
    unknownShipments: 'Disse sendingene finnes ikke (lenger) i historikken: last inn Henting på nytt',
    payloadTooLarge: 'Forespørselen er for stor ({{what}}); ingenting ble lagret eller sendt',
    checkForm: 'Sjekk skjemaet.'
  }
} as const

export type ValidationLanguage = keyof typeof messages
export type ValidationMessageKey = keyof (typeof messages)['en']

let language: ValidationLanguage = 'en'

export const currentValidationLanguage = (): ValidationLanguage => language

export function setValidationLanguage(lang: string): void {
  language = lang === 'nb' ? 'nb' : 'en'
}

export function validationMessage(key: ValidationMessageKey, params: Record<string, string | number> = {}, lang: ValidationLanguage = language): string {
  return messages[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''))
}

/** A zod `error` option that renders when the issue is raised, in the language then in force. */
export const vmsg =
  (key: ValidationMessageKey, params?: Record<string, string | number>) =>
  (): string =>
    validationMessage(key, params)

export const validationKeysByLanguage = { en: Object.keys(messages.en), nb: Object.keys(messages.nb) }
