import { BrowserWindow, shell } from 'electron'
import path from 'node:path'
import { hardenWebContents, secureWebPreferences } from './security'

export interface MainWindowOptions {
  preloadPath: string
  /** Vite dev server in development; otherwise the built index.html. */
  devServerUrl?: string
  indexHtml: string
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
  const appUrl = opts.devServerUrl ?? `file://${opts.indexHtml.split(path.sep).join('/')}`
  hardenWebContents(win.webContents, shell, (url) => url.startsWith(appUrl))
  win.once('ready-to-show', () => win.show())
  if (opts.devServerUrl) void win.loadURL(opts.devServerUrl)
  else void win.loadFile(opts.indexHtml)
  return win
}
