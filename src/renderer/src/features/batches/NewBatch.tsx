import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { batchDefaultsSchema, type BatchDefaults, type RowValues } from '@shared/domain/batches'
import type { Customer } from '@shared/domain/customers'
import { osloDate } from '@shared/domain/oslo-calendar'
import { errorMessage } from '../../lib/ipc'
import { CsvImport } from '../../components/CsvImport'
import { importMapping } from '../../lib/import-mapping'
import { Field } from '../../components/Field'
import { BatchDefaultsFields } from './BatchDefaultsFields'

/** A batch from a CSV file: map the columns, give the defaults, create. Rows with problems are fixed in the batch. */
export function NewBatch({ customers, defaultCustomer, onCreate, onCancel }: {
  customers: Customer[]
  defaultCustomer: string
  /** `lines`: each row's line in the file, which the batch numbers its rows by. */
  onCreate(name: string, defaults: BatchDefaults, rows: RowValues[], lines: number[]): Promise<unknown>
  onCancel(): void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [defaults, setDefaults] = useState<BatchDefaults>({ customerNumber: defaultCustomer, productId: '', senderId: null, shippingDate: osloDate(), weightKg: '', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' })
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onRows = async (rows: RowValues[], fileName: string, lines: number[]): Promise<void> => {
    const parsed = batchDefaultsSchema.safeParse(defaults)
    if (!parsed.success) return setErrors(parsed.error.flatten().fieldErrors)
    // Rows without their own customer number or service take the default: then there must be one.
    const missing = {
      customerNumber: !defaults.customerNumber && rows.some((r) => !r.customerNumber) ? [t('batches.chooseCustomer')] : undefined,
      productId: !defaults.productId && rows.some((r) => !r.productId) ? [t('batches.chooseService')] : undefined
    }
    if (missing.customerNumber || missing.productId) return setErrors(missing)
    setErrors({})
    setBusy(true)
    setError(null)
    try {
      await onCreate(name.trim() || fileName.replace(/\.[^.]+$/, '').slice(0, 80), parsed.data, rows, lines)
    } catch (err) {
      setError(errorMessage(err))
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
      <button type="button" onClick={onCancel}>
        {t('batches.cancelNew')}
      </button>
    </section>
  )
}
