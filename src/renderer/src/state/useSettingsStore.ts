import { create } from 'zustand'
import { call } from '../lib/ipc'
import type { Settings, SettingsPatch } from '@shared/domain/settings'
import type { CredentialsStatus, SaveCredentials } from '@shared/domain/credentials'
import type { Mode } from '@shared/domain/mode'
import type { Customer } from '@shared/domain/customers'
import i18n from '../i18n'
import { useCustomersStore } from './useCustomersStore'

interface SettingsState {
  settings: Settings | null
  credentials: CredentialsStatus | null
  lastCheck: { customers: Customer[]; checkedAt: string } | null
  load(): Promise<void>
  update(patch: SettingsPatch): Promise<void>
  setMode(mode: Mode, confirmLive?: boolean): Promise<void>
  saveCredentials(input: SaveCredentials): Promise<void>
  clearCredentials(): Promise<void>
  checkConnection(): Promise<void>
}

/** Settings, mode and credential status; errors are thrown to the calling form to show in place. */
export const useSettingsStore = create<SettingsState>((set, get) => {
  const apply = (settings: Settings): void => {
    const before = get().settings
    if (before && (before.mode !== settings.mode || before.apiUid !== settings.apiUid)) useCustomersStore.getState().invalidate()
    set({ settings })
    if (i18n.language !== settings.language) void i18n.changeLanguage(settings.language)
  }
  return {
    settings: null,
    credentials: null,
    lastCheck: null,
    async load() {
      const [settings, credentials] = await Promise.all([call('settings:get'), call('credentials:status')])
      apply(settings)
      set({ credentials })
    },
    async update(patch) {
      apply(await call('settings:set', patch))
    },
    async setMode(mode, confirmLive) {
      apply(await call('mode:set', { mode, confirmLive }))
      set({ lastCheck: null })
    },
    async saveCredentials(input) {
      const credentials = await call('credentials:save', input)
      set({ credentials, lastCheck: null })
      apply(await call('settings:get'))
    },
    async clearCredentials() {
      const credentials = await call('credentials:clear')
      set({ credentials, lastCheck: null })
      apply(await call('settings:get'))
    },
    async checkConnection() {
      set({ lastCheck: null })
      set({ lastCheck: await call('connection:check') })
    }
  }
})
