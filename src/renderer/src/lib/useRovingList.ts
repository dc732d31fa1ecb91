import { useRef, useState, type KeyboardEvent } from 'react'

/**
 * A list that is one Tab stop: ↑/↓ (Home/End) move between items, Enter opens one, Esc goes back
 * (usually to the search box). Items carry `data-roving-id`; only the current one is tabbable.
 */
export function useRovingList<E extends HTMLElement>(ids: string[], opts: { onOpen?(id: string): void; onEscape?(): void; onMove?(id: string): void } = {}) {
  const [active, setActive] = useState<string | null>(null)
  const current = active !== null && ids.includes(active) ? active : (ids[0] ?? null)
  const ref = useRef<E>(null)
  const focus = (id: string): void => ref.current?.querySelector<HTMLElement>(`[data-roving-id="${CSS.escape(id)}"]`)?.focus()
  const moveTo = (id: string | undefined): void => {
    if (id === undefined) return
    setActive(id)
    focus(id)
    opts.onMove?.(id)
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    const i = current === null ? -1 : ids.indexOf(current)
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(ids[Math.min(ids.length - 1, i + 1)]),
      ArrowUp: () => moveTo(ids[Math.max(0, i - 1)]),
      Home: () => moveTo(ids[0]),
      End: () => moveTo(ids[ids.length - 1]),
      Enter: () => current !== null && opts.onOpen?.(current),
      Escape: () => opts.onEscape?.()
    }
    const run = keys[e.key]
    if (!run || e.ctrlKey || e.metaKey || e.altKey) return
    e.preventDefault()
    run()
  }
  return {
    ref,
    onKeyDown,
    /** The item the list points at (the first until the user moves). */
    current,
    /** Focus the first item (↓ from the search box). */
    focusFirst: () => moveTo(ids[0]),
    itemProps: (id: string) => ({ tabIndex: id === current ? 0 : -1, 'data-roving-id': id, onFocus: () => setActive(id) })
  }
}
