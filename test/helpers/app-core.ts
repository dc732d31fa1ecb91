import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import type { SecretStore } from '../../src/main/services/secrets/secret-store'
import { createSimulator, type Simulator } from '../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../src/main/services/bring-simulator/http-server'
import { captureLogger } from './log-capture'
import type { Channel } from '../../src/shared/ipc/channels'
import type { ChannelInput, ChannelOutput } from '../../src/shared/ipc/contract'
import type { IpcResult } from '../../src/shared/ipc/app-error'
import type { LabelPrinter } from '../../src/main/services/printing/label-printer'

export const TRUSTED = 'http://app.test/index.html'
export const testAccount = { apiUid: 'shop@example.no', apiKey: 'k3y-Secret-Value-123456' }

/** The real handlers behind the real dispatcher, over a temp userData and an HTTP simulator. */
export async function startCore(
  userDataDir: string,
  opts: { secretStore?: SecretStore; sandbox?: Simulator; timeoutMs?: number; baseUrl?: string; notify?(title: string, body: string): void; batchRowLeaseMs?: number; trackingLeaseMs?: number; autoTracking?: boolean; labelPrinter?: LabelPrinter; bring?: { sim: Simulator; server: { url: string; close(): Promise<void> | void } } } = {}
) {
  const { demoCustomers, sandboxAccount } = await import('../../src/main/services/bring-simulator/demo-data')
  // Desks of one shop share one Bring: pass `bring` to reach the same simulator.
  const sim = opts.bring?.sim ?? createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }] })
  const server = opts.bring?.server ?? (await startSimulatorServer(sim))
  const log = captureLogger()
  const opened: string[] = []
  const openedPaths: string[] = []
  const deps = await createAppDeps({
    userDataDir,
    secretStore: opts.secretStore ?? createMemorySecretStore(),
    fetch: socketReportingFetch(),
    baseUrl: opts.baseUrl ?? server.url,
    openExternal: async (url) => void opened.push(url),
    openPath: async (file) => (openedPaths.push(file), ''),
    logger: log.logger,
    version: '0.0.0-test',
    timeoutMs: opts.timeoutMs ?? 2000,
    sandbox: opts.sandbox,
    notify: opts.notify,
    batchRowLeaseMs: opts.batchRowLeaseMs,
    trackingLeaseMs: opts.trackingLeaseMs,
    autoTracking: opts.autoTracking,
    labelPrinter: opts.labelPrinter
  })
  const dispatch = createDispatcher(handlers, deps, (url) => url === TRUSTED)
  /** A channel as the window calls it, typed by the contract: its answer or its error. */
  const invoke = <C extends Channel>(channel: C, input?: ChannelInput<C>) => dispatch(channel, input, TRUSTED) as Promise<IpcResult<ChannelOutput<C>>>
  /** Anything, as a hostile window could send it: no typing, the dispatcher checks it. */
  const invokeRaw = (channel: string, input?: unknown) => dispatch(channel, input, TRUSTED)
  /** A step the test needs to succeed: the channel's answer, or a failure that says which channel refused and why. */
  const call = async <C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await invoke(channel, input)
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
    return result.data
  }
  /** Save the simulator's test account: the app is then in Bring test mode over HTTP. */
  const useBringTest = () => invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey })
  return { useBringTest, deps, sim, server, log, opened, openedPaths, dispatch, invoke, invokeRaw, call, close: async () => (deps.dispose(), opts.bring ? undefined : server.close()) }
}

/** The answer of a call the test expects to succeed (a failed one fails the test with its error). */
export function dataOf<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected an answer, got ${result.error.code}: ${result.error.message}`)
  return result.data
}
