import { useEffect, useRef } from 'react'

/**
 * A <dialog> shown modally for as long as its component is mounted: focus goes to `focusRef`
 * (showModal alone would pick the first button), Tab stays inside, and on unmount the dialog
 * closes and focus returns to what had it before.
 */
export function useModalDialog<T extends HTMLElement>() {
  const ref = useRef<HTMLDialogElement>(null)
  const focusRef = useRef<T>(null)
  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    focusRef.current?.focus()
    return () => {
      dialog?.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return { ref, focusRef }
}
