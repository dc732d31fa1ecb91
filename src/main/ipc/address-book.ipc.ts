import { AppError } from '@shared/ipc/app-error'
import { suggestRecipients } from '../services/address-book/recipient-suggestions'
import type { Handlers } from './invoke'

export const addressBookHandlers: Pick<
  Handlers,
  | 'addressBook:list'
  | 'addressBook:count'
  | 'addressBook:save'
  | 'addressBook:delete'
  | 'addressBook:import'
  | 'addressBook:addFromShipments'
  | 'addressBook:defaultSender'
  | 'recipients:suggest'
> = {
  'addressBook:list': async (filter, { addressBook }) => addressBook.list(filter),
  'addressBook:count': async (filter, { addressBook }) => addressBook.count(filter),
  'addressBook:save': async ({ id, entry }, { addressBook }) => (id ? addressBook.update(id, entry) : addressBook.create(entry)),
  'addressBook:delete': async ({ id }, { addressBook }) => ({ deleted: await addressBook.remove(id) }),
  'addressBook:import': async ({ entries }, { addressBook }) => addressBook.importMany(entries),
  /** "Save these recipients": each shipment's recipient, with the service and parcel it was sent with. */
  async 'addressBook:addFromShipments'({ ids }, { addressBook, shipmentsStore }) {
    const found = await Promise.all(ids.map((id) => shipmentsStore.get(id)))
    const entries = found.flatMap((s) =>
      s ? [{ kind: 'recipient' as const, party: s.form.recipient, preferred: { customerNumber: s.form.customerNumber, productId: s.form.productId, packages: s.form.packages }, isDefault: false }] : []
    )
    if (entries.length === 0) throw AppError.field('ids', 'None of these shipments exist any more.')
    return addressBook.importMany(entries)
  },
  'addressBook:defaultSender': async (_input, { addressBook }) => addressBook.defaultSender(),
  'recipients:suggest': async ({ query }, { addressBook, shipmentsStore }) => suggestRecipients(query, addressBook, shipmentsStore)
}
