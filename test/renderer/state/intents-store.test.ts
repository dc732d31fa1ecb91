import { afterEach, describe, expect, it, vi } from 'vitest'

// Main is slow to answer (a disk busy with its fsync): the window must not wait for it to open the Book screen.
const pending = vi.hoisted(() => ({ calls: [] as { channel: string; input: unknown }[] }))
vi.mock('../../../src/renderer/src/lib/ipc', () => ({
  call: (channel: string, input: unknown) => {
    pending.calls.push({ channel, input })
    return new Promise(() => undefined)
  }
}))

const { storedQuoteInputSchema } = await import('../../../src/shared/domain/quote')
const { useIntentsStore } = await import('../../../src/renderer/src/state/useIntentsStore')
const { useNavStore } = await import('../../../src/renderer/src/state/useNavStore')

describe('"Book this" from a quote', () => {
  afterEach(() => void (pending.calls.length = 0))

  it('opens the Book screen with the draft at once, and asks main to keep the draft meanwhile', () => {
    const quote = storedQuoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: '2026-12-07', packages: [{ weightKg: 2.5 }], customerNumbers: ['5'] })
    const draft = { source: 'quote' as const, createdAt: '', customerNumber: '5', productId: '5800', productName: 'Pakke til hentested', quote }
    useIntentsStore.getState().bookThis({ source: 'quote', draft })
    expect(useNavStore.getState().screen).toBe('book')
    expect(useIntentsStore.getState().takeBookDraft()).toEqual({ source: 'quote', draft })
    expect(pending.calls).toEqual([{ channel: 'drafts:bookingSet', input: draft }])
  })

  it('"Book again" from Shipments opens the Book screen without asking main anything', () => {
    useNavStore.getState().go('shipments')
    useIntentsStore.getState().bookThis({ source: 'shipment', shipment: { form: {} as never } })
    expect(useNavStore.getState().screen).toBe('book')
    expect(pending.calls).toEqual([])
  })
})
