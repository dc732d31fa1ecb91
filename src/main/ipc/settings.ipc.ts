import { AppError } from '@shared/ipc/app-error'
import type { HandlersOf } from './invoke'

export const settingsHandlers: HandlersOf<'settings:get' | 'settings:set' | 'mode:set', 'settings' | 'credentials'> = {
  async 'settings:get'(_input, { settings }) {
    return settings.get()
  },
  async 'settings:set'(patch, { settings }) {
    return settings.update(patch)
  },
  async 'mode:set'({ mode, confirmLive }, { settings, credentials }) {
    if (mode === 'live' && confirmLive !== true) {
      throw new AppError('CONFIRMATION_REQUIRED', 'Switching to Bring live books real shipments at real cost. Confirm to continue.')
    }
    if (mode !== 'sandbox' && !(await credentials.status()).hasKey) {
      throw new AppError('NO_CREDENTIALS', 'Add your Mybring API user and API key before leaving Sandbox.')
    }
    return settings.update({ mode })
  }
}
