import type { SimApiModule } from '../types'
import { postalCodeCity } from './postal-codes'

/** Bring's Norwegian pickup point types: 37 is a parcel locker (Pakkeboks), the rest are manned. */
const kinds = [
  { type: '4', name: (c: string) => `Coop Extra ${c}`, street: 'Storgata', hours: ['Man - Fre: 0700-2300, Lør: 0800-2100', 'Mon - Fri: 0700-2300, Sat: 0800-2100'] },
  { type: '37', name: (c: string) => `Pakkeboks ${c} stasjon`, street: 'Stasjonsveien', hours: ['Alle dager: 0000-2400', 'Every day: 0000-2400'] },
  { type: '4', name: (c: string) => `Rema 1000 ${c} sentrum`, street: 'Kirkegata', hours: ['Man - Fre: 0700-2300, Lør: 0800-2200', 'Mon - Fri: 0700-2300, Sat: 0800-2200'] },
  { type: '21', name: (c: string) => `Posten ${c}`, street: 'Postgata', hours: ['Man - Fre: 0900-1700, Lør: 1000-1400', 'Mon - Fri: 0900-1700, Sat: 1000-1400'] },
  { type: '37', name: (c: string) => `Pakkeboks Kiwi ${c}`, street: 'Industriveien', hours: ['Alle dager: 0600-2400', 'Every day: 0600-2400'] },
  { type: '4', name: (c: string) => `Kiwi ${c} øst`, street: 'Østre gate', hours: ['Man - Lør: 0700-2300', 'Mon - Sat: 0700-2300'] },
  { type: '32', name: (c: string) => `Postpunkt ${c} senter`, street: 'Sentrumsveien', hours: ['Man - Fre: 1000-2000, Lør: 1000-1800', 'Mon - Fri: 1000-2000, Sat: 1000-1800'] },
  { type: '37', name: (c: string) => `Pakkeboks ${c} nord`, street: 'Nordre vei', hours: ['Alle dager: 0000-2400', 'Every day: 0000-2400'] },
  { type: '4', name: (c: string) => `Spar ${c}`, street: 'Bygata', hours: ['Man - Fre: 0800-2200, Lør: 0800-2000', 'Mon - Fri: 0800-2200, Sat: 0800-2000'] },
  { type: '19', name: (c: string) => `Posten pakkeutlevering ${c}`, street: 'Terminalveien', hours: ['Man - Fre: 0800-1800', 'Mon - Fri: 0800-1800'] },
  { type: '4', name: (c: string) => `Joker ${c}`, street: 'Skolegata', hours: ['Man - Lør: 0800-2100', 'Mon - Sat: 0800-2100'] },
  { type: '37', name: (c: string) => `Pakkeboks ${c} syd`, street: 'Søndre vei', hours: ['Alle dager: 0000-2400', 'Every day: 0000-2400'] }
]

/** Pakkeboks' largest compartment (Bring's example: 44.5 × 50.5 × 60 cm); some lockers are smaller. */
const lockerSizes = [{ length: 44.5, width: 50.5, height: 60 }, { length: 30, width: 40, height: 35 }]

/**
 * GET /pickuppoint/api/pickuppoint/{countryCode}/postalCode/{postalCode}.json: the pickup points nearest a
 * postal code (and street), nearest first, in the shape of Bring's examples, with lockers and their
 * max parcel dimensions. Deterministic per code, so a test can name the third nearest.
 */
export const pickupPointRoutes: SimApiModule = () => [
  {
    id: 'pickup-point.by-postal-code',
    api: 'pickupPoint',
    method: 'GET',
    path: '/pickuppoint/api/pickuppoint/:countryCode/postalCode/:file',
    handle: ({ params, url }) => {
      const country = params.countryCode.toUpperCase()
      const code = params.file.replace(/\.json$/, '').replace(/\s/g, '')
      if (!['NO', 'SE', 'DK', 'FI'].includes(country)) return { status: 400, body: { message: `Pickup points are not available for ${country}` } }
      const city = postalCodeCity(country, code)
      if (!city) return { status: 404, body: { message: `No pickup points found for postal code ${code}` } }
      const wanted = Math.min(Number(url.searchParams.get('numberOfResponses') ?? 10) || 10, kinds.length)
      // A street given moves the list a little (the nearest to a street differ from the nearest to the code's centre).
      const shift = url.searchParams.get('street') ? 0.2 : 0
      const points = kinds.slice(0, wanted).map((k, i) => {
        const id = `${code}${String(i + 1).padStart(2, '0')}`
        const locker = k.type === '37'
        return {
          id,
          unitId: id,
          name: k.name(city.charAt(0) + city.slice(1).toLowerCase()),
          address: `${k.street} ${i + 3}`,
          postalCode: code,
          city,
          countryCode: country,
          visitingAddress: `${k.street.toUpperCase()} ${i + 3}`,
          visitingPostalCode: code,
          visitingCity: city,
          openingHoursNorwegian: k.hours[0],
          openingHoursEnglish: k.hours[1],
          distanceInKm: (0.4 + i * 0.7 + shift).toFixed(1),
          distanceType: 'DRIVING_DISTANCE',
          type: k.type,
          ...(locker ? { maxParcelDimensions: lockerSizes[i % 2] } : {})
        }
      })
      return { status: 200, body: { pickupPoint: points } }
    }
  }
]
