import { create } from 'zustand'
import { call, errorMessage } from '../lib/ipc'
import type { ChannelOutput } from '@shared/ipc/contract'
import type { Notice } from '@shared/domain/notices'

type AppInfo = ChannelOutput<'app:info'>

interface AppState {
  info: AppInfo | null
  notices: Notice[]
  error: string | null
  load(): Promise<void>
  dismissNotice(index: number): void
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  notices: [],
  error: null,
  async load() {
    try {
      const info = await call('app:info')
      set({ info, notices: info.notices, error: null })
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }))
}))
