import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'
import { App } from './app/App'
import { useAppStore } from './state/useAppStore'
import { useSettingsStore } from './state/useSettingsStore'
import { useCustomersStore } from './state/useCustomersStore'

// Start-up calls go out together, before React's first render: app info, settings and the
// customer list every screen needs.
void useAppStore.getState().load()
void useSettingsStore.getState().load().catch(() => undefined)
void useCustomersStore.getState().load()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>
)
