import { create } from 'zustand'
import type { BookingFormValues } from '@shared/domain/booking'

interface BookState {
  /** Values to start the next booking form from ("Book again", a quote's "Book this"). */
  prefill: BookingFormValues | null
  setPrefill(values: BookingFormValues | null): void
}

export const useBookStore = create<BookState>((set) => ({
  prefill: null,
  setPrefill: (prefill) => set({ prefill })
}))
