import { app, BrowserWindow, clipboard, dialog, ipcMain, Notification, session, shell } from 'electron'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createAppDeps } from './create-deps'
import { socketReportingFetch } from './services/bring/hand-off-probe'
import { createDispatcher } from './ipc/invoke'
import { handlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { createMainWindow } from './windows/main-window'
import { hardenSession } from './windows/security'
import { createKeytarSecretStore } from './services/secrets/keytar-secret-store'
import { createTrustedSenderCheck } from './services/security/url-policy'
import pino from 'pino'
import { createLogger } from './services/log/logger'
import { openLogFile, tee } from './services/log/log-file'
import { chromiumLocale, startupLanguage } from './services/settings/startup-language'
import { damagedDatabaseDialog, startupFailureDialog } from './services/maintenance/startup-messages'
import type { AppDeps } from './ipc/deps'
import { appPages } from '@shared/app-pages'

// Tests and portable setups point userData elsewhere (before anything reads it).
if (process.env.FRAKTDESK_USER_DATA_DIR) app.setPath('userData', process.env.FRAKTDESK_USER_DATA_DIR)
// Date fields and other Chromium widgets follow the app's language, not only the OS (see startup-language).
app.commandLine.appendSwitch('lang', chromiumLocale[startupLanguage(app.getPath('userData'))])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const rendererDir = path.join(__dirname, '../renderer')
  const preloadPath = path.join(__dirname, '../preload/index.js')
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.whenReady().then(async () => {
    const userDataDir = app.getPath('userData')
    // stderr for developers, a rotating file in userData/logs for support (same redaction for both).
    const logger = createLogger(tee(pino.destination(2), openLogFileOrStderr(path.join(userDataDir, 'logs'))))
    hardenSession(session.defaultSession, Boolean(devServerUrl))
    const lang = startupLanguage(userDataDir)
    const compose = (): Promise<AppDeps> =>
      createAppDeps({
        userDataDir,
        secretStore: createKeytarSecretStore(),
        // Node's fetch rather than net.fetch: only it tells the moment a booking's bytes leave, so a
        // crash before that is reported as "not sent" instead of "outcome unknown".
        fetch: socketReportingFetch(),
        baseUrl: process.env.BRING_API_BASE_URL,
        openExternal: (url) => shell.openExternal(url),
        openPath: (file) => shell.openPath(file),
        copyToClipboard: (text) => clipboard.writeText(text),
        notify: (title, body) => {
          if (Notification.isSupported()) new Notification({ title, body }).show()
        },
        chooseFolder: async () => (await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] })).filePaths[0] ?? null,
        // Each picker offers its own kind of file (a backup, or a PEM certificate/key for the receiver and the shared database).
        chooseFile: async (kind) =>
          (await dialog.showOpenDialog({ properties: ['openFile'], filters: [kind === 'backup' ? { name: 'Fraktdesk backup', extensions: ['sqlite3'] } : { name: 'Certificate or key (PEM)', extensions: ['pem', 'crt', 'cer', 'key'] }, { name: 'All files', extensions: ['*'] }] })).filePaths[0] ?? null,
        relaunch: () => {
          // The e2e launcher's app must stay under the test's control: it says so, and restarts itself.
          if (process.env.FRAKTDESK_NO_RELAUNCH === '1') return logger.info('relaunch skipped (FRAKTDESK_NO_RELAUNCH)')
          app.relaunch()
          app.exit(0)
        },
        logger,
        version: app.getVersion(),
        onDamagedDatabase: async (damaged) => {
          const d = damagedDatabaseDialog(damaged, lang)
          const { response } = await dialog.showMessageBox({ type: 'warning', title: d.title, message: d.message, detail: d.detail, buttons: d.buttons, defaultId: 0, cancelId: 0, noLink: true })
          return d.choices[response] ?? d.choices[0]
        }
      })
    const isTrustedSender = createTrustedSenderCheck({
      fileUrls: Object.values(appPages).map((page) => pathToFileURL(path.join(rendererDir, page)).href),
      origins: devServerUrl ? [new URL(devServerUrl).origin] : []
    })
    // The window opens at once and paints its prerendered shell while the services are composed
    // (after a crash that includes checking the whole database); its calls wait for them.
    const composing = compose()
    const dispatching = composing.then((deps) => createDispatcher(handlers, deps, isTrustedSender))
    dispatching.catch(() => undefined) // the failure is reported below, once
    registerIpc(ipcMain, async (channel, input, senderUrl) => (await dispatching)(channel, input, senderUrl))
    mainWindow = createMainWindow({ preloadPath, devServerUrl, rendererDir, language: lang })
    let deps: AppDeps
    try {
      deps = await composing
    } catch (err) {
      // Never a silent exit: say what failed, where the files are, and what to do.
      logger.fatal({ err: (err as Error)?.message }, 'start-up failed')
      const { title, text } = startupFailureDialog(err, userDataDir, lang)
      dialog.showErrorBox(title, text)
      app.exit(1)
      return
    }
    mainWindow.on('closed', () => (mainWindow = null))
    // Batch progress and other contract events go to the app's own window only.
    deps.events.subscribe((event, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload)
    })
    app.on('will-quit', () => deps.dispose())
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow({ preloadPath, devServerUrl, rendererDir, language: startupLanguage(app.getPath('userData')) })
  })
}

/** The log file, or nothing more than stderr when it cannot be opened (start-up goes on and says why elsewhere). */
function openLogFileOrStderr(logsDir: string): { write(line: string): unknown } {
  try {
    return openLogFile(logsDir)
  } catch {
    return { write: () => true }
  }
}
