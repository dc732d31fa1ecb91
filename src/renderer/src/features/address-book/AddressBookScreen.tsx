import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AddressEntry, AddressKind } from '@shared/domain/address-book'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useRovingList } from '../../lib/useRovingList'
import { ListSearch } from '../../components/ListSearch'
import { formatNumber } from '../../lib/format'
import { call, errorMessage } from '../../lib/ipc'
import { useIntentsStore } from '../../state/useIntentsStore'
import { useSettingsStore } from '../../state/useSettingsStore'
import { useAddressBookStore } from './useAddressBookStore'
import { AddressEntryForm } from './AddressEntryForm'
import { AddressImport } from './AddressImport'

/** Recipients and sender profiles: instant search, ↑/↓ + Enter to edit, Ctrl+Enter to save. */
export function AddressBookScreen() {
  const { t, i18n } = useTranslation()
  const { kind, query, items, total, totalExact, error, editing, setKind, setQuery, load, more, edit, save, remove } = useAddressBookStore()
  const customers = useCustomersStore((s) => s.list?.customers)
  const loadCustomers = useCustomersStore((s) => s.load)
  const searchRef = useRef<HTMLInputElement>(null)
  const openBatch = useIntentsStore((s) => s.openBatch)
  const bookThis = useIntentsStore((s) => s.bookThis)
  const defaultCustomerNumber = useSettingsStore((s) => s.settings?.defaultCustomerNumber)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [batchError, setBatchError] = useState<string | null>(null)
  const toggle = (id: string): void => setSelected((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : new Set([...prev, id])))
  const batchFromSelected = async (): Promise<void> => {
    try {
      const b = await call('batches:createFrom', { name: t('nav.addressBook'), source: 'addressBook', ids: [...selected].slice(0, 500) })
      setSelected(new Set())
      openBatch(b.id)
    } catch (err) {
      setBatchError(errorMessage(err))
    }
  }

  useEffect(() => {
    void load()
    if (!customers) void loadCustomers()
  }, [load, customers, loadCustomers])

  const rows = useRovingList<HTMLTableSectionElement>(
    items.map((e) => e.id),
    { onOpen: (id) => edit(items.find((e) => e.id === id) ?? null), onEscape: () => searchRef.current?.focus() }
  )
  const totalText = `${formatNumber(total, i18n.language)}${totalExact ? '' : '+'}`
  const current = editing === 'new' ? null : editing
  /** The Book screen with this recipient, its remembered service, parcel and pickup point. */
  const bookTo = (e: AddressEntry): void =>
    bookThis({ source: 'recipient', suggestion: { source: 'addressBook', id: e.id, party: e.party, preferred: e.preferred }, customerNumbers: (customers ?? []).map((c) => c.customerNumber), defaultCustomerNumber })
  // Ctrl+B books to the open recipient, else the one the list points at (the first match of a search).
  const onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'b' || kind !== 'recipient') return
    const target = current ?? items.find((i) => i.id === rows.current) ?? items[0]
    if (!target) return
    e.preventDefault()
    bookTo(target)
  }

  return (
    <section className="screen address-book" data-testid="screen-addressBook" onKeyDown={onKeyDown}>
      <div className="screen-head">
        <h1>{t('nav.addressBook')}</h1>
        <span className="muted" data-testid="address-count">
          {t('addressBook.count', { count: total, total: totalText })}
        </span>
      </div>
      <div className="filters row">
        <div role="tablist" aria-label={t('addressBook.kinds')} className="segmented">
          {(['recipient', 'sender'] as AddressKind[]).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={kind === k ? 'active' : undefined} onClick={() => setKind(k)}>
              {t(`addressBook.kind.${k}`)}
            </button>
          ))}
        </div>
        <ListSearch inputRef={searchRef} label={t('addressBook.search')} value={query} onChange={setQuery} onArrowDown={rows.focusFirst} />
        {kind === 'recipient' && selected.size > 0 && (
          <button type="button" onClick={() => void batchFromSelected()} data-testid="address-batch">
            {t('batches.fromSelected', { count: selected.size })}
          </button>
        )}
        <button type="button" onClick={() => edit('new')} data-testid="address-new">
          {t(kind === 'sender' ? 'addressBook.newSender' : 'addressBook.newRecipient')}
        </button>
      </div>
      {(error || batchError) && (
        <div className="alert alert-error" role="alert">
          {error ?? batchError}
        </div>
      )}
      <div className="split wide-right">
        <div className="pane">
          {items.length === 0 ? (
            <p className="muted">{t(query ? 'addressBook.noMatch' : 'addressBook.empty')}</p>
          ) : (
            <table className="table" data-testid="address-table">
              <thead>
                <tr>
                  {kind === 'recipient' && <th aria-hidden="true"></th>}
                  <th>{t('book.name')}</th>
                  <th>{t('book.addressLine')}</th>
                  <th>{t('book.phone')}</th>
                </tr>
              </thead>
              <tbody ref={rows.ref} onKeyDown={rows.onKeyDown}>
                {items.map((e) => (
                  <tr
                    key={e.id}
                    {...rows.itemProps(e.id)}
                    className={current?.id === e.id ? 'selected' : undefined}
                    onClick={() => edit(e)}
                    onKeyDown={(ev) => {
                      // Space picks the row for a batch, as in a file list.
                      if (ev.key === ' ' && kind === 'recipient' && ev.target === ev.currentTarget) {
                        ev.preventDefault()
                        toggle(e.id)
                      }
                    }}
                  >
                    {kind === 'recipient' && (
                      <td onClick={(ev) => ev.stopPropagation()}>
                        <input type="checkbox" tabIndex={-1} checked={selected.has(e.id)} onChange={() => toggle(e.id)} aria-label={t('batches.select', { name: e.party.name })} />
                      </td>
                    )}
                    <td>
                      {e.party.name}
                      {e.isDefault && <span className="badge small"> {t('addressBook.default')}</span>}
                    </td>
                    <td>
                      <div>{e.party.addressLine}</div>
                      <div className="muted small">
                        {e.party.postalCode} {e.party.city}
                      </div>
                    </td>
                    <td className="small">{e.party.contact.phoneNumber ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(items.length < total || !totalExact) && (
            <button type="button" className="link" onClick={() => void more()}>
              {t('shipments.showMore', { shown: formatNumber(items.length, i18n.language), total: totalText })}
            </button>
          )}
          {kind === 'recipient' && <AddressImport onImported={() => void load()} />}
        </div>
        <div>
          {editing && customers && (
            <AddressEntryForm
              key={current?.id ?? `new-${kind}`}
              entry={current}
              kind={kind}
              customers={customers}
              onSave={(entry, id) => save(entry, id)}
              onDelete={(id) => void remove(id)}
              onClose={() => {
                edit(null)
                searchRef.current?.focus()
              }}
              onBook={bookTo}
            />
          )}
        </div>
      </div>
    </section>
  )
}
