import { AppError } from '@shared/ipc/app-error'
import type { Mode } from '@shared/domain/mode'
import type { CredentialsService } from '../secrets/credentials'
import type { SettingsStore } from '../settings/settings-store'
import type { Logger } from '../log/logger'
import { createBringHttp, type BringAuth, type BringHttp, type FetchLike } from './bring-http'
import type { BringApi, RateLimiter } from './rate-limiter'

export const DEFAULT_BRING_BASE_URL = 'https://api.bring.com'

export interface BringConnectionDeps {
  settings: SettingsStore
  credentials: CredentialsService
  /** Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: FetchLike
  baseUrl: string
  /** Sandbox mode's Bring (the built-in simulator) and the API user it knows. */
  sandboxFetch: FetchLike & { origin: string; account: BringAuth }
  logger: Logger
  appVersion: string
  timeoutMs?: number
  /** Limiters for real Bring (test and live) instead of this process's own: desks sharing an API user (team mode). */
  limiters?: Partial<Record<BringApi, RateLimiter>>
}

export interface BringConnection {
  /** An HTTP client for the current mode; built per call so mode/credential changes apply at once. */
  http(): BringHttp
  /** An HTTP client for a given mode: a shipment is tracked where it was booked. */
  httpFor(mode: Mode): BringHttp
  mode(): Mode
  /** The plain fetch of the current mode (label downloads: no Bring auth headers). */
  fetch(): FetchLike
  /** The plain fetch of a given mode: a label is fetched where its shipment was booked. */
  fetchFor(mode: Mode): FetchLike
}

export function createBringConnection(deps: BringConnectionDeps): BringConnection {
  const clientUrl = (): string => deps.settings.get().clientUrl || `Fraktdesk desktop ${deps.appVersion}`
  const realAuth = async (): Promise<BringAuth> => {
    const creds = await deps.credentials.current()
    if (!creds) throw AppError.templated('NO_CREDENTIALS', 'noCredentials')
    return creds
  }
  return {
    mode: () => deps.settings.get().mode,
    fetch: () => (deps.settings.get().mode === 'sandbox' ? deps.sandboxFetch : deps.fetch),
    fetchFor: (mode) => (mode === 'sandbox' ? deps.sandboxFetch : deps.fetch),
    http() {
      return this.httpFor(deps.settings.get().mode)
    },
    httpFor(mode) {
      const sandbox = mode === 'sandbox'
      return createBringHttp({
        fetch: sandbox ? deps.sandboxFetch : deps.fetch,
        baseUrl: sandbox ? deps.sandboxFetch.origin : deps.baseUrl,
        auth: sandbox ? async () => deps.sandboxFetch.account : realAuth,
        clientUrl: clientUrl(),
        logger: deps.logger.child({ mode }),
        timeoutMs: deps.timeoutMs,
        ...(sandbox || !deps.limiters ? {} : { limiters: deps.limiters })
      })
    }
  }
}
