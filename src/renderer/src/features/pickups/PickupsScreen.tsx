import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomersStore } from '../../state/useCustomersStore'
import { useSettingsStore } from '../../state/useSettingsStore'
import { PickupOrderForm } from './PickupOrderForm'
import { PickupList } from './PickupList'
import { usePickupsStore } from './usePickupsStore'

export function PickupsScreen() {
  const { t } = useTranslation()
  const settings = useSettingsStore((s) => s.settings)
  const customers = useCustomersStore((s) => s.list?.customers)
  const loadCustomers = useCustomersStore((s) => s.load)
  const { pickups, error, load } = usePickupsStore()

  useEffect(() => {
    if (!customers) void loadCustomers()
    void load()
  }, [customers, loadCustomers, load])

  return (
    <section className="screen pickups" data-testid="screen-pickups">
      <h1>{t('nav.pickups')}</h1>
      {error && <div className="alert alert-error" role="alert">{error}</div>}
      <div className="two-col">
        {customers && settings && <PickupOrderForm customers={customers} sender={settings.defaultSender} live={settings.mode === 'live'} />}
        <PickupList pickups={pickups} />
      </div>
    </section>
  )
}
