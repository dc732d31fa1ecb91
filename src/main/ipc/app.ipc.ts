import { AppError } from '../../shared/ipc/app-error'
import { isAllowedExternalUrl } from '../services/security/url-policy'
import type { Handlers } from './invoke'

export const appHandlers: Pick<Handlers, 'app:info' | 'shell:openExternal'> = {
  async 'app:info'(_input, { app, settings, notices }) {
    return {
      name: app.name,
      version: app.version,
      platform: app.platform,
      mode: settings.get().mode,
      paths: { userData: app.userDataDir, labels: app.labelsDir },
      notices: notices()
    }
  },
  async 'shell:openExternal'({ url }, { openExternal }) {
    if (!isAllowedExternalUrl(url)) {
      throw AppError.field('url', 'Fraktdesk only opens https links to Bring, Mybring and Posten.')
    }
    await openExternal(url)
    return { opened: true }
  }
}
