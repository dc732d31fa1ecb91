import { afterEach, describe, expect, it } from 'vitest'
import { createInstance } from 'i18next'
import { en } from '../../../src/renderer/src/i18n/en'
import { nb } from '../../../src/renderer/src/i18n/nb'
import { pickupReasonText, problemsText, reasonText } from '../../../src/renderer/src/lib/record-error'
import appI18n from '../../../src/renderer/src/i18n'
import { setValidationLanguage } from '../../../src/shared/domain/validation-messages'

async function t(lng: 'en' | 'nb') {
  const i18n = createInstance()
  await i18n.init({ lng, resources: { en: { translation: en }, nb: { translation: nb } }, interpolation: { escapeValue: false } })
  return i18n.t
}

describe('why a booking ended where it did, in the UI language', () => {
  it('renders main’s message key with its parameters', async () => {
    const error = { code: 'BRING_TIMEOUT', message: 'Bring did not answer within 15 seconds.', i18n: { key: 'timeout', params: { seconds: 15 } } }
    expect(reasonText(error, await t('nb'))).toBe('Bring svarte ikke innen 15 sekunder.')
    expect(reasonText(error, await t('en'))).toBe('Bring did not answer within 15 seconds.')
  })

  it('translates the app’s own stop reasons by code, and keeps an unknown reason as main wrote it', async () => {
    const nbT = await t('nb')
    expect(reasonText({ code: 'INTERRUPTED', message: 'Fraktdesk stopped while …' }, nbT)).toBe('Fraktdesk stoppet mens denne bookingen ble sendt.')
    expect(reasonText({ code: 'NOT_SENT', message: 'Fraktdesk stopped before …' }, nbT)).toBe('Fraktdesk stoppet før denne bookingen ble sendt.')
    expect(reasonText({ code: 'SOMETHING_OLD', message: 'An old record’s reason' }, nbT)).toBe('An old record’s reason')
    expect(reasonText(null, nbT)).toBe('')
  })
})

describe('why a booking or pickup stopped, in the window’s language', () => {
  afterEach(async () => {
    await appI18n.changeLanguage('en')
    setValidationLanguage('en')
  })

  it('a pickup whose answer never came: the cause and the advice, in Norwegian', async () => {
    await appI18n.changeLanguage('nb')
    const text = pickupReasonText({ code: 'BRING_TIMEOUT', message: 'Bring did not answer within 30 seconds. Bring may or may not…', i18n: { key: 'timeout', params: { seconds: 30 } } }, 'outcome_unknown', appI18n.t)
    expect(text).toBe('Bring svarte ikke innen 30 sekunder. Bring kan ha registrert denne hentingen eller ikke. Sjekk Mybring (Henting) før du bestiller igjen; er den ikke der, si fra og bestill den på nytt.')
  })

  it('a reason stored without a key (an older record, Fraktdesk stopping) goes through the phrase table whole', async () => {
    await appI18n.changeLanguage('nb')
    const stopped = { code: 'NOT_SENT', message: 'Fraktdesk stopped before this pickup was ordered. Nothing of this order reached Bring, so it is safe to order it again.' }
    expect(pickupReasonText(stopped, 'not_sent', appI18n.t)).toBe('Fraktdesk stoppet før denne hentingen ble bestilt. Ingenting av denne bestillingen nådde Bring, så det er trygt å bestille den på nytt.')
    expect(reasonText({ code: 'NOT_BOOKED', message: 'Marked as not booked after checking Mybring.' }, appI18n.t)).toBe('Merket som ikke booket etter kontroll i Mybring.')
    expect(reasonText({ code: 'BRING_VALIDATION', message: 'Bring refused the booking: Ugyldig postnummer' }, appI18n.t)).toBe('Bring avviste bookingen: Ugyldig postnummer')
  })

  it('English stays as main wrote it', () => {
    expect(reasonText({ code: 'NOT_BOOKED', message: 'Marked as not booked after checking Mybring.' }, appI18n.t)).toBe('Marked as not booked after checking Mybring.')
  })
})

describe('a batch row’s stored problems', () => {
  afterEach(() => setValidationLanguage('en'))

  it('show in Norwegian on a Norwegian desk, whatever main stored', () => {
    setValidationLanguage('nb')
    expect(problemsText(['Postal code is required', 'City: at most 35 characters'])).toBe('Postnummer må fylles ut Poststed: høyst 35 tegn')
    expect(problemsText(['Høyst 35 tegn'])).toBe('Høyst 35 tegn')
    expect(problemsText(undefined)).toBe('')
  })
})
