import { create } from 'zustand'
import type { Party, ShipmentDetail } from '@shared/domain/booking'
import type { BookingDraft } from '@shared/domain/drafts'
import type { RecipientSuggestion } from '@shared/domain/address-book'
import { call } from '../lib/ipc'
import { useNavStore, type Screen } from './useNavStore'

/**
 * "Book this", from wherever it starts (a quote row, a history entry; the address book, batches and
 * warehouse orders as they land). The sender says what it has; the Book feature decides how that
 * fills its form. No feature reaches into another feature's store.
 */
export type BookDraft =
  /** A quote's inputs and chosen service; kept by main too, so it survives a restart. */
  | { source: 'quote'; draft: BookingDraft }
  /** "Book again": everything from an earlier shipment. */
  | { source: 'shipment'; shipment: Pick<ShipmentDetail, 'form'> }
  /** A Bring Warehousing order's ship-to address. */
  | { source: 'warehouse'; party: Party; reference?: string }
  /** "Book to this recipient" from the address book: the party with its remembered service and parcel. */
  | { source: 'recipient'; suggestion: RecipientSuggestion; customerNumbers: string[]; defaultCustomerNumber?: string }

interface IntentsState {
  bookDraft: BookDraft | null
  /** Opens the Book screen with this draft. */
  bookThis(draft: BookDraft): void
  /** The Book screen takes the draft once; a later visit starts from the saved draft or empty. */
  takeBookDraft(): BookDraft | null
  /** A shipment to open on the Shipments screen (from a warehouse message's tracking number). */
  shipmentToOpen: string | null
  openShipment(id: string): void
  takeShipmentToOpen(): string | null
  /** A shipment's batch, to open on the Batches screen. */
  batchToOpen: string | null
  openBatch(id: string): void
  takeBatchToOpen(): string | null
}

export const useIntentsStore = create<IntentsState>((set, get) => {
  /** "Open this one there": remember the id, go to the screen; the screen takes it once. */
  const handOff = (key: 'shipmentToOpen' | 'batchToOpen', screen: Screen) => ({
    give(id: string) {
      set({ [key]: id })
      useNavStore.getState().go(screen)
    },
    take(): string | null {
      const id = get()[key]
      if (id) set({ [key]: null })
      return id
    }
  })
  const shipment = handOff('shipmentToOpen', 'shipments')
  const batch = handOff('batchToOpen', 'batches')
  return {
    bookDraft: null,
    bookThis(draft) {
      set({ bookDraft: draft })
      useNavStore.getState().go('book')
      // Main keeps a quote's draft so it survives a restart. The Book screen opens at once, not after the
      // disk (an fsync can take a third of a second, and keys typed meanwhile were lost); a draft that
      // could not be kept is a nuisance, not data loss — this window still has it.
      if (draft.source === 'quote') void call('drafts:bookingSet', draft.draft).catch(() => undefined)
    },
    takeBookDraft() {
      const draft = get().bookDraft
      if (draft) set({ bookDraft: null })
      return draft
    },
    shipmentToOpen: null,
    openShipment: shipment.give,
    takeShipmentToOpen: shipment.take,
    batchToOpen: null,
    openBatch: batch.give,
    takeBatchToOpen: batch.take
  }
})
