import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../../lib/ipc'
import { formatDateTime, formatNumber } from '../../lib/format'
import { useRovingList } from '../../lib/useRovingList'
import { ListSearch } from '../../components/ListSearch'
import { useIntentsStore } from '../../state/useIntentsStore'
import { useWarehouseStore } from './useWarehouseStore'
import { WarehouseMessageDetail } from './WarehouseMessageDetail'

/** Bring Warehousing: order updates newest first with instant search, the stock per article, and file import. */
export function WarehouseScreen() {
  const { t, i18n } = useTranslation()
  const { query, status, items, total, totalExact, selected, inventory, error, setQuery, setStatus, load, open, loadInventory } = useWarehouseStore()
  const [tab, setTab] = useState<'messages' | 'inventory'>('messages')
  const [imported, setImported] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const detailRef = useRef<HTMLDivElement>(null)
  const openShipment = useIntentsStore((s) => s.openShipment)
  const bookThis = useIntentsStore((s) => s.bookThis)

  useEffect(() => {
    void load()
    void loadInventory()
  }, [load, loadInventory])

  const rows = useRovingList<HTMLTableSectionElement>(
    items.map((m) => m.id),
    { onOpen: (id) => void open(id).then(() => detailRef.current?.querySelector<HTMLElement>('button')?.focus()), onEscape: () => searchRef.current?.focus() }
  )

  const importFiles = async (files: FileList | null): Promise<void> => {
    const results: string[] = []
    for (const f of Array.from(files ?? [])) {
      try {
        const r = await call('warehouse:import', { name: f.name.slice(0, 200), text: await f.text() })
        results.push(r.stored ? t('warehouse.imported', { file: f.name }) : r.duplicate ? t('warehouse.importDuplicate', { file: f.name }) : t('warehouse.importRejected', { file: f.name, reason: r.reason }))
      } catch (err) {
        results.push(`${f.name}: ${errorMessage(err)}`)
      }
    }
    setImported(results.join(' '))
    void load()
    void loadInventory()
  }

  return (
    <section
      className="screen warehouse"
      data-testid="screen-warehouse"
      // Message files dropped anywhere on the screen are imported like picked ones.
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault()
        void importFiles(e.dataTransfer.files)
      }}
    >
      <div className="screen-head">
        <h1>{t('nav.warehouse')}</h1>
        <span className="muted">{t('warehouse.count', { count: total, total: `${formatNumber(total, i18n.language)}${totalExact ? '' : '+'}` })}</span>
        <label className="link">
          {t('warehouse.importFiles')}
          <input type="file" className="sr-only" accept=".xml,.json,application/xml,text/xml,application/json" multiple onChange={(e) => void importFiles(e.target.files)} data-testid="warehouse-import" />
        </label>
      </div>
      {imported && (
        <p role="status" className="muted small">
          {imported}
        </p>
      )}
      <div role="tablist" className="segmented" aria-label={t('nav.warehouse')}>
        {(['messages', 'inventory'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : undefined} onClick={() => setTab(k)}>
            {t(`warehouse.tab.${k}`)}
          </button>
        ))}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {tab === 'messages' ? (
        <>
          <div className="filters row">
            <ListSearch inputRef={searchRef} label={t('warehouse.search')} value={query} onChange={setQuery} onArrowDown={rows.focusFirst} />
            <select aria-label={t('warehouse.statusFilter')} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">{t('warehouse.allStatuses')}</option>
              {['DESPATCHED', 'PICKED', 'ON_HOLD', 'CANCELLED'].map((s) => (
                <option key={s} value={s}>
                  {t(`warehouse.status.${s}`, s)}
                </option>
              ))}
            </select>
          </div>
          <div className="split wide-right">
            <div className="pane">
              {items.length === 0 ? (
                <p className="muted">{t(query ? 'warehouse.noMatch' : 'warehouse.empty')}</p>
              ) : (
                <table className="table" data-testid="warehouse-table">
                  <thead>
                    <tr>
                      <th>{t('warehouse.received')}</th>
                      <th>{t('warehouse.order')}</th>
                      <th>{t('warehouse.statusCol')}</th>
                    </tr>
                  </thead>
                  <tbody ref={rows.ref} onKeyDown={rows.onKeyDown}>
                    {items.map((m) => (
                      <tr key={m.id} {...rows.itemProps(m.id)} className={selected?.id === m.id ? 'selected' : undefined} onClick={() => void open(m.id)} data-message={m.id}>
                        <td className="small">{formatDateTime(m.receivedAt, i18n.language)}</td>
                        <td>
                          <div>{m.orderNumber ?? m.documentId ?? '—'}</div>
                          <div className="muted small">{m.shipTo?.name ?? t(`warehouse.kind.${m.kind}`)}</div>
                        </td>
                        <td>
                          <span className="badge">{m.status ? t(`warehouse.status.${m.status}`, m.status) : t(`warehouse.kind.${m.kind}`)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div ref={detailRef}>{selected && <WarehouseMessageDetail message={selected} onOpenShipment={openShipment} onBook={(party, reference) => bookThis({ source: 'warehouse', party, reference })} />}</div>
          </div>
        </>
      ) : (
        <table className="table" data-testid="inventory-table">
          <thead>
            <tr>
              <th>{t('warehouse.article')}</th>
              <th>{t('warehouse.quantity')}</th>
              <th>{t('warehouse.updated')}</th>
              <th>{t('warehouse.adjustments')}</th>
            </tr>
          </thead>
          <tbody>
            {inventory.map((r) => (
              <tr key={r.article}>
                <td>
                  <div className="mono">{r.article}</div>
                  <div className="muted small">{r.description ?? r.gtin ?? ''}</div>
                </td>
                <td>{formatNumber(r.quantity, i18n.language)}</td>
                <td className="small">{formatDateTime(r.updatedAt, i18n.language)}</td>
                <td className="small">{r.adjustments.map((a) => `${a.delta > 0 ? '+' : ''}${formatNumber(a.delta, i18n.language)}${a.reason ? ` (${a.reason})` : ''}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
