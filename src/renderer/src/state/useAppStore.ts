import { create } from 'zustand'
import { call, errorMessage, onEvent } from '../lib/ipc'
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

const sameNotice = (a: Notice, b: Notice): boolean => a.key === b.key && JSON.stringify(a.params) === JSON.stringify(b.params)
/** Notices from start-up and from background work that ended later, each once. */
const merged = (have: Notice[], more: Notice[]): Notice[] => [...have, ...more.filter((n) => !have.some((h) => sameNotice(h, n)))]

export const useAppStore = create<AppState>((set) => ({
  info: null,
  notices: [],
  error: null,
  async load() {
    try {
      const info = await call('app:info')
      set((s) => ({ info, notices: merged(info.notices, s.notices), error: null }))
    } catch (err) {
      set({ error: errorMessage(err) })
    }
  },
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) }))
}))

/** Background work that ends after start-up (the history file's check, labels fetched again) says so here. */
export const followNotices = (): (() => void) => onEvent('app:notice', (n) => useAppStore.setState((s) => ({ notices: merged(s.notices, [n]) })))
