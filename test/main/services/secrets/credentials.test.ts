import { describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { createSettingsStore } from '../../../../src/main/services/settings/settings-store'
import { createCredentialsService } from '../../../../src/main/services/secrets/credentials'
import { createMemorySecretStore } from '../../../../src/main/services/secrets/memory-secret-store'
import type { SecretStore } from '../../../../src/main/services/secrets/secret-store'
import { useTempDir } from '../../../helpers/temp-dir'

const KEY = 'k3y-Secret-Value-123456'

function unavailableKeychain(): SecretStore {
  const fail = async (): Promise<never> => {
    throw new Error('The name org.freedesktop.secrets was not provided by any .service files')
  }
  return { kind: 'keychain', get: fail, set: fail, delete: fail, isAvailable: async () => false }
}

async function filesContain(dir: string, needle: string): Promise<boolean> {
  for (const f of await readdir(dir)) if ((await readFile(path.join(dir, f), 'utf8').catch(() => '')).includes(needle)) return true
  return false
}

describe('credentials service', () => {
  const tempDir = useTempDir()

  it('stores the key in the keychain, reports only that one exists, and moves Sandbox to Bring test', async () => {
    const dir = await tempDir()
    const settings = await createSettingsStore(dir)
    const keychain = createMemorySecretStore()
    const creds = createCredentialsService(settings, keychain)
    const status = await creds.save({ apiUid: 'shop@example.no', apiKey: KEY, sessionOnly: false })
    expect(status).toEqual({ apiUid: 'shop@example.no', hasKey: true, keychainAvailable: true, sessionOnly: false })
    expect(JSON.stringify(status)).not.toContain(KEY)
    expect(await keychain.get('shop@example.no')).toBe(KEY)
    expect(settings.get().mode).toBe('test')
    expect(await filesContain(dir, KEY)).toBe(false)
  })

  it('keeps live mode when credentials are replaced', async () => {
    const settings = await createSettingsStore(await tempDir())
    const creds = createCredentialsService(settings, createMemorySecretStore())
    await creds.save({ apiUid: 'a@example.no', apiKey: KEY, sessionOnly: false })
    await settings.update({ mode: 'live' })
    await creds.save({ apiUid: 'b@example.no', apiKey: 'another-key-999', sessionOnly: false })
    expect(settings.get().mode).toBe('live')
  })

  it('without a keychain: refuses to store, but allows session-only use and writes nothing to disk', async () => {
    const dir = await tempDir()
    const settings = await createSettingsStore(dir)
    const creds = createCredentialsService(settings, unavailableKeychain())
    await expect(creds.save({ apiUid: 'shop@example.no', apiKey: KEY, sessionOnly: false })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(settings.get().mode).toBe('sandbox')
    const status = await creds.save({ apiUid: 'shop@example.no', apiKey: KEY, sessionOnly: true })
    expect(status).toEqual({ apiUid: 'shop@example.no', hasKey: true, keychainAvailable: false, sessionOnly: true })
    expect(await creds.current()).toEqual({ apiUid: 'shop@example.no', apiKey: KEY })
    expect(await filesContain(dir, KEY)).toBe(false)
  })

  it('clearing removes the key everywhere and returns to Sandbox', async () => {
    const settings = await createSettingsStore(await tempDir())
    const keychain = createMemorySecretStore()
    const creds = createCredentialsService(settings, keychain)
    await creds.save({ apiUid: 'shop@example.no', apiKey: KEY, sessionOnly: false })
    const status = await creds.clear()
    expect(status.hasKey).toBe(false)
    expect(await keychain.get('shop@example.no')).toBeNull()
    expect(settings.get().mode).toBe('sandbox')
  })

  it('switching API user removes the old user’s key', async () => {
    const settings = await createSettingsStore(await tempDir())
    const keychain = createMemorySecretStore()
    const creds = createCredentialsService(settings, keychain)
    await creds.save({ apiUid: 'old@example.no', apiKey: KEY, sessionOnly: false })
    await creds.save({ apiUid: 'new@example.no', apiKey: 'new-key-12345', sessionOnly: false })
    expect(await keychain.get('old@example.no')).toBeNull()
    expect(await creds.current()).toEqual({ apiUid: 'new@example.no', apiKey: 'new-key-12345' })
  })
})

describe('credentials service with a locked keychain', () => {
  const tempDir = useTempDir()
  it('explains that the keychain refused, and changes nothing', async () => {
    const settings = await createSettingsStore(await tempDir())
    const locked: SecretStore = {
      ...createMemorySecretStore(),
      kind: 'keychain',
      set: async () => {
        throw new Error('Cannot create an item in a locked collection')
      }
    }
    const creds = createCredentialsService(settings, locked)
    await expect(creds.save({ apiUid: 'shop@example.no', apiKey: KEY, sessionOnly: false })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringContaining('refused to store the key')
    })
    expect(settings.get()).toMatchObject({ mode: 'sandbox', apiUid: '' })
  })
})
