import { describe, expect, it } from 'vitest'
import { localizePhrase } from '../../../src/shared/domain/phrases-nb'

describe("Bring's refusal on a Norwegian desk: translated where known, quoted otherwise, never mixed", () => {
  it('a known message is said in Norwegian; two known ones each; an unknown one in quotes as Bring wrote it', () => {
    expect(localizePhrase('Bring refused the booking: Invalid postal Code', 'nb')).toBe('Bring avviste bookingen: Ugyldig postnummer')
    expect(localizePhrase('Bring refused the booking: Delivery option is invalid. Invalid postal Code', 'nb')).toBe('Bring avviste bookingen: Leveringsvalget er ugyldig. Ugyldig postnummer')
    expect(localizePhrase('Bring refused the booking: Something Bring says rarely', 'nb')).toBe('Bring avviste bookingen: «Something Bring says rarely»')
    expect(localizePhrase('Bring refused the booking: Invalid postal Code', 'en')).toBe('Bring refused the booking: Invalid postal Code')
  })
})
