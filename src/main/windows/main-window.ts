import { BrowserWindow, shell } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { appPages } from '@shared/app-pages'
import { hardenWebContents, secureWebPreferences } from './security'

export interface MainWindowOptions {
  preloadPath: string
  /** Vite dev server in development; otherwise the built pages in rendererDir. */
  devServerUrl?: string
  rendererDir: string
  /** The UI language from settings: the window's first paint is in it (its own page), not in English until settings arrive. */
  language: 'en' | 'nb'
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Fraktdesk',
    autoHideMenuBar: true,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(opts.preloadPath)
  })
  const page = path.join(opts.rendererDir, appPages[opts.language])
  const appUrl = opts.devServerUrl ?? pathToFileURL(page).href
  // In-app navigation only: the same page (any #route) or, in development, the dev server.
  const isAppUrl = (raw: string): boolean => {
    try {
      const u = new URL(raw)
      if (opts.devServerUrl) return u.origin === new URL(opts.devServerUrl).origin
      return `${u.protocol}//${u.host}${u.pathname}` === appUrl
    } catch {
      return false
    }
  }
  hardenWebContents(win.webContents, shell, isAppUrl)
  win.once('ready-to-show', () => win.show())
  if (opts.devServerUrl) void win.loadURL(withLanguage(opts.devServerUrl, opts.language))
  else void win.loadFile(page, { query: { lang: opts.language } })
  return win
}

function withLanguage(url: string, language: 'en' | 'nb'): string {
  const u = new URL(url)
  u.searchParams.set('lang', language)
  return u.href
}
