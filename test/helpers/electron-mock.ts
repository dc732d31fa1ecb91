import { vi } from 'vitest'

type Listener = (...args: unknown[]) => void

/** A small stand-in for the parts of electron the glue uses, recording every call. */
export function createElectronMock() {
  const listeners = (): { map: Map<string, Listener[]>; on: (e: string, l: Listener) => void; emit: (e: string, ...a: unknown[]) => void } => {
    const map = new Map<string, Listener[]>()
    return { map, on: (e, l) => void map.set(e, [...(map.get(e) ?? []), l]), emit: (e, ...a) => map.get(e)?.forEach((l) => l(...a)) }
  }
  const windows: FakeWindow[] = []
  class FakeWindow {
    options: Record<string, unknown>
    events = listeners()
    webContents = (() => {
      const ev = listeners()
      return {
        ...ev,
        on: vi.fn(ev.on),
        windowOpenHandler: undefined as undefined | ((d: { url: string }) => { action: string }),
        setWindowOpenHandler: vi.fn(function (this: { windowOpenHandler: unknown }, h: unknown) {
          this.windowOpenHandler = h
        })
      }
    })()
    loadURL = vi.fn(async () => undefined)
    loadFile = vi.fn(async () => undefined)
    show = vi.fn()
    focus = vi.fn()
    isMinimized = vi.fn(() => false)
    restore = vi.fn()
    on = vi.fn((e: string, l: Listener) => this.events.on(e, l))
    once = vi.fn((e: string, l: Listener) => this.events.on(e, l))
    constructor(options: Record<string, unknown>) {
      this.options = options
      windows.push(this)
    }
    static getAllWindows = () => windows
  }
  const appEvents = listeners()
  const session = {
    defaultSession: {
      permissionHandler: undefined as undefined | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
      permissionCheck: undefined as undefined | (() => boolean),
      headersHandler: undefined as undefined | ((d: unknown, cb: (r: unknown) => void) => void),
      setPermissionRequestHandler: vi.fn(function (h) {
        session.defaultSession.permissionHandler = h
      }),
      setPermissionCheckHandler: vi.fn(function (h) {
        session.defaultSession.permissionCheck = h
      }),
      webRequest: {
        onHeadersReceived: vi.fn(function (h) {
          session.defaultSession.headersHandler = h
        })
      }
    }
  }
  return {
    windows,
    BrowserWindow: FakeWindow,
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async () => '') },
    session,
    ipcMain: { handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
    net: { fetch: vi.fn() },
    app: {
      events: appEvents,
      isPackaged: true,
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn(appEvents.on),
      whenReady: vi.fn(() => new Promise<void>(() => undefined)),
      getPath: vi.fn(() => '/tmp/fraktdesk-mock'),
      setPath: vi.fn(),
      getVersion: vi.fn(() => '0.0.0'),
      commandLine: { appendSwitch: vi.fn() }
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: (() => {
      const ev = listeners()
      return { invoke: vi.fn(async () => ({ ok: true, data: null })), on: vi.fn(ev.on), removeListener: vi.fn((e: string, l: Listener) => void ev.map.set(e, (ev.map.get(e) ?? []).filter((x) => x !== l))), emit: ev.emit, send: vi.fn() }
    })()
  }
}
export type ElectronMock = ReturnType<typeof createElectronMock>
