import { describe, expect, it } from 'vitest'
import { createLabelLinksSeal } from '../../../../src/main/services/team/label-links-seal'

const links = { labelUrl: 'https://api.bring.com/labels/id/123.pdf?auth-token=TOKEN-SECRET-1', waybillUrl: 'https://api.bring.com/waybill/123.pdf?auth-token=TOKEN-SECRET-2' }
const signedInAs = (apiUid: string, apiKey: string) => createLabelLinksSeal(async () => ({ apiUid, apiKey }))

describe('label links sealed for the shared database', () => {
  it('opens on another desk signed in as the same Bring user, and the sealed text holds no part of the link', async () => {
    const sealed = (await signedInAs('shop@example.no', 'key-1').seal('s1', links))!
    expect(sealed).not.toMatch(/TOKEN|bring\.com|auth-token/)
    expect(await signedInAs('SHOP@example.no', 'key-1').open('s1', sealed)).toEqual(links)
  })

  it('does not open with another Bring user or key, on another shipment, or when changed', async () => {
    const sealed = (await signedInAs('shop@example.no', 'key-1').seal('s1', links))!
    expect(await signedInAs('shop@example.no', 'key-2').open('s1', sealed)).toBeNull()
    expect(await signedInAs('other@example.no', 'key-1').open('s1', sealed)).toBeNull()
    expect(await signedInAs('shop@example.no', 'key-1').open('s2', sealed)).toBeNull() // copied onto another row
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1)
    expect(await signedInAs('shop@example.no', 'key-1').open('s1', flipped)).toBeNull()
    expect(await signedInAs('shop@example.no', 'key-1').open('s1', 'v0.garbage')).toBeNull()
  })

  it('seals nothing when Bring gave no links; a Sandbox desk without a key still opens its own', async () => {
    expect(await signedInAs('shop@example.no', 'key-1').seal('s1', {})).toBeNull()
    const sandbox = createLabelLinksSeal(async () => null)
    const sealed = (await sandbox.seal('s1', { labelUrl: 'http://127.0.0.1:9/booking-api/labels/abc' }))!
    expect(await sandbox.open('s1', sealed)).toEqual({ labelUrl: 'http://127.0.0.1:9/booking-api/labels/abc' })
    expect(await signedInAs('shop@example.no', 'key-1').open('s1', sealed)).toEqual({ labelUrl: 'http://127.0.0.1:9/booking-api/labels/abc' })
  })
})
