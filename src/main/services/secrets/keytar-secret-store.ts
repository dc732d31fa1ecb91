import { KEYCHAIN_SERVICE, type SecretStore } from './secret-store'

type Keytar = typeof import('keytar')

/**
 * OS keychain via keytar (macOS Keychain, Windows Credential Vault, Linux Secret Service).
 * keytar is loaded lazily: a missing native build or Secret Service must not crash the app,
 * only make isAvailable() false so Settings can say so.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  let loaded: Promise<Keytar> | undefined
  const keytar = (): Promise<Keytar> => (loaded ??= import('keytar').then((m) => (m.default ?? m) as Keytar))

  return {
    kind: 'keychain',
    get: async (account) => (await keytar()).getPassword(service, account),
    set: async (account, secret) => (await keytar()).setPassword(service, account, secret),
    delete: async (account) => (await keytar()).deletePassword(service, account),
    async isAvailable() {
      try {
        // A read of a probe entry fails fast when no keychain daemon answers.
        await (await keytar()).getPassword(service, '__fraktdesk_probe__')
        return true
      } catch {
        return false
      }
    }
  }
}
