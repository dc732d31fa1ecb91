/**
 * How each additional service goes into a booking, as Bring's booking examples show it
 * (../shared/bring-api/booking-examples/vas, vendored in test/fixtures/bring/booking-examples):
 * not every service is an `additionalServices` entry, and some carry values the clerk must give.
 * The quote, the booking form, batches, the request builder and the simulator all read this table;
 * the catalogue (bring-catalogue.json) says which products take which service.
 */

/** Where a chosen service goes in the Booking API request. */
export type Placement =
  /** `product.additionalServices: [{ id, ...values }]` */
  | 'additionalService'
  /** An `additionalServices` entry, and `generateQrCodes: true` on the consignment (label free). */
  | 'additionalServiceWithQrCodes'
  /** `product.services.deliveryOption` (delivery attempts). */
  | 'deliveryOption'
  /** A `pickupPoint` party with the chosen pickup point's id (not an additional service). */
  | 'pickupPoint'
  /** `customerSpecifiedDeliveryDateTime` on the consignment (not an additional service). */
  | 'customerSpecifiedDelivery'

/** A value a service needs from the clerk: the booking form's field under `serviceDetails` that holds it. */
export type ServiceField =
  | 'deliveryIndoorMessage'
  | 'unattendedDeliveryMessage'
  | 'desktopDeliveryMessage'
  | 'notificationContact'
  | 'limitedQuantitiesGrossWeightG'
  | 'dangerousGoods'
  | 'deliveryDateTime'
  | 'itemCount'
  | 'installationDetails'
  | 'cashOnDelivery'
  | 'pickupPoint'

export interface BookingServiceRule {
  placement: Placement
  /** For placement deliveryOption: Bring's value. */
  deliveryOption?: 'ONE_DELIVERY_THEN_PIB' | 'TWO_DELIVERIES_THEN_PIB' | 'TWO_DELIVERIES_THEN_RETURN'
  /** The value the service carries, if any. */
  field?: ServiceField
  /** Bring refuses the booking without it (some only on some routes: see serviceValueProblems). */
  required?: boolean
}

const entry = (field?: ServiceField, required = false): BookingServiceRule => ({ placement: 'additionalService', ...(field ? { field, required } : {}) })

/**
 * Every service the app knows, by its Booking API id. A service Bring's catalogue offers but this
 * table does not know is never offered (a test walks the catalogue), so nothing reaches the form
 * that the request builder cannot send.
 */
export const bookingServices: Record<string, BookingServiceRule> = {
  // Values the clerk gives
  '0003': entry('limitedQuantitiesGrossWeightG'),
  '0039': entry('deliveryIndoorMessage', true),
  '0041': entry('unattendedDeliveryMessage', true),
  '1163': entry('desktopDeliveryMessage', true),
  '1000': entry('cashOnDelivery', true),
  '1095': entry('notificationContact', true),
  '1245': entry('dangerousGoods', true),
  '1123': entry('itemCount', true),
  '1124': entry('itemCount', true),
  '1125': entry('itemCount', true),
  '1127': entry('itemCount', true),
  '1128': entry('itemCount', true),
  '1139': entry('itemCount', true),
  '1141': entry('itemCount', true),
  '1380': entry('installationDetails', true),
  // Not additional services at all
  '1178': { placement: 'deliveryOption', deliveryOption: 'ONE_DELIVERY_THEN_PIB' },
  '1179': { placement: 'deliveryOption', deliveryOption: 'TWO_DELIVERIES_THEN_PIB' },
  '1283': { placement: 'deliveryOption', deliveryOption: 'TWO_DELIVERIES_THEN_RETURN' },
  SELECT_PICKUP_POINT: { placement: 'pickupPoint', field: 'pickupPoint', required: true },
  SELECT_PICKUP_POINT_NORDICS: { placement: 'pickupPoint', field: 'pickupPoint', required: true },
  DELIVERY_DATE: { placement: 'customerSpecifiedDelivery', field: 'deliveryDateTime', required: true },
  PREFERRED_DELIVERY_DAY: { placement: 'customerSpecifiedDelivery', field: 'deliveryDateTime', required: true },
  '1288': { placement: 'additionalServiceWithQrCodes' },
  // An entry with its id and nothing else
  ...Object.fromEntries(
    [
      '0015', '0068', '1062', '1073', '1081', '1082', '1083', '1094', '1122', '1133', '1134', '1140', '1142', '1149', '1171', '1229', '1280', '1334',
      '1342', '1362', '1371', '1377', '1378', '1385', '1395', '2000', '2012', '2082', '2086', '2141', '2142', '2221', 'EVARSLING', 'OX_EXPRESS'
    ].map((id) => [id, entry()])
  )
}

/** The rule for a service id, or null for one the app does not know how to book. */
export const bookingServiceRule = (id: string): BookingServiceRule | null => bookingServices[id] ?? null

/** The services that go in this place of a booking (e.g. the two "Optional pickup point" services). */
export const servicesPlacedAt = (placement: Placement): string[] => Object.entries(bookingServices).filter(([, r]) => r.placement === placement).map(([id]) => id)

/** The limit Bring documents for a message (Message For Recipient, BOOK_INPUT-061); the service messages use the same. */
export const SERVICE_MESSAGE_MAX = 400
/** Bring takes at most 10 dangerous goods entries in one booking (BOOK_VALIDATION-019). */
export const DANGEROUS_GOODS_MAX = 10

/**
 * Limited quantities by boat need the LQ gross weight (Bring's LQ guide): from anywhere but Finland
 * to FI, FO, GL, IS, AX; from Finland to SE, DK, NO, FO, GL, IS, AX.
 */
export function limitedQuantitiesByBoat(from: string, to: string): boolean {
  const islands = ['FO', 'GL', 'IS', 'AX']
  return from === 'FI' ? ['SE', 'DK', 'NO', ...islands].includes(to) : ['FI', ...islands].includes(to)
}
