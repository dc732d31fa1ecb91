import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeliveryAnnotation } from '@shared/domain/delivery-record'
import { call } from '../lib/ipc'
import { formatPercent } from '../lib/format'

/**
 * This shop's own record for services to a place (the last year of its tracked shipments), asked once
 * per set of services and place; `postalCode` undefined: to anywhere in the country (a batch's default),
 * '' : not known yet (nothing asked). Empty while asking, or when the history cannot be read: the
 * screen shows Bring's promise alone then.
 */
export function useDeliveryAnnotations(productIds: string[], postalCode: string | undefined, countryCode: string | undefined): Record<string, DeliveryAnnotation | null> {
  const [annotations, setAnnotations] = useState<Record<string, DeliveryAnnotation | null>>({})
  const ids = [...new Set(productIds)].sort().join(',')
  useEffect(() => {
    setAnnotations({})
    if (!ids || postalCode === '' || !countryCode || !/^[A-Z]{2}$/.test(countryCode)) return
    let current = true
    call('deliveryRecord:annotate', { productIds: ids.split(',').slice(0, 60), countryCode, ...(postalCode ? { postalCode } : {}) }).then(
      (a) => current && setAnnotations(a),
      () => undefined
    )
    return () => void (current = false)
  }, [ids, postalCode, countryCode])
  return annotations
}

/** "You: on time 94 %, usually 1 day · 212 shipments" — nothing where the history is too thin. */
export function YourDeliveryRecord({ annotation }: { annotation: DeliveryAnnotation | null | undefined }) {
  const { t, i18n } = useTranslation()
  if (!annotation) return null
  return (
    <div className="muted small" data-testid="your-record">
      {t('deliveryRecord.annotation', { rate: formatPercent(annotation.onTimeRate, i18n.language), days: t('deliveryRecord.days', { count: annotation.medianDays }), count: annotation.shipments })}
    </div>
  )
}
