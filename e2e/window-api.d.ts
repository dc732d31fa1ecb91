import type { FraktdeskApi } from '../src/shared/ipc/api'

// Specs call main through the page's window.api (the preload's, or the Chromium bridge's) to set up state.
declare global {
  interface Window {
    api: FraktdeskApi
  }
}
