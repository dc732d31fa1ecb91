import type { BookingFormValues, BookingPackage, Party, ShipmentDetail } from '@shared/domain/booking'
import type { BookingDraft } from '@shared/domain/drafts'
import { senderFromSettings, type DefaultSender } from '@shared/domain/settings'
import { osloDate as today } from '@shared/domain/oslo-calendar'
import { CASH_ON_DELIVERY, pickupPointServiceFor, serviceFitsProduct } from '@shared/catalogue/additional-services'
import { bookingServiceRule } from '@shared/catalogue/booking-services'
import type { BookDraft } from '../../state/useIntentsStore'
import type { RecipientSuggestion } from '@shared/domain/address-book'

export const emptyParty = { name: '', addressLine: '', addressLine2: '', postalCode: '', city: '', countryCode: 'NO', reference: '', contact: { name: '', email: '', phoneNumber: '' } }

export function emptyBooking(sender: DefaultSender, customerNumber = ''): BookingFormValues {
  return {
    clientRequestId: crypto.randomUUID(),
    customerNumber,
    productId: '',
    additionalServices: [],
    sender: senderFromSettings(sender),
    recipient: { ...emptyParty },
    pickupPointId: '',
    packages: [{ weightInKg: '', lengthInCm: '', widthInCm: '', heightInCm: '', goodsDescription: '' }],
    shippingDate: today(),
    shippingTime: '12:00',
    returnProductId: '',
    orderReference: ''
  }
}

/** A quote's inputs carried into the booking form: service, postal codes, packages, date. */
export function fromQuoteDraft(draft: BookingDraft, sender: DefaultSender): BookingFormValues {
  const base = emptyBooking(sender, draft.customerNumber)
  return {
    ...base,
    productId: draft.productId,
    sender: { ...base.sender, postalCode: base.sender.postalCode || draft.quote.fromPostalCode, countryCode: draft.quote.fromCountryCode },
    recipient: { ...base.recipient, postalCode: draft.quote.toPostalCode, countryCode: draft.quote.toCountryCode, addressLine: draft.quote.toAddressLine ?? '' },
    packages: draft.quote.packages.map((p) => ({ weightInKg: p.weightKg, lengthInCm: p.lengthCm ?? '', widthInCm: p.widthCm ?? '', heightInCm: p.heightCm ?? '', goodsDescription: '' })),
    shippingDate: draft.quote.shippingDate < today() ? today() : draft.quote.shippingDate,
    // The quote's services travel with the chosen product (same booking ids); so do the values they need.
    additionalServices: withPickupPointService(draft.productId, draft.quote.additionalServices.filter((code) => serviceFitsProduct(code, draft.productId)), draft.quote.pickupPointId),
    ...(draft.quote.pickupPointId ? { pickupPointId: draft.quote.pickupPointId } : {}),
    ...(draft.quote.cashOnDelivery && draft.quote.additionalServices.includes(CASH_ON_DELIVERY) ? { cashOnDelivery: draft.quote.cashOnDelivery } : {}),
    // Kept with the shipment so the spend report can set Bring's price next to what was quoted.
    ...(draft.quotedPrice ? { quotedPrice: draft.quotedPrice } : {})
  }
}

/** "Book again": everything from an earlier shipment, as a new booking for today. */
export function fromShipment(s: Pick<ShipmentDetail, 'form'>): BookingFormValues {
  // A new booking: the earlier quote's price belonged to that one.
  const { quotedPrice: _quoted, ...form } = s.form as BookingFormValues
  return { ...form, additionalServices: withPickupPointService(String(form.productId), form.additionalServices ?? [], typeof form.pickupPointId === 'string' ? form.pickupPointId : undefined), clientRequestId: crypto.randomUUID(), shippingDate: today() }
}

/**
 * A chosen pickup point is Bring's "Optional pickup point" service (its value): a quote or an earlier
 * shipment that names one brings the service along, so the id is shown and sent, not dropped.
 */
function withPickupPointService(productId: string, services: string[], pickupPointId: string | undefined): string[] {
  if (!pickupPointId || services.some((id) => bookingServiceRule(id)?.placement === 'pickupPoint')) return services
  const service = pickupPointServiceFor(productId)
  return service ? [...services, service] : services
}

/**
 * A pickup point chosen for the recipient (null: "Bring chooses") as the form holds it: the "Optional
 * pickup point" service the product takes, the point's id, and its name as the picker showed it.
 * The picker and a remembered recipient both set it this way.
 */
export function pickupPointValues(productId: string, services: string[], point: { id: string; name: string } | null): Pick<BookingFormValues, 'additionalServices' | 'pickupPointId' | 'pickupPointName'> {
  const others = services.filter((id) => bookingServiceRule(id)?.placement !== 'pickupPoint')
  const service = pickupPointServiceFor(productId)
  return point && service ? { additionalServices: [...others, service], pickupPointId: point.id, pickupPointName: point.name } : { additionalServices: others, pickupPointId: '', pickupPointName: '' }
}

/** How a "book this" draft fills the booking form. */
export function fromBookDraft(d: BookDraft, sender: DefaultSender): BookingFormValues {
  switch (d.source) {
    case 'quote':
      return fromQuoteDraft(d.draft, sender)
    case 'shipment':
      return fromShipment(d.shipment)
    case 'warehouse': {
      const base = emptyBooking(sender)
      return { ...base, recipient: formParty(d.party), orderReference: d.reference ?? '' }
    }
    case 'recipient': {
      const base = emptyBooking(sender, d.defaultCustomerNumber)
      return { ...base, ...recipientValues(base, d.suggestion, d.customerNumbers) }
    }
  }
}

/**
 * What a known recipient (address book, history) sets in a booking: the whole recipient and, where
 * remembered, the customer number (one this API user has), the service, the parcel and the pickup point.
 */
export function recipientValues(current: Pick<BookingFormValues, 'productId' | 'additionalServices'>, s: RecipientSuggestion, customerNumbers: string[]): Partial<BookingFormValues> {
  const out: Partial<BookingFormValues> = { recipient: formParty(s.party) }
  const known = Boolean(s.preferred.customerNumber && customerNumbers.includes(s.preferred.customerNumber))
  if (known) out.customerNumber = s.preferred.customerNumber!
  if (s.preferred.productId && (known || !current.productId)) out.productId = s.preferred.productId
  if (s.preferred.packages?.length) out.packages = formPackages(s.preferred.packages)
  const productNow = out.productId ?? current.productId
  if (s.preferred.pickupPoint && pickupPointServiceFor(productNow)) Object.assign(out, pickupPointValues(productNow, current.additionalServices ?? [], s.preferred.pickupPoint))
  return out
}

/** A checked party (address book, history) as the form's text fields. */
export function formParty(p: Party): BookingFormValues['recipient'] {
  return {
    ...emptyParty,
    name: p.name,
    addressLine: p.addressLine,
    addressLine2: p.addressLine2 ?? '',
    postalCode: p.postalCode,
    city: p.city,
    countryCode: p.countryCode,
    reference: p.reference ?? '',
    additionalAddressInfo: p.additionalAddressInfo ?? '',
    contact: { name: p.contact.name ?? '', email: p.contact.email ?? '', phoneNumber: p.contact.phoneNumber ?? '' }
  }
}

/** Remembered packages as the form's fields. */
export function formPackages(packages: BookingPackage[]): BookingFormValues['packages'] {
  return packages.map((p) => ({ weightInKg: p.weightInKg, lengthInCm: p.lengthInCm ?? '', widthInCm: p.widthInCm ?? '', heightInCm: p.heightInCm ?? '', goodsDescription: p.goodsDescription ?? '' }))
}

/** A sender profile from the address book in the shape of the Settings sender. */
export function senderFromParty(p: Party): DefaultSender {
  return { name: p.name, addressLine: p.addressLine, addressLine2: p.addressLine2, postalCode: p.postalCode, city: p.city, countryCode: p.countryCode, contactName: p.contact.name, phoneNumber: p.contact.phoneNumber, email: p.contact.email }
}
