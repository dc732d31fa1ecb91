import { afterEach, describe, expect, it } from 'vitest'
import i18n from '../../../src/renderer/src/i18n'
import { setValidationLanguage } from '../../../src/shared/domain/validation-messages'
import { pickupReasonText, reasonText } from '../../../src/renderer/src/lib/record-error'

describe('why a booking or pickup stopped, in the window’s language', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
    setValidationLanguage('en')
  })

  it('a pickup whose answer never came: the cause and the advice, in Norwegian', async () => {
    await i18n.changeLanguage('nb')
    const text = pickupReasonText({ code: 'BRING_TIMEOUT', message: 'Bring did not answer within 30 seconds. Bring may or may not…', i18n: { key: 'timeout', params: { seconds: 30 } } }, 'outcome_unknown', i18n.t)
    expect(text).toBe('Bring svarte ikke innen 30 sekunder. Bring kan ha registrert denne hentingen eller ikke: svaret kom aldri fram. Sjekk Mybring (Henting) før du bestiller igjen; er den ikke der, bestill den på nytt.')
  })

  it('a reason stored without a key (an older record, Fraktdesk stopping) goes through the phrase table whole', async () => {
    await i18n.changeLanguage('nb')
    const stopped = { code: 'NOT_SENT', message: 'Fraktdesk stopped before this pickup was ordered. Nothing of this order reached Bring, so it is safe to order it again.' }
    expect(pickupReasonText(stopped, 'not_sent', i18n.t)).toBe('Fraktdesk stoppet før denne hentingen ble bestilt. Ingenting av denne bestillingen nådde Bring, så det er trygt å bestille den på nytt.')
    expect(reasonText({ code: 'NOT_BOOKED', message: 'Marked as not booked after checking Mybring.' }, i18n.t)).toBe('Merket som ikke booket etter kontroll i Mybring.')
    expect(reasonText({ code: 'BRING_VALIDATION', message: 'Bring refused the booking: Ugyldig postnummer' }, i18n.t)).toBe('Bring avviste bookingen: Ugyldig postnummer')
  })

  it('English stays as main wrote it', () => {
    expect(reasonText({ code: 'NOT_BOOKED', message: 'Marked as not booked after checking Mybring.' }, i18n.t)).toBe('Marked as not booked after checking Mybring.')
  })
})
