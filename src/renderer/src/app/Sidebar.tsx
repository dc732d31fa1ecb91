import { useTranslation } from 'react-i18next'
import { useEffect } from 'react'
import { screens, useNavStore } from '../state/useNavStore'
import { useAttentionStore } from '../state/useAttentionStore'
import { onEvent } from '../lib/ipc'

export function Sidebar() {
  const { t } = useTranslation()
  const current = useNavStore((s) => s.screen)
  const go = useNavStore((s) => s.go)
  const attention = useAttentionStore((s) => s.count)
  const loadAttention = useAttentionStore((s) => s.load)
  useEffect(() => {
    void loadAttention()
    return onEvent('tracking:changed', () => void loadAttention())
  }, [loadAttention])
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
              {screen === 'shipments' && attention > 0 && (
                <span className="badge attention-count" data-testid="attention-count" aria-label={t('tracking.attentionCount', { count: attention })}>
                  {attention}
                </span>
              )}
              <kbd>{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
