import type { CredentialsStatus, SaveCredentials } from '@shared/domain/credentials'
import { AppError } from '@shared/ipc/app-error'
import type { SettingsStore } from '../settings/settings-store'
import { forgetSecret, registerSecret } from '../log/logger'
import { createMemorySecretStore } from './memory-secret-store'
import type { SecretStore } from './secret-store'

export interface Credentials {
  apiUid: string
  apiKey: string
}

export interface CredentialsService {
  status(): Promise<CredentialsStatus>
  save(input: SaveCredentials): Promise<CredentialsStatus>
  clear(): Promise<CredentialsStatus>
  /** Main-process only: the Bring client's way to the key. Never exposed over IPC. */
  current(): Promise<Credentials | null>
}

/**
 * Write-only API key: the renderer can set or clear it and learn whether one exists.
 * Session-only keys live in memory; there is no plaintext fallback on disk.
 */
export function createCredentialsService(settings: SettingsStore, keychain: SecretStore): CredentialsService {
  const session = createMemorySecretStore()
  let sessionOnly = false

  async function keychainAvailable(): Promise<boolean> {
    return keychain.isAvailable()
  }

  async function readKey(apiUid: string): Promise<string | null> {
    if (!apiUid) return null
    const fromSession = await session.get(apiUid)
    if (fromSession) return fromSession
    if (!(await keychainAvailable())) return null
    return keychain.get(apiUid)
  }

  async function status(): Promise<CredentialsStatus> {
    const { apiUid } = settings.get()
    const key = await readKey(apiUid)
    if (key) registerSecret(key)
    return { apiUid, hasKey: key !== null, keychainAvailable: await keychainAvailable(), sessionOnly }
  }

  async function clearFor(apiUid: string): Promise<void> {
    if (!apiUid) return
    const key = await readKey(apiUid)
    if (key) forgetSecret(key)
    await session.delete(apiUid)
    if (await keychainAvailable()) await keychain.delete(apiUid)
  }

  return {
    status,
    async save({ apiUid, apiKey, sessionOnly: wantSessionOnly }) {
      registerSecret(apiKey)
      const previousUid = settings.get().apiUid
      if (wantSessionOnly) {
        await session.set(apiUid, apiKey)
        sessionOnly = true
      } else {
        if (!(await keychainAvailable())) {
          throw new AppError(
            'KEYCHAIN_UNAVAILABLE',
            "The system keychain is not available, so the key can't be stored safely. Choose “Use for this session only” to keep it in memory until you quit."
          )
        }
        try {
          await keychain.set(apiUid, apiKey)
        } catch {
          throw new AppError(
            'KEYCHAIN_UNAVAILABLE',
            'The system keychain refused to store the key (it may be locked). Unlock it and try again, or choose “Use for this session only”.'
          )
        }
        await session.delete(apiUid)
        sessionOnly = false
      }
      if (previousUid && previousUid !== apiUid) await clearFor(previousUid)
      // Saving real credentials moves a sandbox user onto Bring's test environment; live stays an explicit choice.
      const mode = settings.get().mode === 'sandbox' ? 'test' : settings.get().mode
      await settings.update({ apiUid, mode })
      return status()
    },
    async clear() {
      const { apiUid } = settings.get()
      await clearFor(apiUid)
      sessionOnly = false
      await settings.update({ mode: 'sandbox' })
      return status()
    },
    async current() {
      const { apiUid } = settings.get()
      const apiKey = await readKey(apiUid)
      return apiKey ? { apiUid, apiKey } : null
    }
  }
}
