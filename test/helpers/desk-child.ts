import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'

let built: Promise<string> | undefined

/**
 * desk-process.ts bundled for plain Node (once per test process). Each test process builds into a folder
 * of its own: two spec files with desks running in parallel workers would otherwise empty the folder under
 * each other's fork ("Cannot find module …/desk.mjs").
 */
export function buildDeskProcess(): Promise<string> {
  const outDir = path.resolve('out/desk-process', String(process.pid))
  built ??= import('vite').then(({ build }) =>
    build({
      logLevel: 'silent',
      configFile: false,
      resolve: { alias: { '@shared': path.resolve('src/shared') } },
      build: { ssr: path.resolve('test/helpers/desk-process.ts'), outDir, target: 'node20', rollupOptions: { output: { format: 'es', entryFileNames: 'desk.mjs' } } },
      ssr: { noExternal: [] }
    })
  ).then(() => path.join(outDir, 'desk.mjs'))
  return built
}

export interface DeskChild {
  invoke(channel: string, input?: unknown, url?: string): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>
  onEvent(listener: (event: string, payload: unknown) => void): void
  /** SIGKILL: the desk stops dead, as a power cut or a crash would stop it. */
  kill(): Promise<void>
  /** The process is still running (it did not crash). */
  alive(): boolean
}

/** A desk's main process in a child process (see desk-process.ts). */
export interface DeskConfig {
  userDataDir: string
  /** Bring (the HTTP simulator) for test mode. */
  baseUrl: string
  batchRowLeaseMs?: number
  /** How long a desk's claim on a shipment's tracking check lasts (tests shorten it). */
  trackingLeaseMs?: number
  timeoutMs?: number
  /** The origin of the page that calls this desk (the window); other senders are refused. */
  trustedOrigin?: string
}

export async function startDeskChild(config: DeskConfig): Promise<DeskChild> {
  const child: ChildProcess = fork(await buildDeskProcess(), [], { env: { ...process.env, FRAKTDESK_DESK_CHILD: JSON.stringify(config) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const waiting = new Map<number, (r: never) => void>()
  const listeners: ((event: string, payload: unknown) => void)[] = []
  let next = 0
  let gone = false
  child.on('error', () => undefined) // a write to a desk that just died: its calls fail (above), nothing more
  const exited = new Promise<void>((resolve) => child.once('exit', () => ((gone = true), resolve())))
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { ready?: true; id?: number; result?: never; event?: string; payload?: unknown }) => {
      if (m.ready) resolve()
      else if (m.id !== undefined) waiting.get(m.id)?.(m.result!)
      else if (m.event) for (const l of listeners) l(m.event, m.payload)
    })
    void exited.then(() => reject(new Error('the desk process exited before it was ready')))
  })
  return {
    invoke: (channel, input, url = 'http://app.test/index.html') =>
      new Promise((resolve) => {
        // A dead desk answers nothing: its window sees the call fail, as with a crashed main process.
        if (gone) return resolve({ ok: false, error: { code: 'INTERNAL', message: 'This desk has stopped.' } })
        const id = next++
        waiting.set(id, resolve as (r: never) => void)
        child.send({ id, channel, input, url }, (err) => err && resolve({ ok: false, error: { code: 'INTERNAL', message: 'This desk has stopped.' } }))
      }),
    onEvent: (l) => void listeners.push(l),
    alive: () => !gone,
    async kill() {
      child.kill('SIGKILL')
      await exited
    }
  }
}
