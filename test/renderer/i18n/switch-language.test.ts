import { describe, expect, it } from 'vitest'
import i18n, { languageReady, switchLanguage } from '../../../src/renderer/src/i18n'

describe('the window’s language', () => {
  it('an English window carries no Norwegian strings; switching fetches them before the UI changes', async () => {
    await languageReady
    expect(i18n.language).toBe('en')
    expect(i18n.hasResourceBundle('nb', 'translation')).toBe(false)
    const switching = switchLanguage('nb')
    // Still English until the Norwegian strings are in: no half-translated screen in between.
    expect(i18n.language).toBe('en')
    await switching
    expect(i18n.language).toBe('nb')
    expect(i18n.t('nav.customers')).toBe('Kunder')
    await switchLanguage('en')
    expect(i18n.t('nav.customers')).toBe('Customers')
  })

  it('the last choice wins when two switches overlap (settings arriving while the window’s language loads)', async () => {
    i18n.removeResourceBundle('nb', 'translation')
    const toNorwegian = switchLanguage('nb')
    await switchLanguage('en')
    await toNorwegian
    expect(i18n.language).toBe('en')
  })
})
