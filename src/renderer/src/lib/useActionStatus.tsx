import { useCallback, useState } from 'react'
import { errorMessage } from './ipc'

/**
 * A button's outcome in one line under it: `run` takes an action that resolves to the text to show
 * (or null for nothing); a failure shows its message as an error. `<Status />` renders the line.
 */
export function useActionStatus() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const run = async (action: () => Promise<string | null>): Promise<void> => {
    try {
      const text = await action()
      if (text) setStatus({ ok: true, text })
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) })
    }
  }
  const Status = () =>
    status && (
      <p role="status" className={status.ok ? 'muted small' : 'error small'}>
        {status.text}
      </p>
    )
  const fail = useCallback((text: string) => setStatus({ ok: false, text }), [])
  return { run, Status, fail }
}
