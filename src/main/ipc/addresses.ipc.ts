import type { HandlersOf } from './invoke'

/** Addresses: a postal code's city (and municipality) as Bring knows it, cached on this desk; the pickup points near a recipient. */
export const addressesHandlers: HandlersOf<'addresses:postalCode' | 'addresses:pickupPoints', 'postalCodes' | 'pickupPoints'> = {
  'addresses:postalCode': async ({ countryCode, postalCode }, { postalCodes }) => postalCodes.lookup(countryCode, postalCode),
  'addresses:pickupPoints': async (query, { pickupPoints }) => pickupPoints.near(query)
}
