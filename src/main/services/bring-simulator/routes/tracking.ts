import type { SimApiModule, SimConsignment, SimReply } from '../types'

/**
 * Tracking API v2: every consignment the simulator booked plays a journey on the simulator's clock —
 * pre-notified, handed in, terminal, in transit, then out for delivery and delivered (or ready for
 * pickup at a pickup point for pickup parcels). A share chosen by the consignment number meets a
 * deviation, an attempted delivery (then the pickup point) or a return to the sender. Numbers it never
 * booked get Bring's 404 shape inside consignmentSet; descriptions follow `lang`.
 */
const HOUR = 3_600_000
const pickupProducts = new Set(['5800', '0340', '0342', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK'])

type Step = { afterH: number; status: string; en: string; no: string }

function journey(cn: string, c: SimConsignment): Step[] {
  const scripted = { normal: 50, deviation: 20, attempted: 10, return: 2 } as const
  const roll = c.journey ? scripted[c.journey] : [...cn].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) % 1000, 7) % 100
  const delay = roll >= 15 && roll < 25 ? 24 : 0
  // Handed in on the shipping date; out for delivery a day per working day promised (calendar days: a
  // weekend on the way makes it early, never late).
  const ships = c.shipsAfterDays * 24
  const steps: Step[] = [
    { afterH: 0, status: 'PRE_NOTIFIED', en: 'Bring has received a message from the sender that a package is on its way.', no: 'Bring har mottatt melding fra avsender om at en pakke er på vei.' },
    { afterH: ships + 2, status: 'HANDED_IN', en: 'The package has been handed in to Bring.', no: 'Pakken er levert til Bring.' },
    { afterH: ships + 6, status: 'TERMINAL', en: 'The package has arrived at the terminal.', no: 'Pakken er ankommet terminalen.' },
    { afterH: ships + 10, status: 'IN_TRANSIT', en: 'The package is in transit.', no: 'Pakken er under transport.' }
  ]
  if (delay) steps.push({ afterH: ships + 12, status: 'DEVIATION', en: 'The package is delayed.', no: 'Pakken er forsinket.' })
  const at = (h: number): number => ships + (c.leadDays - 1) * 24 + h + delay
  if (pickupProducts.has(c.productId)) {
    steps.push({ afterH: at(24), status: 'READY_FOR_PICKUP', en: 'The package can be collected at the pickup point.', no: 'Pakken kan hentes på hentestedet.' })
    if (roll < 5) {
      steps.push({ afterH: at(24 * 9), status: 'RETURN', en: 'The package was not collected and is on its way back to the sender.', no: 'Pakken ble ikke hentet og er på vei tilbake til avsender.' })
      steps.push({ afterH: at(24 * 11), status: 'DELIVERED_SENDER', en: 'The package has been returned to the sender.', no: 'Pakken er levert tilbake til avsender.' })
    } else steps.push({ afterH: at(30), status: 'DELIVERED', en: 'The package has been collected.', no: 'Pakken er hentet.' })
    return steps
  }
  steps.push({ afterH: at(24), status: 'TRANSPORT_TO_RECIPIENT', en: 'The package has been loaded for delivery.', no: 'Pakken er lastet for utkjøring.' })
  if (roll >= 5 && roll < 15) {
    steps.push({ afterH: at(27), status: 'ATTEMPTED_DELIVERY', en: 'Delivery was attempted; the recipient was not at home.', no: 'Levering ble forsøkt; mottaker var ikke hjemme.' })
    steps.push({ afterH: at(30), status: 'READY_FOR_PICKUP', en: 'The package can be collected at the pickup point.', no: 'Pakken kan hentes på hentestedet.' })
  } else steps.push({ afterH: at(28), status: 'DELIVERED', en: 'The package has been delivered.', no: 'Pakken er levert.' })
  return steps
}

const notFound = (): SimReply => ({ status: 200, body: { apiVersion: '2', consignmentSet: [{ error: { code: 404, message: 'No shipments found' } }] } })

export const trackingRoutes: SimApiModule = ({ state }) => [
  {
    id: 'tracking.track',
    api: 'tracking',
    method: 'GET',
    path: '/tracking/api/v2/tracking.json',
    // Open to anyone, like Bring's; authenticated requests also get prices.
    public: true,
    handle: ({ url, headers, now }): SimReply => {
      const q = (url.searchParams.get('q') ?? '').trim()
      if (!q) return { status: 200, body: { apiVersion: '2', consignmentSet: [{ error: { code: 400, message: 'Invalid query' } }] } }
      const c = state.consignments.get(q)
      if (!c) return notFound()
      const lang = url.searchParams.get('lang') === 'no' ? 'no' : 'en'
      const elapsedH = (now.getTime() - c.bookedAt.getTime()) / HOUR
      const events = journey(q, c)
        .filter((s) => s.afterH <= elapsedH)
        .reverse()
        .map((s) => ({
          description: s[lang],
          status: s.status,
          dateIso: new Date(c.bookedAt.getTime() + s.afterH * HOUR).toISOString(),
          city: s.status === 'DELIVERED' || s.status === 'TRANSPORT_TO_RECIPIENT' ? c.recipient.city : 'OSLO',
          postalCode: s.status === 'DELIVERED' ? c.recipient.postalCode : '0024',
          countryCode: 'NO',
          recipientSignature: { name: s.status === 'DELIVERED' ? 'K. MOTTAKER' : '' }
        }))
      const authenticated = Boolean(headers.get('x-mybring-api-key'))
      // Prices as Bring's multi-package answers carry them: the consignment's price on the consignment
      // (totalContractPrice, with the number of packages it covers) and on each package alike.
      const price = authenticated && c.priceExVat !== undefined ? (Math.round(c.priceExVat * 100) / 100).toFixed(2) : null
      return {
        status: 200,
        body: {
          apiVersion: '2',
          consignmentSet: [
            {
              consignmentId: q,
              packageSet: c.packageNumbers.map((n) => ({
                packageNumber: n,
                productCode: c.productId,
                eventSet: events,
                pickupCode: events[0]?.status === 'READY_FOR_PICKUP' ? `P${q.slice(-3)}` : null,
                expectedPickupUnitName: pickupProducts.has(c.productId) ? 'Coop Extra Bryggen' : null,
                contractPrice: price ?? '',
                listPrice: '',
                currencyCode: price !== null ? 'NOK' : ''
              })),
              totalListPrice: '',
              totalContractPrice: price ?? '',
              listPricePackageCount: '',
              contractPricePackageCount: price !== null ? String(c.packageNumbers.length) : '',
              currencyCode: price !== null ? 'NOK' : ''
            }
          ]
        }
      }
    }
  }
]
