import { AppError } from '@shared/ipc/app-error'
import { isAllowedExternalUrl } from '../services/security/url-policy'
import { diagnosticsSummary } from '../services/log/diagnostics'
import type { HandlersOf } from './invoke'

export const appHandlers: HandlersOf<
  'app:info' | 'app:openLogFolder' | 'app:copyDiagnostics' | 'shell:openExternal' | 'clipboard:copy',
  'app' | 'settings' | 'notices' | 'sharedHealth' | 'openPath' | 'openExternal' | 'copyToClipboard' | 'stores' | 'localShipments'
> = {
  async 'app:info'(_input, { app, settings, notices, sharedHealth }) {
    return {
      name: app.name,
      version: app.version,
      platform: app.platform,
      mode: settings.get().mode,
      paths: { userData: app.userDataDir, labels: app.labelsDir, logs: app.logsDir },
      notices: notices(),
      sharedHealth: sharedHealth()
    }
  },
  /** Only the app's own log folder, never a path from the window. */
  async 'app:openLogFolder'(_input, { app, openPath }) {
    const problem = await openPath(app.logsDir)
    if (problem) throw new AppError('INTERNAL', `The log folder could not be opened: ${problem}`)
    return { opened: true }
  },
  async 'app:copyDiagnostics'(_input, { app, settings, localShipments, stores, copyToClipboard }) {
    const counts = { shipments: localShipments.size(), pickups: await stores.pickups.size().catch(() => 0), addressBook: await stores.addressBook.size().catch(() => 0), batches: (await stores.batches.list().catch(() => [])).length }
    const { text, lines } = await diagnosticsSummary({ app, mode: settings.get().mode, counts, logsDir: app.logsDir })
    await copyToClipboard(text)
    return { copied: true, lines }
  },
  async 'shell:openExternal'({ url }, { openExternal }) {
    if (!isAllowedExternalUrl(url)) {
      throw AppError.field('url', 'Fraktdesk only opens https links to Bring, Mybring and Posten.')
    }
    await openExternal(url)
    return { opened: true }
  },
  async 'clipboard:copy'({ text }, { copyToClipboard }) {
    await copyToClipboard(text)
    return { copied: true }
  }
}
