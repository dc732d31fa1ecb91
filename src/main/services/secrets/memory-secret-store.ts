import type { SecretStore } from './secret-store'

/** Secrets held only in this process's memory: for tests and "use for this session only". */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    kind: 'memory',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    isAvailable: async () => true
  }
}
