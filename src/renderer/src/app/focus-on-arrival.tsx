import { useEffect, useRef, type ReactNode } from 'react'

/**
 * Where focus goes when a screen (or a panel that replaces part of one) appears: the element marked
 * `data-autofocus` — the first field that needs input — or else the screen's heading, so keyboard
 * users never start again from the top of the page.
 */
export function focusArrival(root: HTMLElement | null): boolean {
  if (!root) return false
  const target = root.querySelector<HTMLElement>('[data-autofocus]:not([disabled])') ?? root.querySelector<HTMLElement>('h1')
  if (!target) return false
  if (!target.matches('input, select, textarea, button, a[href], [tabindex]')) target.tabIndex = -1
  target.focus()
  return document.activeElement === target
}

/** Frames to keep trying: a screen shown while another was still loading can be hidden for a moment. */
const ARRIVAL_FRAMES = 60

/**
 * Focuses the arrival point of its children once they are on screen (after lazy loading too), and again
 * at every `arrival`: back at a screen while the one left for was still loading (Ctrl+1 then Ctrl+5 at
 * once), React shows the same screen again without mounting it anew. Tried again on the next frames
 * while nothing else has focus (a screen can be hidden for a moment while another loads).
 */
export function FocusOnArrival({ arrival, children }: { arrival: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let frames = 0
    let handle = 0
    const attempt = (): void => {
      if (focusArrival(ref.current) || ++frames >= ARRIVAL_FRAMES) return
      handle = requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) attempt()
      })
    }
    attempt()
    return () => cancelAnimationFrame(handle)
  }, [arrival])
  return <div ref={ref} className="screen-frame">{children}</div>
}
