import { useTranslation } from 'react-i18next'
import type { Mode } from '@shared/domain/mode'

/** Always visible: which Bring the app talks to. Sandbox grey, test yellow, live neutral. */
export function ModeBanner({ mode }: { mode: Mode | undefined }) {
  const { t } = useTranslation()
  return (
    <header className={`mode-banner mode-${mode ?? 'unknown'}`} data-testid="mode-banner" data-mode={mode ?? ''}>
      <span className="brand">Fraktdesk</span>
      <span className="mode-pill">{mode ? t(`mode.${mode}Short`) : '…'}</span>
      <span className="mode-text">{mode ? t(`mode.${mode}`) : ''}</span>
    </header>
  )
}
