/**
 * The simulator's price and lead-time table: plausible, not Bring's real tariffs. Prices depend on
 * product, chargeable weight (volumetric for revised services) and a distance band between postal
 * codes; lead times on product and band.
 */
export interface Tariff {
  name: string
  base: number
  perKg: number
  /** working days per distance band 0..4 (4 = abroad) */
  lead: [number, number, number, number, number]
  maxKg: number
  maxSideCm?: number
  domesticOnly?: boolean
  internationalOnly?: boolean
  window?: [number, number]
  volumetric?: boolean
  discontinued?: string
}

const parcel = (name: string, base: number, perKg: number, lead: Tariff['lead'], extra: Partial<Tariff> = {}): Tariff => ({ name, base, perKg, lead, maxKg: 35, volumetric: true, domesticOnly: true, ...extra })
const nordic = (name: string, base: number, perKg: number, extra: Partial<Tariff> = {}): Tariff => ({ name, base, perKg, lead: [2, 2, 3, 3, 4], maxKg: 35, ...extra })

export const tariffs: Record<string, Tariff> = {
  '5800': parcel('Pakke til hentested', 89, 6, [1, 2, 2, 3, 9]),
  '5600': parcel('Pakke levert hjem', 119, 7, [1, 2, 2, 3, 9], { window: [17, 21] }),
  '5000': parcel('Pakke til bedrift', 139, 8, [1, 1, 2, 3, 9], { window: [8, 16] }),
  '4850': parcel('Ekspress neste dag', 249, 10, [1, 1, 1, 2, 9], { window: [8, 16] }),
  '3584': parcel('Pakke i postkassen', 62, 0, [1, 2, 3, 3, 9], { maxKg: 5, maxSideCm: 45, volumetric: false }),
  '3570': parcel('Pakke i postkassen med RFID', 60, 0, [1, 2, 3, 3, 9], { maxKg: 5, maxSideCm: 45, volumetric: false }),
  '9000': parcel('Returservice bedriftspakke', 129, 8, [1, 1, 2, 3, 9]),
  '9300': parcel('Retur fra hentested', 95, 6, [1, 2, 2, 3, 9]),
  '9350': parcel('Retur til bedrift', 105, 6, [1, 2, 2, 3, 9]),
  '9600': parcel('Returservice ekspress', 239, 10, [1, 1, 1, 2, 9]),
  '9650': parcel('Retur pakke i postkassen', 60, 0, [2, 2, 3, 3, 9], { discontinued: 'Return mailbox parcel (9650) was decommissioned on 1 September 2025. Use 9350 or 9300.' }),
  '5100': { name: 'Stykkgods til bedrift', base: 450, perKg: 2.2, lead: [1, 2, 3, 4, 9], maxKg: 2500, domesticOnly: true, window: [8, 16], volumetric: true },
  '5400': { name: 'Partigods', base: 690, perKg: 1, lead: [1, 2, 2, 3, 9], maxKg: 5000, domesticOnly: true, window: [8, 16] },
  '5300': { name: 'Partifrakt', base: 2900, perKg: 0.6, lead: [1, 1, 2, 3, 9], maxKg: 20000, domesticOnly: true },
  PICKUP_PARCEL: nordic('PickUp Parcel', 99, 8),
  PICKUP_PARCEL_BULK: nordic('PickUp Parcel Bulk', 89, 7),
  HOME_DELIVERY_PARCEL: nordic('Home Delivery Parcel', 139, 9, { window: [17, 21] }),
  BUSINESS_PARCEL: nordic('Business Parcel', 149, 9),
  BUSINESS_PARCEL_BULK: nordic('Business Parcel Bulk', 129, 8),
  EXPRESS_NORDIC_0900: nordic('Express Nordic 09:00', 349, 14, { lead: [1, 1, 1, 1, 2], window: [7, 9] }),
  EXPRESS_NORDIC_0900_BULK: nordic('Express Nordic 09:00 Bulk', 329, 13, { discontinued: 'Express Nordic 09.00 Bulk (0334) is discontinued to all countries from 1 January 2026.' }),
  BUSINESS_PALLET: nordic('Business Pallet', 990, 1.2, { maxKg: 1000, lead: [2, 2, 3, 4, 5] }),
  BUSINESS_HALFPALLET: nordic('Business Pallet (1/2 pallet)', 690, 1.2, { maxKg: 500, lead: [2, 2, 3, 4, 5] }),
  BUSINESS_QUARTERPALLET: nordic('Business Pallet (1/4 pallet)', 490, 1.2, { maxKg: 250, lead: [2, 2, 3, 4, 5] }),
  '0345': nordic('Home Delivery Mailbox', 79, 0, { maxKg: 2, discontinued: 'Home Delivery Mailbox (0345) to/in Sweden is discontinued from 1 January 2026.' })
}

/** Rough region of a Norwegian postal code (south-east 0 → far north 7). */
function region(postalCode: string): number {
  const first = Number(postalCode[0])
  return [0, 0, 1, 1, 2, 3, 4, 5, 6, 7][first] ?? 0
}

/** 0 local … 3 far; 4 when either end is outside Norway. */
export function distanceBand(from: { country: string; postalCode: string }, to: { country: string; postalCode: string }): number {
  if (from.country !== 'NO' || to.country !== 'NO') return 4
  const d = Math.abs(region(from.postalCode) - region(to.postalCode))
  return d === 0 ? 0 : d <= 2 ? 1 : d <= 4 ? 2 : 3
}

const bandFactor = [1, 1.15, 1.3, 1.5, 1.9]

export interface SimPackage {
  grossWeightG: number
  lengthCm?: number
  widthCm?: number
  heightCm?: number
}

/** 280 kg per m³, Bring's usual volumetric factor for parcels. */
export function chargeableKg(p: SimPackage, volumetric: boolean): number {
  const actual = p.grossWeightG / 1000
  if (!volumetric || !p.lengthCm || !p.widthCm || !p.heightCm) return actual
  return Math.max(actual, (p.lengthCm * p.widthCm * p.heightCm * 280) / 1_000_000)
}

export function listPriceExVat(t: Tariff, packages: SimPackage[], band: number): number {
  const sum = packages.reduce((acc, p) => acc + t.base + t.perKg * chargeableKg(p, t.volumetric ?? false), 0)
  return Math.round(sum * bandFactor[band] * 100) / 100
}

/** Why this product cannot take these packages to this place, or null. */
export function productProblem(t: Tariff, packages: SimPackage[], band: number, toPostalCode: string, productId: string): { code: string; message: string } | null {
  if (t.discontinued) return { code: 'SERVICE_DISCONTINUED', message: t.discontinued }
  if (t.domesticOnly && band === 4) return { code: 'NOT_AVAILABLE_FOR_ROUTE', message: `${t.name} is only available within Norway.` }
  const heavy = packages.find((p) => p.grossWeightG / 1000 > t.maxKg)
  if (heavy) return { code: 'PACKAGE_TOO_HEAVY', message: `${t.name} takes packages up to ${t.maxKg} kg; one package weighs ${heavy.grossWeightG / 1000} kg.` }
  if (t.maxSideCm) {
    const big = packages.find((p) => [p.lengthCm, p.widthCm, p.heightCm].some((s) => (s ?? 0) > t.maxSideCm!))
    if (big) return { code: 'PACKAGE_TOO_LARGE', message: `${t.name} takes packages up to ${t.maxSideCm} cm on each side.` }
  }
  if (productId === '5600' && Number(toPostalCode) >= 9500) return { code: 'NOT_AVAILABLE_FOR_POSTAL_CODE', message: `Home delivery is not available for postal code ${toPostalCode}.` }
  return null
}
