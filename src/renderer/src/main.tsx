import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
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

// The shell is rendered in this task (flushSync), not in a scheduler task after it: otherwise the
// browser paints an empty frame first and the shell a frame later.
const root = createRoot(document.getElementById('root')!)
flushSync(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>
  )
)
