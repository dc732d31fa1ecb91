import { useRef, useState, type KeyboardEvent } from 'react'
import { useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { limits, type BookingFormValues } from '@shared/domain/booking'
import type { RecipientSuggestion } from '@shared/domain/address-book'
import { call } from '../../lib/ipc'
import { Field } from '../../components/Field'

/**
 * The recipient's name as a combobox: from two characters it offers address-book entries and recent
 * recipients (by name, postal code or phone); ↑/↓ move, Enter fills the whole party, Esc closes.
 * The first offer is preselected, so "Kar" + Enter is enough for a regular.
 */
export function RecipientNameField({ onPick }: { onPick(s: RecipientSuggestion): void }) {
  const { t } = useTranslation()
  const { register, formState } = useFormContext<BookingFormValues>()
  const error = formState.errors.recipient?.name?.message
  const [items, setItems] = useState<RecipientSuggestion[]>([])
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(false)
  const seq = useRef(0)

  const lookup = (query: string): void => {
    const mine = ++seq.current // typing fast: only the newest answer counts
    if (query.trim().length < 2) return setOpen(false)
    void call('recipients:suggest', { query: query.slice(0, 100) }).then(
      (found) => {
        if (mine !== seq.current) return
        setItems(found)
        setActive(0)
        setOpen(found.length > 0)
      },
      () => setOpen(false)
    )
  }
  const pick = (s: RecipientSuggestion): void => {
    setOpen(false)
    seq.current++
    onPick(s)
  }
  const field = register('recipient.name', { onChange: (e) => lookup(String(e.target.value)), onBlur: () => setOpen(false) })
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (!open) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length)
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault() // picks, never submits the form
      pick(items[active])
    } else if (e.key === 'Escape') {
      e.preventDefault()
      setOpen(false)
    }
  }
  const optionId = (i: number): string => `recipient-suggestion-${i}`

  return (
    <div className="combobox">
      <Field id="recipient-name" label={t('book.name')} error={error}>
        <input
          id="recipient-name"
          type="text"
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls="recipient-suggestions"
          aria-activedescendant={open ? optionId(active) : undefined}
          data-max={limits.name}
          {...field}
          onKeyDown={onKeyDown}
        />
      </Field>
      {open && (
        <ul id="recipient-suggestions" role="listbox" className="suggestions" aria-label={t('book.suggestions')} data-testid="recipient-suggestions">
          {items.map((s, i) => (
            <li
              key={`${s.source}-${s.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input keeps focus and does not close the list first
              onMouseDown={(e) => {
                e.preventDefault()
                pick(s)
              }}
            >
              <strong>{s.party.name}</strong>
              <span className="muted small">
                {' '}
                {s.party.addressLine}, {s.party.postalCode} {s.party.city}
              </span>
              <span className="badge small">{t(s.source === 'addressBook' ? 'book.fromAddressBook' : 'book.fromHistory')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
