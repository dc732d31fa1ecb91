import { AppError } from '@shared/ipc/app-error'
import type { BookingForm, Party } from '@shared/domain/booking'
import { completePostalCode } from '@shared/domain/addresses'
import type { PostalCodeService } from './postal-code-service'

/**
 * Services that deliver to the door (or a business address) cannot deliver to a post office box code;
 * pickup point and mailbox services can (the parcel waits at the post office).
 */
const doorDelivery = new Set([
  '5000', '5600', '4850', '9000', '9300', '9600', '5100', '5200', '5300', '5400',
  'BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK', 'HOME_DELIVERY_PARCEL', 'EXPRESS_NORDIC_0900', 'EXPRESS_NORDIC_0900_BULK',
  'BUSINESS_PALLET', 'BUSINESS_HALFPALLET', 'BUSINESS_QUARTERPALLET'
])

const sameCity = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ').toUpperCase() === b.trim().replace(/\s+/g, ' ').toUpperCase()

/** One party's address against Bring's register: the problems by form field (none when Bring could not be asked). */
export async function partyAddressProblems(postalCodes: PostalCodeService, party: Pick<Party, 'postalCode' | 'city' | 'countryCode'>, opts: { productId?: string } = {}): Promise<Record<'postalCode' | 'city', string> | Record<string, never>> {
  const code = completePostalCode(party.countryCode, party.postalCode)
  if (!code) return {}
  const answer = await postalCodes.lookup(party.countryCode, code)
  if (answer.status === 'unknown') return { postalCode: `Bring does not know the postal code ${code} in ${party.countryCode}` } as Record<'postalCode' | 'city', string>
  if (answer.status !== 'found') return {}
  const out: Partial<Record<'postalCode' | 'city', string>> = {}
  if (!sameCity(answer.city, party.city)) out.city = `Bring's city for ${code} is ${answer.city}`
  if (answer.type === 'POBOX' && opts.productId && doorDelivery.has(opts.productId)) out.postalCode = `${code} is a post office box: this service delivers to the door and cannot deliver there. Use the postal code of a street address, or a service to a pickup point`
  return out as Record<'postalCode' | 'city', string>
}

/**
 * Before a booking is saved or sent: both addresses against Bring's postal code register (from this
 * desk's cache, else one question to Bring). A code Bring does not know, a city that is not Bring's for
 * the code, or a post office box for a door-delivery service is refused with the field and the reason.
 * Offline, or a country Bring has no register for: nothing is refused.
 */
export function createAddressCheck(postalCodes: PostalCodeService) {
  return async (form: BookingForm): Promise<AppError | null> => {
    const fieldErrors: Record<string, string[]> = {}
    for (const prefix of ['recipient', 'sender'] as const) {
      const problems = await partyAddressProblems(postalCodes, form[prefix], { productId: prefix === 'recipient' ? form.productId : undefined })
      for (const [field, message] of Object.entries(problems)) fieldErrors[`${prefix}.${field}`] = [message]
    }
    const first = Object.values(fieldErrors)[0]?.[0]
    return first ? new AppError('INVALID_INPUT', first, { fieldErrors }) : null
  }
}
export type AddressCheck = ReturnType<typeof createAddressCheck>
