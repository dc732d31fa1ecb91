import type { BookingForm } from '@shared/domain/booking'
import { bookingServiceRule } from '@shared/catalogue/booking-services'

type Entry = { id: string } & Record<string, unknown>

/** Where the chosen additional services land in a Booking API request (see catalogue/booking-services.ts). */
export interface PlacedServices {
  additionalServices: Entry[]
  /** product.services.deliveryOption */
  deliveryOption?: string
  /** Consignment-level fields: generateQrCodes, customerSpecifiedDeliveryDateTime. */
  consignment: { generateQrCodes?: true; customerSpecifiedDeliveryDateTime?: string }
}

/**
 * Each chosen service where Bring's booking example puts it, with the values it carries. Services the
 * table does not know were refused by the form schema; they are left out here rather than sent.
 * A chosen pickup point is the `pickupPoint` party (built with the parties from form.pickupPointId).
 */
export function placeServices(form: BookingForm): PlacedServices {
  const out: PlacedServices = { additionalServices: [], consignment: {} }
  for (const id of form.additionalServices) {
    const rule = bookingServiceRule(id)
    if (!rule) continue
    switch (rule.placement) {
      case 'deliveryOption':
        out.deliveryOption = rule.deliveryOption
        break
      case 'customerSpecifiedDelivery':
        if (form.serviceDetails.deliveryDateTime) out.consignment.customerSpecifiedDeliveryDateTime = withSeconds(form.serviceDetails.deliveryDateTime)
        break
      case 'pickupPoint':
        break
      case 'additionalServiceWithQrCodes':
        out.consignment.generateQrCodes = true
        out.additionalServices.push({ id })
        break
      case 'additionalService':
        out.additionalServices.push(...entries(id, form))
    }
  }
  return out
}

/** The additionalServices entries of one service: most are one; dangerous goods and installation details one per line. */
function entries(id: string, form: BookingForm): Entry[] {
  const d = form.serviceDetails
  switch (bookingServiceRule(id)?.field) {
    case 'deliveryIndoorMessage':
      return [{ id, message: d.deliveryIndoorMessage }]
    case 'unattendedDeliveryMessage':
      return [{ id, message: d.unattendedDeliveryMessage }]
    case 'desktopDeliveryMessage':
      return [{ id, message: d.desktopDeliveryMessage }]
    case 'notificationContact':
      return [{ id, ...(d.notificationEmail ? { email: d.notificationEmail } : {}), ...(d.notificationMobile ? { mobile: d.notificationMobile.replace(/ /g, '') } : {}) }]
    case 'limitedQuantitiesGrossWeightG':
      return [{ id, ...(d.limitedQuantitiesGrossWeightG ? { limitedQuantitiesGrossWeight: String(d.limitedQuantitiesGrossWeightG) } : {}) }]
    case 'itemCount':
      return [{ id, numberOfItems: d.itemCount ?? 1 }]
    case 'installationDetails':
      return d.installationDetails.map((l) => ({ id, numberOfItems: l.numberOfItems, code: l.code }))
    case 'dangerousGoods':
      return d.dangerousGoods.map((l) => ({
        id,
        unNumber: l.unNumber,
        ...(l.containerId ? { containerId: l.containerId } : {}),
        weightInGrams: String(l.weightInGrams),
        commodity: l.commodity,
        packingGroup: l.packingGroup ?? '',
        dangerClass: l.dangerClass ?? '',
        safetyMarkCode: l.safetyMarkCode ?? '',
        tunnelRestrictionCode: l.tunnelRestrictionCode ?? ''
      }))
    case 'cashOnDelivery': {
      const cod = form.cashOnDelivery
      if (!cod) return [{ id }]
      return [
        {
          id,
          accountNumber: cod.accountNumber,
          accountType: cod.accountType ?? null,
          amount: cod.amount,
          currencyCode: cod.currencyCode,
          ...(cod.kid ? { codMessage: { value: cod.kid, type: 'kid' } } : {})
        }
      ]
    }
    default:
      return [{ id }]
  }
}

/** A datetime-local value (minutes) as Bring's examples write it, with seconds and no zone. */
const withSeconds = (v: string): string => (v.length === 16 ? `${v}:00` : v)
