import type { ReactNode } from 'react'

/** A labelled input with help text and its error right beneath it. */
export function Field({ id, label, help, error, children }: { id: string; label: string; help?: string; error?: string; children: ReactNode }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {help && !error && <small className="help" id={`${id}-help`}>{help}</small>}
      {error && (
        <small className="error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  )
}
