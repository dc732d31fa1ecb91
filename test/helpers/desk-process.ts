// One Fraktdesk desk's main process on its own (real services, real dispatcher), answering the
// parent's IPC calls over Node's process channel and forwarding its events: a desk the test can
// SIGKILL. Built and started by desk-child.ts.
import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../../src/main/services/log/logger'

const config = JSON.parse(process.env.FRAKTDESK_DESK_CHILD!) as { userDataDir: string; baseUrl: string; batchRowLeaseMs?: number; timeoutMs?: number }
const deps = await createAppDeps({
  userDataDir: config.userDataDir,
  secretStore: createMemorySecretStore(),
  fetch: socketReportingFetch(),
  baseUrl: config.baseUrl,
  openExternal: async () => undefined,
  openPath: async () => '',
  logger: createLogger({ write: () => true }, 'silent'),
  version: '0.0.0-desk-child',
  timeoutMs: config.timeoutMs ?? 2000,
  autoBackup: false,
  autoTracking: false,
  batchRowLeaseMs: config.batchRowLeaseMs
})
// The parent decides who may call (it checks its own page's URL before forwarding).
const dispatch = createDispatcher(handlers, deps, () => true)
deps.events.subscribe((event, payload) => process.send!({ event, payload }))
process.on('message', (m: { id: number; channel: string; input: unknown; url: string }) => {
  void dispatch(m.channel, m.input, m.url).then((result) => process.send!({ id: m.id, result }))
})
process.send!({ ready: true })
