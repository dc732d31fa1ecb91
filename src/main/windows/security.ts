import type { BrowserWindowConstructorOptions, Session, Shell, WebContents } from 'electron'
import { isAllowedExternalUrl } from '../services/security/url-policy'

/** Production CSP: only the app's own scripts; no eval, no remote content. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The CSV reader's worker, bundled into the app's own script and started from a blob of it.
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

/** The Electron security checklist, as window options. */
export const secureWebPreferences = (preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: true
})

/** Session-wide: deny every permission, add the CSP header to every response. */
export function hardenSession(session: Session, isDev: boolean): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  if (!isDev) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
    })
  }
}

/** Block navigation and new windows; allowlisted https links go to the system browser. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}
