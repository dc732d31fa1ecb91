import { useEffect, useState, type ReactNode } from 'react'

/**
 * A folded section (<details>) that opens by itself when something inside needs the user, e.g. a
 * validation error, so nothing with an error is ever hidden.
 */
export function Disclosure({ summary, forceOpen, testId, children }: { summary: string; forceOpen?: boolean; testId?: string; children: ReactNode }) {
  const [open, setOpen] = useState(Boolean(forceOpen))
  useEffect(() => {
    if (forceOpen) setOpen(true)
  }, [forceOpen])
  return (
    <details className="card disclosure" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={testId}>
      <summary>{summary}</summary>
      {children}
    </details>
  )
}
