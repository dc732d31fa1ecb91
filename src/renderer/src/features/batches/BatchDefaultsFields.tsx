import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BatchDefaults } from '@shared/domain/batches'
import type { AddressEntry } from '@shared/domain/address-book'
import type { Customer } from '@shared/domain/customers'
import { call } from '../../lib/ipc'
import { Field } from '../../components/Field'
import { CustomerOptions } from '../../components/CustomerOptions'
import { ProductOptions, bookableProducts } from '../../components/ProductOptions'
import { useDeliveryAnnotations, YourDeliveryRecord } from '../../components/YourDeliveryRecord'

/** What every row of a batch shares unless the row says otherwise: customer, service, sender, date, parcel. */
export function BatchDefaultsFields({ value, onChange, customers, errors }: { value: BatchDefaults; onChange(v: BatchDefaults): void; customers: Customer[]; errors: Record<string, string[] | undefined> }) {
  const { t, i18n } = useTranslation()
  const [senders, setSenders] = useState<AddressEntry[]>([])
  useEffect(() => {
    void call('addressBook:list', { kind: 'sender', query: '', limit: 100, offset: 0 }).then((r) => setSenders(r.items), () => setSenders([]))
  }, [])
  // The default service's record to anywhere in Norway: the rows go everywhere.
  const record = useDeliveryAnnotations(value.productId ? [value.productId] : [], undefined, 'NO')
  const products = bookableProducts(customers.find((c) => c.customerNumber === value.customerNumber), i18n.language)
  const set = (patch: Partial<BatchDefaults>): void => onChange({ ...value, ...patch })
  const text = (key: 'weightKg' | 'lengthCm' | 'widthCm' | 'heightCm' | 'goodsDescription', label: string) => (
    <Field id={`defaults-${key}`} label={label} error={errors[key]?.join(' ')}>
      <input id={`defaults-${key}`} value={value[key]} maxLength={key === 'goodsDescription' ? 35 : 10} inputMode={key === 'goodsDescription' ? undefined : 'decimal'} onChange={(e) => set({ [key]: e.target.value })} />
    </Field>
  )
  return (
    <fieldset className="card" data-testid="batch-defaults">
      <legend>{t('batches.defaults')}</legend>
      <div className="row">
        <Field id="defaults-customer" label={t('quote.customer')} error={errors.customerNumber?.join(' ')}>
          <select id="defaults-customer" value={value.customerNumber} onChange={(e) => set({ customerNumber: e.target.value })}>
            <option value="">—</option>
            <CustomerOptions customers={customers} />
          </select>
        </Field>
        <Field id="defaults-product" label={t('book.product')} error={errors.productId?.join(' ')}>
          <select id="defaults-product" value={value.productId} onChange={(e) => set({ productId: e.target.value })}>
                <ProductOptions products={products} />
          </select>
        </Field>
        <Field id="defaults-sender" label={t('book.sender')}>
          <select id="defaults-sender" value={value.senderId ?? ''} onChange={(e) => set({ senderId: e.target.value || null })}>
            <option value="">{t('batches.senderFromSettings')}</option>
            {senders.map((s) => (
              <option key={s.id} value={s.id}>
                {s.party.name}, {s.party.city}
              </option>
            ))}
          </select>
        </Field>
        <Field id="defaults-date" label={t('quote.shippingDate')} error={errors.shippingDate?.join(' ')}>
          <input id="defaults-date" type="date" value={value.shippingDate} onChange={(e) => set({ shippingDate: e.target.value })} />
        </Field>
      </div>
      <YourDeliveryRecord annotation={record[value.productId]} />
      <div className="row">
        {text('weightKg', t('rowField.weightKg'))}
        {text('lengthCm', t('rowField.lengthCm'))}
        {text('widthCm', t('rowField.widthCm'))}
        {text('heightCm', t('rowField.heightCm'))}
        {text('goodsDescription', t('rowField.goodsDescription'))}
      </div>
    </fieldset>
  )
}
