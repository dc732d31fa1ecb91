import { Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ModeBanner } from './ModeBanner'
import { SharedHealthLine } from './SharedHealthLine'
import { Sidebar } from './Sidebar'
import { Notices } from './Notices'
import { screens, useNavStore } from '../state/useNavStore'
import { useAppStore } from '../state/useAppStore'
import { useSettingsStore } from '../state/useSettingsStore'
import { useCustomersStore } from '../state/useCustomersStore'
import { screenViews, preloadScreens } from './screen-views'
import { FocusOnArrival } from './focus-on-arrival'
import { ShortcutsHelp } from './ShortcutsHelp'
import { useScreenActions } from '../state/useScreenActions'

export function App() {
  const { t } = useTranslation()
  const screen = useNavStore((s) => s.screen)
  const arrival = useNavStore((s) => s.arrival)
  const go = useNavStore((s) => s.go)
  const settings = useSettingsStore((s) => s.settings)
  const error = useAppStore((s) => s.error)


  // Keyboard-first: Ctrl/Cmd+1..9 jumps between screens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // "/" jumps to the screen's search box, unless the user is typing somewhere.
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]')
      // Already in an empty search box (screens focus it on arrival): "/" stays a shortcut.
      if (e.key === '/' && e.target instanceof HTMLInputElement && e.target.type === 'search' && e.target.value === '') {
        e.preventDefault()
        return
      }
      // "?" is text in a text field; anywhere else (a select, a button, a row) it opens the help.
      const textEntry = e.target instanceof HTMLElement && e.target.closest('textarea, [contenteditable], input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"])')
      if ((e.key === 'F1' || (e.key === '?' && !textEntry)) && !e.ctrlKey && !e.metaKey) {
        e.preventDefault()
        setHelpOpen(true)
        return
      }
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
        const search = document.querySelector<HTMLInputElement>('input[type="search"]')
        if (search) {
          e.preventDefault()
          search.focus()
        }
        return
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      // Ctrl+Enter: the screen's main action, wherever focus is on the screen.
      if (e.key === 'Enter') {
        const submit = useScreenActions.getState().submit
        if (submit) {
          e.preventDefault()
          submit()
        }
        return
      }
      const n = Number(e.key)
      if (n >= 1 && n <= screens.length) {
        e.preventDefault()
        go(screens[n - 1])
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [go])

  // Start-up is done when settings and customers are on screen: mark it (the bench reads the mark),
  // then fetch the other screens' chunks while the user reads the first.
  const customersLoaded = useCustomersStore((s) => s.list !== null || s.error !== null)
  const ready = settings !== null && customersLoaded
  useEffect(() => {
    if (!ready) return
    performance.mark('fraktdesk:ready')
    return preloadScreens()
  }, [ready])

  const [helpOpen, setHelpOpen] = useState(false)
  const View = screenViews[screen]
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        {t('nav.skipToContent')}
      </a>
      <ModeBanner mode={settings?.mode} />
      <div className="app-body">
        <Sidebar />
        <main className="content" id="content" tabIndex={-1}>
          <SharedHealthLine />
          <Notices />
          {error && <div className="alert alert-error" role="alert">{error}</div>}
          {settings ? (
            <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
              <FocusOnArrival key={screen} arrival={arrival}>
                <View />
              </FocusOnArrival>
            </Suspense>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </main>
      </div>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </div>
  )
}
