import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

const shortcuts = [
  ['Ctrl+1 … Ctrl+6', 'screens'],
  ['/', 'search'],
  ['Ctrl+Enter', 'submit'],
  ['Enter', 'quote'],
  ['Alt+N', 'addPackage'],
  ['↑ ↓', 'lists'],
  ['Esc', 'back'],
  ['? / F1', 'help']
] as const

/** The keyboard shortcuts, as a real modal dialog: focus inside, Esc closes, focus goes back. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-help">
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
      <button type="button" autoFocus onClick={onClose}>
        {t('common.close')}
      </button>
    </dialog>
  )
}
