import { useEffect, useRef } from 'react'
import { create } from 'zustand'

/**
 * The screen's main action (quote, book, order pickup), so Ctrl+Enter runs it from anywhere on the
 * screen, not only from inside its form. The newest registration wins; unmounting removes it.
 */
interface ScreenActionsState {
  submit: (() => void) | null
  set(submit: (() => void) | null): void
}

export const useScreenActions = create<ScreenActionsState>((set) => ({
  submit: null,
  set: (submit) => set({ submit })
}))

/** Registers `submit` as the screen's Ctrl+Enter action while the calling component is mounted. */
export function useCtrlEnter(submit: () => void): void {
  const latest = useRef(submit)
  latest.current = submit
  useEffect(() => {
    const run = (): void => latest.current()
    useScreenActions.getState().set(run)
    return () => {
      if (useScreenActions.getState().submit === run) useScreenActions.getState().set(null)
    }
  }, [])
}
