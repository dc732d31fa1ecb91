import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createKeytarSecretStore } from '../../../../src/main/services/secrets/keytar-secret-store'

/**
 * Real OS keychain round trip. CI runs inside dbus-run-session with gnome-keyring unlocked and sets
 * FRAKTDESK_REQUIRE_KEYCHAIN=1, so there this test can only pass by really storing a secret.
 */
const store = createKeytarSecretStore('Fraktdesk-test')
const available = await store.isAvailable()
const required = process.env.FRAKTDESK_REQUIRE_KEYCHAIN === '1'

describe('keytar secret store (real keychain)', () => {
  it('is available where the keychain is required', () => {
    if (required) expect(available, 'FRAKTDESK_REQUIRE_KEYCHAIN=1 but the OS keychain did not answer').toBe(true)
  })

  it.skipIf(!available)('stores, reads back, replaces and deletes a key', async () => {
    const account = `test-${randomUUID()}@example.no`
    expect(await store.get(account)).toBeNull()
    await store.set(account, 'first-key')
    expect(await store.get(account)).toBe('first-key')
    await store.set(account, 'second-key')
    expect(await store.get(account)).toBe('second-key')
    expect(await store.delete(account)).toBe(true)
    expect(await store.get(account)).toBeNull()
  })
})
