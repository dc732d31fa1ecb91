import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { describeProductId } from '../../lib/product-names'
import type { Language } from '@shared/domain/settings'
import { timeAgo } from '../../lib/format'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useCustomersScreenStore } from './useCustomersScreenStore'

export function CustomersScreen() {
  const { t, i18n } = useTranslation()
  const lang = (i18n.language === 'nb' ? 'nb' : 'en') as Language
  const { list, loading, error, load } = useCustomersStore()
  const { selected, query, select, setQuery } = useCustomersScreenStore()
  const listRef = useRef<HTMLUListElement>(null)

  // Start-up loads the list already; another mode or API user forgets it (invalidate): load it then.
  useEffect(() => {
    if (list === null && !loading && error === null) void load()
  }, [list, loading, error, load])

  const q = query.trim().toLowerCase()
  const customers = useMemo(() => {
    const all = list?.customers ?? []
    if (!q) return all
    return all.filter(
      (c) =>
        [c.customerNumber, c.name, c.countryCode].some((v) => v.toLowerCase().includes(q)) ||
        c.products.some((p) => `${p} ${describeProductId(p, lang).name}`.toLowerCase().includes(q))
    )
  }, [list, q, lang])
  const current = customers.find((c) => c.customerNumber === selected) ?? customers[0]
  const services = useMemo(() => {
    const all = (current?.products ?? []).map((p) => describeProductId(p, lang))
    if (!q || !current || [current.customerNumber, current.name].some((v) => v.toLowerCase().includes(q))) return all
    return all.filter((s) => `${s.id} ${s.name} ${s.description}`.toLowerCase().includes(q))
  }, [current, q, lang])

  const onListKey = (e: React.KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const i = customers.findIndex((c) => c.customerNumber === current?.customerNumber)
    const next = customers[Math.min(customers.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)))]
    if (next) {
      select(next.customerNumber)
      listRef.current?.querySelector<HTMLElement>(`[data-customer="${next.customerNumber}"]`)?.focus()
    }
  }

  return (
    <section className="screen customers" data-testid="screen-customers">
      <div className="screen-head">
        <h1>{t('customers.title')}</h1>
        <div className="head-tools">
          {list && (
            <span className="muted" data-testid="customers-age">
              {t('customers.fetchedAt', { age: timeAgo(list.fetchedAt, lang) })}
              {list.source === 'cache' ? ` (${t('customers.fromCache')})` : ''}
            </span>
          )}
          <button type="button" onClick={() => void load(true)} disabled={loading}>
            {loading ? t('common.loading') : t('common.refresh')}
          </button>
        </div>
      </div>
      <input
        type="search"
        className="search"
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('common.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {list?.staleReason && <div className="alert alert-warning" role="status">{t('customers.stale', { reason: list.staleReason })}</div>}
      {error && <div className="alert alert-error" role="alert" data-testid="customers-error">{error}</div>}
      {list && (
        <div className="split">
          <div className="pane">
            {customers.length === 0 ? (
              <p className="muted">{q ? t('customers.noMatch', { q: query }) : t('customers.none')}</p>
            ) : (
              <ul className="customer-list" ref={listRef} role="listbox" aria-label={t('customers.title')} onKeyDown={onListKey}>
                {customers.map((c) => (
                  <li
                    key={c.customerNumber}
                    role="option"
                    tabIndex={c.customerNumber === current?.customerNumber ? 0 : -1}
                    aria-selected={c.customerNumber === current?.customerNumber}
                    data-customer={c.customerNumber}
                    onClick={() => select(c.customerNumber)}
                  >
                    <strong>{c.name}</strong>
                    <span className="muted">
                      {t('customers.number')} {c.customerNumber} · {c.countryCode}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <small className="muted">{t('customers.selectHint')}</small>
          </div>
          <div className="pane wide">
            {current && (
              <>
                <h2>{t('customers.servicesOf', { name: current.name })}</h2>
                <table className="table services-table" data-testid="services-table">
                  <thead>
                    <tr>
                      <th>{t('customers.productId')}</th>
                      <th>{t('customers.services')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {services.map((s) => (
                      <tr key={s.id} data-product={s.id}>
                        <td className="mono">{s.id}</td>
                        <td>
                          <div>{s.name}</div>
                          <small className="muted">{s.known ? s.description : t('customers.unknownProduct')}</small>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
