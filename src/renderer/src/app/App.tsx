import type React from 'react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ModeBanner } from './ModeBanner'
import { Sidebar } from './Sidebar'
import { Notices } from './Notices'
import { screens, useNavStore, type Screen } from '../state/useNavStore'
import { useAppStore } from '../state/useAppStore'
import { useSettingsStore } from '../state/useSettingsStore'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { CustomersScreen } from '../features/customers/CustomersScreen'
import { PickupsScreen } from '../features/pickups/PickupsScreen'
import { QuoteScreen } from '../features/quote/QuoteScreen'
import { BookScreen } from '../features/book/BookScreen'
import { ShipmentsScreen } from '../features/shipments/ShipmentsScreen'

const views: Record<Screen, () => React.ReactElement> = {
  quote: () => <QuoteScreen />,
  book: () => <BookScreen />,
  shipments: () => <ShipmentsScreen />,
  pickups: () => <PickupsScreen />,
  customers: () => <CustomersScreen />,
  settings: () => <SettingsScreen />
}

export function App() {
  const { t } = useTranslation()
  const screen = useNavStore((s) => s.screen)
  const go = useNavStore((s) => s.go)
  const loadApp = useAppStore((s) => s.load)
  const loadSettings = useSettingsStore((s) => s.load)
  const settings = useSettingsStore((s) => s.settings)
  const error = useAppStore((s) => s.error)

  useEffect(() => {
    void loadApp()
    void loadSettings().catch(() => undefined)
  }, [loadApp, loadSettings])

  // Keyboard-first: Ctrl/Cmd+1..6 jumps between screens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // "/" jumps to the screen's search box, unless the user is typing somewhere.
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]')
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
        const search = document.querySelector<HTMLInputElement>('input[type="search"]')
        if (search) {
          e.preventDefault()
          search.focus()
        }
        return
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const n = Number(e.key)
      if (n >= 1 && n <= screens.length) {
        e.preventDefault()
        go(screens[n - 1])
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])

  const View = views[screen]
  return (
    <div className="app">
      <ModeBanner mode={settings?.mode} />
      <div className="app-body">
        <Sidebar />
        <main className="content" aria-live="polite">
          <Notices />
          {error && <div className="alert alert-error" role="alert">{error}</div>}
          {settings ? <View key={screen} /> : <p className="muted">{t('common.loading')}</p>}
        </main>
      </div>
    </div>
  )
}
