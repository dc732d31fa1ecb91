import type { HandlersOf } from './invoke'

/** Addresses: a postal code's city (and municipality) as Bring knows it, cached on this desk. */
export const addressesHandlers: HandlersOf<'addresses:postalCode', 'postalCodes'> = {
  'addresses:postalCode': async ({ countryCode, postalCode }, { postalCodes }) => postalCodes.lookup(countryCode, postalCode)
}
