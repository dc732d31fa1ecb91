import type { RefObject } from 'react'

/**
 * The search box above a keyboard list: focused when the screen opens, ↓ moves into the list (whose
 * Esc comes back here). Data in, callbacks out.
 */
export function ListSearch({ inputRef, label, value, onChange, onArrowDown }: { inputRef: RefObject<HTMLInputElement | null>; label: string; value: string; onChange(v: string): void; onArrowDown(): void }) {
  return (
    <input
      ref={inputRef}
      data-autofocus
      type="search"
      className="search grow"
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault()
          onArrowDown()
        }
      }}
    />
  )
}
