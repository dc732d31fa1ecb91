import { useEffect, useRef, type ReactNode } from 'react'

/**
 * Where focus goes when a screen (or a panel that replaces part of one) appears: the element marked
 * `data-autofocus` — the first field that needs input — or else the screen's heading, so keyboard
 * users never start again from the top of the page.
 */
export function focusArrival(root: HTMLElement | null): void {
  if (!root) return
  const target = root.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ?? root.querySelector<HTMLElement>('h1')
  if (!target) return
  if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.tabIndex = -1
  target.focus()
}

/** Focuses the arrival point of its children once they are on screen (after lazy loading too). */
export function FocusOnArrival({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => focusArrival(ref.current), [])
  return <div ref={ref} className="screen-frame">{children}</div>
}
