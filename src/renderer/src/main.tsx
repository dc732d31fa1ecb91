import { flushSync } from 'react-dom'
import { createRoot, hydrateRoot } from 'react-dom/client'
import i18n from './i18n'
import './styles.css'
import { AppRoot } from './app/AppRoot'
import { followNotices, useAppStore } from './state/useAppStore'
import { useSettingsStore } from './state/useSettingsStore'
import { useCustomersStore } from './state/useCustomersStore'

// Start-up calls go out together, before React's first render: app info, settings and the
// customer list every screen needs.
followNotices()
void useAppStore.getState().load()
void useSettingsStore.getState().load().catch(() => undefined)
void useCustomersStore.getState().load()

// The built page already shows the shell in its language (prerender-shell.ts): take it over.
// Otherwise (the dev server, or a page in another language) render it here, in this task
// (flushSync), not in a scheduler task after it: the browser would paint an empty frame first.
const container = document.getElementById('root')!
if (container.dataset.prerendered === i18n.language) {
  hydrateRoot(container, <AppRoot />)
} else {
  const root = createRoot(container)
  flushSync(() => root.render(<AppRoot />))
}
