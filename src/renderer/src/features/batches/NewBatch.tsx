import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { batchDefaultsSchema, type BatchDefaults } from '@shared/domain/batches'
import type { Customer } from '@shared/domain/customers'
import { osloDate } from '@shared/domain/oslo-calendar'
import { errorMessage } from '../../lib/ipc'
import { CsvImport, type ImportRows } from '../../components/CsvImport'
import { importMapping } from '../../lib/import-mapping'
import { Field } from '../../components/Field'
import { BatchDefaultsFields } from './BatchDefaultsFields'

/** A batch from a CSV file: map the columns, give the defaults, create. Rows with problems are fixed in the batch. */
export function NewBatch({ customers, defaultCustomer, onCreate, onCancel }: {
  customers: Customer[]
  defaultCustomer: string
  /** The rows come a chunk at a time, each with its line in the file (which the batch numbers its rows by). */
  onCreate(name: string, defaults: BatchDefaults, rows: ImportRows): Promise<unknown>
  onCancel(): void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [defaults, setDefaults] = useState<BatchDefaults>({ customerNumber: defaultCustomer, productId: '', senderId: null, shippingDate: osloDate(), weightKg: '', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' })
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onRows = async (rows: ImportRows): Promise<void> => {
    const parsed = batchDefaultsSchema.safeParse(defaults)
    if (!parsed.success) return setErrors(parsed.error.flatten().fieldErrors)
    // Rows without their own customer number or service take the default: then there must be one.
    const missing = {
      customerNumber: !defaults.customerNumber && (rows.filled.customerNumber ?? 0) < rows.count ? [t('batches.chooseCustomer')] : undefined,
      productId: !defaults.productId && (rows.filled.productId ?? 0) < rows.count ? [t('batches.chooseService')] : undefined
    }
    if (missing.customerNumber || missing.productId) return setErrors(missing)
    setErrors({})
    setBusy(true)
    setError(null)
    try {
      await onCreate(name.trim() || rows.fileName.replace(/\.[^.]+$/, '').slice(0, 80), parsed.data, rows)
    } catch (err) {
      setError(rows.signal.aborted ? t('batches.importCancelled') : errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card new-batch" aria-label={t('batches.newTitle')} data-testid="new-batch">
      <h2>{t('batches.newTitle')}</h2>
      <CsvImport
        loadMapping={importMapping.load}
        saveMapping={importMapping.save}
        onRows={onRows}
        submitLabel={t('batches.create')}
        busy={busy}
      >
        <Field id="batch-name" label={t('batches.name')}>
          <input id="batch-name" value={name} maxLength={80} placeholder={t('batches.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </Field>
        <BatchDefaultsFields value={defaults} onChange={setDefaults} customers={customers} errors={errors} />
      </CsvImport>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {/* While rows are sent, the import's own Cancel is the one that stops it. */}
      {!busy && (
        <button type="button" onClick={onCancel}>
          {t('batches.cancelNew')}
        </button>
      )}
    </section>
  )
}
