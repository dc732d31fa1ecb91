import { useTranslation } from 'react-i18next'
import { screens, useNavStore } from '../state/useNavStore'

export function Sidebar() {
  const { t } = useTranslation()
  const current = useNavStore((s) => s.screen)
  const go = useNavStore((s) => s.go)
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen, i) => (
          <li key={screen}>
            <button
              type="button"
              className={screen === current ? 'nav-item active' : 'nav-item'}
              aria-current={screen === current ? 'page' : undefined}
              onClick={() => go(screen)}
              title={t('nav.shortcut', { n: i + 1 })}
            >
              <span>{t(`nav.${screen}`)}</span>
              <kbd>{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
