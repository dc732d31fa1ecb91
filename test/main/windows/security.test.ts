import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createElectronMock, type ElectronMock } from '../../helpers/electron-mock'

// One stable object the mock hands out; each test refills it with fresh fakes.
const electron = vi.hoisted(() => ({}) as ElectronMock)
vi.mock('electron', () => electron)

beforeEach(() => {
  vi.resetModules()
  Object.assign(electron, createElectronMock())
})

async function openWindow(devServerUrl?: string, language: 'en' | 'nb' = 'en') {
  const { createMainWindow } = await import('../../../src/main/windows/main-window')
  createMainWindow({ preloadPath: '/app/out/preload/index.js', rendererDir: '/app/out/renderer', devServerUrl, language })
  return electron.windows[electron.windows.length - 1]
}

describe('main window follows the Electron security checklist', () => {
  it('isolates the renderer: contextIsolation, sandbox, no node, webSecurity', async () => {
    const win = await openWindow()
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.js'
    })
  })

  it('loads only the local index.html, no remote content', async () => {
    const win = await openWindow()
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html', { query: { lang: 'en' } })
    expect(win.loadURL).not.toHaveBeenCalled()
  })

  it('opens in the language of settings, so the first paint is not English for a Norwegian desk', async () => {
    // Its own page: the shell prerendered in Norwegian.
    expect((await openWindow(undefined, 'nb')).loadFile).toHaveBeenCalledWith('/app/out/renderer/index.nb.html', { query: { lang: 'nb' } })
    expect((await openWindow('http://localhost:5173/', 'nb')).loadURL).toHaveBeenCalledWith('http://localhost:5173/?lang=nb')
  })

  it('blocks navigation away from the app', async () => {
    const win = await openWindow()
    const nav = (url: string) => {
      const event = { preventDefault: vi.fn() }
      win.webContents.emit('will-navigate', event, url)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(nav('https://www.bring.com/')).toBe(true)
    expect(nav('file:///etc/passwd')).toBe(true)
    expect(nav('file:///app/out/renderer/index.html.evil')).toBe(true)
    expect(nav('file:///app/out/renderer/index.html#/x')).toBe(false)
  })

  it('denies every new window and sends only allowlisted https links to the browser', async () => {
    const win = await openWindow()
    const open = win.webContents.windowOpenHandler!
    expect(open({ url: 'https://tracking.bring.com/tracking/123' })).toEqual({ action: 'deny' })
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(open({ url: 'http://www.bring.com/' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://tracking.bring.com/tracking/123']])
  })

  it('blocks webview attachment', async () => {
    const win = await openWindow()
    const event = { preventDefault: vi.fn() }
    win.webContents.emit('will-attach-webview', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('session hardening', () => {
  it('denies every permission request and check', async () => {
    const { hardenSession } = await import('../../../src/main/windows/security')
    const s = electron.session.defaultSession
    hardenSession(s as never, false)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn()
      s.permissionHandler!({}, permission, cb)
      expect(cb).toHaveBeenCalledWith(false)
    }
    expect(s.permissionCheck!()).toBe(false)
  })

  it('adds a strict CSP header in production: self-only scripts, no eval', async () => {
    const { hardenSession } = await import('../../../src/main/windows/security')
    const s = electron.session.defaultSession
    hardenSession(s as never, false)
    const cb = vi.fn()
    s.headersHandler!({ responseHeaders: { 'X-Other': ['1'] } }, cb)
    const csp: string = cb.mock.calls[0][0].responseHeaders['Content-Security-Policy'][0]
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(cb.mock.calls[0][0].responseHeaders['X-Other']).toEqual(['1'])
  })
})

describe('app entry', () => {
  it('quits when another instance holds the single-instance lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false)
    await import('../../../src/main/index')
    expect(electron.app.quit).toHaveBeenCalled()
    expect(electron.app.whenReady).not.toHaveBeenCalled()
  })

  it('focuses the existing window when a second instance starts', async () => {
    await import('../../../src/main/index')
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(electron.app.events.map.has('second-instance')).toBe(true)
    // No settings file in the mocked userData: Chromium's widgets start in English.
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'en-GB')
  })
})
