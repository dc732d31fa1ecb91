// `npm run receiver`: the Bring Warehousing receiver without the window, for an always-on office
// machine. Same settings (userData/receiver.json), same keychain secret, same database the app
// reads: the desk's file, or the team's shared database when this desk uses one. Plain Node, no Electron.
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from './services/store/sqlite/db'
import { createWarehouseRepo } from './services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from './services/store/sqlite/warehouse-repo'
import { createReceiverService } from './services/warehousing/receiver-service'
import { createKeytarSecretStore } from './services/secrets/keytar-secret-store'
import { createLogger } from './services/log/logger'
import { createSettingsStore } from './services/settings/settings-store'
import { createSharedConnection } from './services/team/connection'
import { lazyPgWarehouseStore } from './services/store/postgres/warehouse-store'

/** Where Electron keeps the app's userData on each platform (app name "Fraktdesk"). */
function defaultUserData(): string {
  if (process.env.FRAKTDESK_USER_DATA_DIR) return process.env.FRAKTDESK_USER_DATA_DIR
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'Fraktdesk')
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Fraktdesk')
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Fraktdesk')
}

async function main(): Promise<void> {
  const userDataDir = defaultUserData()
  const logger = createLogger()
  const db = openDatabase(userDataDir)
  const secretStore = createKeytarSecretStore()
  const shared = createSharedConnection({ settings: await createSettingsStore(userDataDir), secretStore, logger })
  const repo = shared.configured() ? lazyPgWarehouseStore(shared.database, shared.deskName()) : sqliteWarehouseStore(createWarehouseRepo(db))
  const receiver = await createReceiverService({ userDataDir, repo, secretStore, logger })
  if (!receiver.hasSecret()) {
    console.log('No receiver credentials yet: open Fraktdesk → Settings → Warehousing receiver and generate them first.')
    process.exit(1)
  }
  const status = await receiver.configure({ ...receiver.config(), enabled: true })
  if (!status.listening) {
    console.log(`The receiver could not start: ${status.error}`)
    process.exit(1)
  }
  console.log(`Bring Warehousing receiver listening on ${status.url} (data: ${shared.configured() ? 'the shared database' : userDataDir})`)
  const stop = (): void => void receiver.stop().then(async () => (await shared.close(), db.close(), process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
