/**
 * Keyboard-first forms: when a form appears, focus goes to the first of its fields that still
 * needs input (in the order given), else to the element matching `otherwise` (usually the submit
 * button), so a prefilled form is one Ctrl+Enter from done.
 */
export function focusFirstEmpty(root: HTMLElement | null, selectors: string[], otherwise: string): void {
  if (!root) return
  for (const selector of selectors) {
    const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)
    if (el && !el.disabled && el.value.trim() === '') return el.focus()
  }
  root.querySelector<HTMLElement>(otherwise)?.focus()
}

/**
 * After a failed check: focus the first field marked invalid in the order the user sees them, once the
 * messages are on screen. react-hook-form's own focus follows registration order, and a field
 * rendered by a child component (the recipient's name with its suggestions) registers after its siblings.
 */
export function focusFirstInvalid(root: HTMLElement | null): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

/** Focus `el` unless the user has already moved on: only from nowhere, the page or a heading. */
export function focusIfIdle(el: HTMLElement | null): void {
  const active = document.activeElement
  if (!el || (active && active !== document.body && !active.matches('main, h1, h2'))) return
  el.focus()
}
