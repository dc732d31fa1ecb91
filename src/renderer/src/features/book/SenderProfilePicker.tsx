import { useEffect, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { AddressEntry } from '@shared/domain/address-book'
import type { BookingFormValues } from '@shared/domain/booking'
import { call } from '../../lib/ipc'
import { formParty } from './form-values'

/** Switch the sender to another profile (shop, warehouse…); shown only when the address book has some. */
export function SenderProfilePicker() {
  const { t } = useTranslation()
  const { setValue } = useFormContext<BookingFormValues>()
  const [profiles, setProfiles] = useState<AddressEntry[]>([])
  useEffect(() => {
    void call('addressBook:list', { kind: 'sender', query: '', limit: 50, offset: 0 }).then((r) => setProfiles(r.items), () => setProfiles([]))
  }, [])
  if (profiles.length === 0) return null
  return (
    <div className="field">
      <label htmlFor="sender-profile">{t('book.senderProfile')}</label>
      <select
        id="sender-profile"
        defaultValue=""
        onChange={(e) => {
          const p = profiles.find((x) => x.id === e.target.value)
          if (p) setValue('sender', { ...formParty(p.party), additionalAddressInfo: undefined }, { shouldDirty: true })
        }}
      >
        <option value="">{t('book.chooseSenderProfile')}</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.party.name}, {p.party.addressLine}, {p.party.city}
          </option>
        ))}
      </select>
    </div>
  )
}
