import type { Logger } from '../services/log/logger'
import type { SettingsStore } from '../services/settings/settings-store'
import type { CredentialsService } from '../services/secrets/credentials'
import type { BringConnection } from '../services/bring/bring-connection'
import type { CustomersCache } from '../services/customers/customers-cache'

/** Everything a handler may use; built by createAppDeps, in the app and in the e2e bridge alike. */
export interface AppDeps {
  app: { name: string; version: string; platform: string; userDataDir: string; labelsDir: string }
  settings: SettingsStore
  credentials: CredentialsService
  bring: BringConnection
  customersCache: CustomersCache
  /** shell.openExternal in the app; handlers check the allowlist before calling it. */
  openExternal(url: string): Promise<void>
  logger: Logger
}
