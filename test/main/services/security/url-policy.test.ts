import { describe, expect, it } from 'vitest'
import { createTrustedSenderCheck, isAllowedExternalUrl } from '../../../../src/main/services/security/url-policy'

describe('external link allowlist', () => {
  it.each([
    'https://www.bring.com/',
    'https://www.mybring.com/booking',
    'https://tracking.bring.com/tracking/370123',
    'https://www.posten.no/sporing',
    'https://bring.no'
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true))

  it.each([
    'http://www.bring.com/',
    'https://bring.com.evil.example/',
    'https://evilbring.com/',
    'https://user:pw@www.bring.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url'
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false))
})

describe('trusted IPC sender', () => {
  const pages = ['index.html', 'index.nb.html'].map((page) => `file:///opt/Fraktdesk/resources/app/out/renderer/${page}`)
  const check = createTrustedSenderCheck({ fileUrls: pages, origins: ['http://localhost:5173'] })
  it('accepts the packaged pages (English and Norwegian) and the dev server', () => {
    expect(check('file:///opt/Fraktdesk/resources/app/out/renderer/index.html')).toBe(true)
    expect(check('file:///opt/Fraktdesk/resources/app/out/renderer/index.nb.html?lang=nb')).toBe(true)
    expect(check('http://localhost:5173/')).toBe(true)
  })
  it('refuses other files, origins and missing frames', () => {
    expect(check('file:///tmp/evil.html')).toBe(false)
    // Beside the app's pages is not one of them (a file a user saved into the install folder).
    expect(check('file:///opt/Fraktdesk/resources/app/out/renderer/evil.html')).toBe(false)
    expect(createTrustedSenderCheck({ origins: ['http://localhost:5173'] })('file:///opt/Fraktdesk/resources/app/out/renderer/index.html')).toBe(false)
    // Same path on another host is a network share, not the app's own file.
    expect(check('file://evil-share/opt/Fraktdesk/resources/app/out/renderer/index.html')).toBe(false)
    expect(check('https://localhost:5173/')).toBe(false)
    expect(check('https://www.bring.com/')).toBe(false)
    expect(check(undefined)).toBe(false)
  })
})
