import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

/**
 * A labelled input with help text and its error right beneath it, tied to the input with
 * aria-describedby (and aria-invalid), so a screen reader reads them with the field. `action` is
 * a control that belongs to the field (e.g. taking Bring's city), under it.
 */
export function Field({ id, label, help, error, action, children }: { id: string; label: string; help?: string; error?: string; action?: ReactNode; children: ReactNode }) {
  const describedBy = error ? `${id}-error` : help ? `${id}-help` : undefined
  const control = isValidElement(children) ? cloneElement(children as ReactElement<Record<string, unknown>>, { 'aria-describedby': describedBy, 'aria-invalid': Boolean(error) }) : children
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
      {help && !error && <small className="help" id={`${id}-help`}>{help}</small>}
      {error && (
        <small className="error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
      {action}
    </div>
  )
}
