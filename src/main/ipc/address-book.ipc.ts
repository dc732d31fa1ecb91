import { AppError } from '@shared/ipc/app-error'
import { suggestRecipients } from '../services/address-book/recipient-suggestions'
import type { HandlersOf } from './invoke'

export const addressBookHandlers: HandlersOf<
  | 'addressBook:list'
  | 'addressBook:count'
  | 'addressBook:save'
  | 'addressBook:delete'
  | 'addressBook:import'
  | 'addressBook:addFromShipments'
  | 'addressBook:defaultSender'
  | 'recipients:suggest',
  'stores'
> = {
  'addressBook:list': async (filter, { stores }) => stores.addressBook.list(filter),
  'addressBook:count': async (filter, { stores }) => stores.addressBook.count(filter),
  'addressBook:save': async ({ id, entry }, { stores }) => (id ? stores.addressBook.update(id, entry) : stores.addressBook.create(entry)),
  'addressBook:delete': async ({ id }, { stores }) => ({ deleted: await stores.addressBook.remove(id) }),
  'addressBook:import': async ({ entries }, { stores }) => stores.addressBook.importMany(entries),
  /** "Save these recipients": each shipment's recipient, with the service and parcel it was sent with. */
  async 'addressBook:addFromShipments'({ ids }, { stores }) {
    const found = await Promise.all(ids.map((id) => stores.shipments.get(id)))
    const entries = found.flatMap((s) =>
      s ? [{ kind: 'recipient' as const, party: s.form.recipient, preferred: { customerNumber: s.form.customerNumber, productId: s.form.productId, packages: s.form.packages, ...(s.form.pickupPointId ? { pickupPoint: { id: s.form.pickupPointId, name: s.form.pickupPointName ?? s.form.pickupPointId } } : {}) }, isDefault: false }] : []
    )
    if (entries.length === 0) throw AppError.field('ids', 'None of these shipments exist any more.')
    return stores.addressBook.importMany(entries)
  },
  'addressBook:defaultSender': async (_input, { stores }) => stores.addressBook.defaultSender(),
  'recipients:suggest': async ({ query }, { stores }) => suggestRecipients(query, stores.addressBook, stores.shipments)
}
