import { useTranslation } from 'react-i18next'
import { useModalDialog } from '../components/useModalDialog'

const shortcuts = [
  ['Ctrl+1 … Ctrl+9', 'screens'],
  ['/', 'search'],
  ['Ctrl+Enter', 'submit'],
  ['Enter', 'quote'],
  ['Alt+N', 'addPackage'],
  ['↑ ↓', 'lists'],
  ['Esc', 'back'],
  ['? / F1', 'help']
] as const

/** The keyboard shortcuts, as a real modal dialog while mounted: focus inside, Esc closes, focus goes back. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const { ref, focusRef } = useModalDialog<HTMLButtonElement>()
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onCancel={onClose} data-testid="shortcuts-help">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="table">
        <tbody>
          {shortcuts.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(`shortcuts.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button ref={focusRef} type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </dialog>
  )
}
