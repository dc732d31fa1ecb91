import { describe, expect, it } from 'vitest'
import { createInstance } from 'i18next'
import { en } from '../../../src/renderer/src/i18n/en'
import { nb } from '../../../src/renderer/src/i18n/nb'
import { reasonText } from '../../../src/renderer/src/lib/record-error'

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
