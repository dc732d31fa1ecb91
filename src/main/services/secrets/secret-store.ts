/** Where the Bring API key lives. Account = the Mybring API user id. */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory'
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<boolean>
  /** False when the OS keychain cannot be used (e.g. no Secret Service on Linux). */
  isAvailable(): Promise<boolean>
}

export const KEYCHAIN_SERVICE = 'Fraktdesk'
