import { dedupeKey, type RecipientSuggestion } from '@shared/domain/address-book'
import type { AddressBookStore } from '../store/address-book'
import type { ShipmentsStore } from '../store/shipments'

const MAX_SUGGESTIONS = 8

/**
 * Recipients offered while typing a name, postal code or phone: the address book first, then the
 * recipients of recent shipments that are not in it (each once, with the service and parcel used
 * last time). Both come from the same newest-first indexes as the lists.
 */
export async function suggestRecipients(query: string, addressBook: Pick<AddressBookStore, 'list'>, shipments: Pick<ShipmentsStore, 'list' | 'get'>): Promise<RecipientSuggestion[]> {
  const q = query.trim()
  if (q.length < 2) return []
  const out: RecipientSuggestion[] = []
  const seen = new Set<string>()
  for (const e of (await addressBook.list({ query: q, kind: 'recipient', limit: MAX_SUGGESTIONS, offset: 0 })).items) {
    seen.add(dedupeKey(e.party))
    out.push({ source: 'addressBook', id: e.id, party: e.party, preferred: e.preferred })
  }
  if (out.length >= MAX_SUGGESTIONS) return out
  for (const s of (await shipments.list({ query: q, limit: 30, offset: 0 })).items) {
    if (out.length >= MAX_SUGGESTIONS) break
    if (s.status !== 'booked') continue
    const shipment = await shipments.get(s.id)
    if (!shipment) continue
    const key = dedupeKey(shipment.form.recipient)
    if (seen.has(key)) continue
    seen.add(key)
    const { form } = shipment
    out.push({ source: 'history', id: s.id, party: form.recipient, preferred: { customerNumber: form.customerNumber, productId: form.productId, packages: form.packages, ...(form.pickupPointId ? { pickupPoint: { id: form.pickupPointId, name: form.pickupPointName ?? form.pickupPointId } } : {}) } })
  }
  return out
}
