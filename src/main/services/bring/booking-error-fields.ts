import type { ErrorCatalogue } from './booking'

/** Party suffixes Bring appends to suffixable codes, and the form section each one means. */
const suffixParty: Record<string, string> = {
  SENDER: 'sender',
  RECIPIENT: 'recipient',
  CONSIGNOR: 'sender',
  CONSIGNEE: 'recipient',
  RETURN: 'sender',
  RETURNADDRESS: 'sender',
  IMPORTER: 'importer',
  PICKUPPOINT: 'pickupPointId'
}

/** Field within a party for suffixable codes. */
const partyField: Record<string, string> = {
  '014': 'name',
  '015': 'addressLine',
  '016': 'city',
  '017': 'countryCode',
  '022': 'countryCode',
  '028': 'countryCode',
  '057': 'postalCode',
  '003': 'countryCode' // BOOK_VALIDATION-003: not a UPU member
}

/** Non-suffixable codes that still concern one field of the form. */
const plainField: Record<string, string> = {
  'BOOK-INPUT-002': 'packages.0.weightInKg',
  'BOOK-INPUT-006': 'sender.name',
  'BOOK-INPUT-007': 'recipient.name',
  'BOOK-INPUT-008': 'productId',
  'BOOK-INPUT-009': 'packages',
  'BOOK-INPUT-012': 'shippingDate',
  'BOOK-INPUT-013': 'packages.0.lengthInCm',
  'BOOK-INPUT-018': 'productId',
  'BOOK-INPUT-019': 'customerNumber',
  'BOOK-INPUT-020': 'productId',
  'BOOK-INPUT-021': 'customerNumber',
  'BOOK-INPUT-023': 'packages.0.weightInKg',
  'BOOK-INPUT-024': 'recipient.postalCode',
  'BOOK-INPUT-025': 'recipient.countryCode',
  'BOOK-INPUT-026': 'recipient.postalCode',
  'BOOK-INPUT-029': 'customerNumber',
  'BOOK-INPUT-045': 'pickupPointId',
  'BOOK-INPUT-065': 'incotermRule',
  'BOOK-INPUT-072': 'recipient.contact.phoneNumber',
  'BOOK-INPUT-083': 'returnProductId',
  'BOOK-INPUT-098': 'recipient.contact.phoneNumber',
  'BOOK-VALIDATION-032': 'recipient.addressLine',
  'BOOK-VALIDATION-033': 'customs',
  'BOOK_VALIDATION-040': 'pickupPointId',
  'BOOK-INPUT-037': 'cashOnDelivery.amount',
  'BOOK-INPUT-054': 'cashOnDelivery.amount',
  'BOOK-INPUT-080': 'additionalServices',
  'BOOK_VALIDATION-016': 'additionalServices',
  'BOOK_VALIDATION-018': 'additionalServices',
  'BOOK_VALIDATION-025': 'customs.iossNumber',
  'BOOK_VALIDATION-026': 'customs.iossNumber',
  'BOOK_VALIDATION-027': 'customs.iossNumber',
  'BOOK_VALIDATION-028': 'customs.iossNumber'
}

/** Splits "BOOK-INPUT-015-RECIPIENT" into base code and suffix using the catalogue's suffixable flags. */
export function splitCode(code: string, catalogue: ErrorCatalogue): { base: string; suffix?: string } {
  const known = new Map(catalogue.errorTypes.map((e) => [e.code, e]))
  if (known.has(code)) return { base: code }
  const dash = code.lastIndexOf('-')
  if (dash > 0) {
    const base = code.slice(0, dash)
    if (known.get(base)?.suffixable) return { base, suffix: code.slice(dash + 1) }
  }
  return { base: code }
}

/** The form field a Bring booking error concerns, or undefined when it is about the booking as a whole. */
export function fieldForBookingError(code: string, catalogue: ErrorCatalogue): string | undefined {
  const { base, suffix } = splitCode(code, catalogue)
  if (suffix) {
    const party = suffixParty[suffix.toUpperCase()]
    if (!party) return undefined
    if (party === 'pickupPointId') return party
    const field = partyField[base.slice(-3)]
    return field ? `${party}.${field}` : `${party}.name`
  }
  return plainField[base.replace('BOOK_INPUT', 'BOOK-INPUT')] ?? plainField[base]
}

/** Catalogue message for a code (base message when suffixed), for codes Bring sends without text. */
export function catalogueMessage(code: string, catalogue: ErrorCatalogue): string | undefined {
  const { base } = splitCode(code, catalogue)
  return catalogue.errorTypes.find((e) => e.code === base)?.message
}
