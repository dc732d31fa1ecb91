// A Fraktdesk main process that does nothing but book, as fast as Bring lets it, until it is killed.
// Built and started by kill-loop.test.ts; prints "ready" once its services are composed.
import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../../src/main/services/log/logger'
import { domesticForm } from '../helpers/booking-form'
import { testAccount } from '../helpers/app-core'

const deps = await createAppDeps({
  userDataDir: process.env.CHILD_USER_DATA!,
  secretStore: createMemorySecretStore(),
  fetch: socketReportingFetch(),
  baseUrl: process.env.CHILD_BASE_URL,
  openExternal: async () => undefined,
  logger: createLogger({ write: () => undefined }, 'silent'),
  version: '0.0.0-kill-loop',
  timeoutMs: 2000
})
const invoke = createDispatcher(handlers, deps, () => true)
await invoke('credentials:save', { ...testAccount, sessionOnly: true }, 'x')
console.log('ready')
for (;;) await invoke('booking:submit', { form: domesticForm() }, 'x')
