// One Fraktdesk desk's main process on its own (real services, real dispatcher), answering the
// parent's IPC calls over Node's process channel and forwarding its events: a desk the test can
// SIGKILL. Built and started by desk-child.ts.
import { createWriteStream } from 'node:fs'
import path from 'node:path'
import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../../src/main/services/log/logger'
import { createTrustedSenderCheck } from '../../src/main/services/security/url-policy'
import type { DeskConfig } from './desk-child'

const config = JSON.parse(process.env.FRAKTDESK_DESK_CHILD!) as DeskConfig
const deps = await createAppDeps({
  userDataDir: config.userDataDir,
  secretStore: createMemorySecretStore(),
  fetch: socketReportingFetch(),
  baseUrl: config.baseUrl,
  openExternal: async () => undefined,
  openPath: async () => '',
  // Kept in the desk's userData (desk.log) for a failing test to show.
  logger: createLogger(createWriteStream(path.join(config.userDataDir, 'desk.log')), 'info'),
  version: '0.0.0-desk-child',
  timeoutMs: config.timeoutMs ?? 2000,
  autoBackup: false,
  autoTracking: false,
  batchRowLeaseMs: config.batchRowLeaseMs,
  trackingLeaseMs: config.trackingLeaseMs
})
// The page the parent serves is the only trusted sender, as in the app (tests without a page trust the test).
const dispatch = createDispatcher(handlers, deps, config.trustedOrigin ? createTrustedSenderCheck({ origins: [config.trustedOrigin] }) : () => true)
deps.events.subscribe((event, payload) => process.send!({ event, payload }))
process.on('message', (m: { id: number; channel: string; input: unknown; url: string }) => {
  void dispatch(m.channel, m.input, m.url).then((result) => process.send!({ id: m.id, result }))
})
process.send!({ ready: true })
