import { useCallback, useRef, useState } from 'react'
import { errorMessage, IpcError } from './ipc'

/**
 * One user action that calls main: busy while it runs (a second click or Enter meanwhile does
 * nothing), and afterwards the error in the UI language plus any field errors to place next to
 * their inputs. `run` resolves to the action's result, or undefined when it failed or was ignored.
 */
export function useAsyncAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>()
  const running = useRef(false)
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setError(null)
    setFieldErrors(undefined)
    try {
      return await action()
    } catch (err) {
      setError(errorMessage(err))
      if (err instanceof IpcError) setFieldErrors(err.fieldErrors)
      return undefined
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])
  return { busy, error, fieldErrors, run, setError }
}
