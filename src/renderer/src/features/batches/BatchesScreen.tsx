import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useSettingsStore } from '../../state/useSettingsStore'
import { useIntentsStore } from '../../state/useIntentsStore'
import { formatDateTime } from '../../lib/format'
import { useBatchesStore } from './useBatchesStore'
import { NewBatch } from './NewBatch'
import { BatchView } from './BatchView'

/** Bulk booking: batches from a CSV file, booked at Bring's pace, one label PDF per batch. */
export function BatchesScreen() {
  const { t, i18n } = useTranslation()
  const { list, open, progress, error, loadList, show, create } = useBatchesStore()
  const customers = useCustomersStore((s) => s.list?.customers)
  const loadCustomers = useCustomersStore((s) => s.load)
  const settings = useSettingsStore((s) => s.settings)
  const [creating, setCreating] = useState(false)
  const takeBatchToOpen = useIntentsStore((s) => s.takeBatchToOpen)

  useEffect(() => {
    void loadList()
    if (!customers) void loadCustomers()
  }, [loadList, customers, loadCustomers])
  // Arrived from a shipment's "From a batch" link.
  useEffect(() => {
    const id = takeBatchToOpen()
    if (id) void show(id)
  }, [takeBatchToOpen, show])

  return (
    <section className="screen batches" data-testid="screen-batches">
      <div className="screen-head">
        <h1>{t('nav.batches')}</h1>
        <button type="button" data-autofocus onClick={() => setCreating(true)} data-testid="batch-new">
          {t('batches.new')}
        </button>
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="batch-error">
          {error}
        </div>
      )}
      <div className="split">
        <div className="pane">
          {list.length === 0 ? (
            <p className="muted">{t('batches.none')}</p>
          ) : (
            <ul className="batch-list" aria-label={t('nav.batches')}>
              {list.map((b) => (
                <li key={b.id}>
                  <button
                    type="button"
                    className={open?.id === b.id ? 'nav-item active' : 'nav-item'}
                    onClick={() => {
                      setCreating(false)
                      void show(b.id)
                    }}
                  >
                    <span>
                      <strong>{b.name}</strong>
                      <span className="muted small"> · {formatDateTime(b.createdAt, i18n.language)}</span>
                    </span>
                    <span className="small">
                      {t('batches.listCounts', { booked: b.counts.booked, total: b.counts.total })} · {t(`batches.runState.${b.runState}`)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {creating && customers ? (
            <NewBatch
              customers={customers}
              defaultCustomer={settings?.defaultCustomerNumber ?? ''}
              onCreate={async (name, defaults, rows) => {
                await create(name, defaults, rows)
                setCreating(false)
              }}
              onCancel={() => setCreating(false)}
            />
          ) : (
            open && customers && <BatchView key={open.id} batch={open} progress={progress} customers={customers} live={settings?.mode === 'live'} />
          )}
        </div>
      </div>
    </section>
  )
}
