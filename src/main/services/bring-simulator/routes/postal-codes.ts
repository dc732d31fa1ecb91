import type { SimApiModule } from '../types'

type Entry = [code: string, city: string, municipality: string, county: string, type?: 'POBOX' | 'SPECIALCUSTOMER']

/**
 * A register of Nordic postal codes for the Sandbox (a sample: the real register has thousands).
 * Norway's include post office box codes, which some services cannot deliver to.
 */
const register: Record<string, Entry[]> = {
  NO: [
    ['0001', 'OSLO', 'OSLO', 'OSLO', 'POBOX'],
    ['0101', 'OSLO', 'OSLO', 'OSLO', 'POBOX'],
    ['0150', 'OSLO', 'OSLO', 'OSLO'],
    ['0151', 'OSLO', 'OSLO', 'OSLO'],
    ['0152', 'OSLO', 'OSLO', 'OSLO'],
    ['0250', 'OSLO', 'OSLO', 'OSLO'],
    ['0255', 'OSLO', 'OSLO', 'OSLO'],
    ['0354', 'OSLO', 'OSLO', 'OSLO'],
    ['0484', 'OSLO', 'OSLO', 'OSLO'],
    ['0557', 'OSLO', 'OSLO', 'OSLO'],
    ['0661', 'OSLO', 'OSLO', 'OSLO'],
    ['1337', 'SANDVIKA', 'BÆRUM', 'AKERSHUS'],
    ['1366', 'LYSAKER', 'BÆRUM', 'AKERSHUS'],
    ['1405', 'LANGHUS', 'NORDRE FOLLO', 'AKERSHUS'],
    ['1530', 'MOSS', 'MOSS', 'ØSTFOLD'],
    ['1606', 'FREDRIKSTAD', 'FREDRIKSTAD', 'ØSTFOLD'],
    ['2000', 'LILLESTRØM', 'LILLESTRØM', 'AKERSHUS'],
    ['2317', 'HAMAR', 'HAMAR', 'INNLANDET'],
    ['2609', 'LILLEHAMMER', 'LILLEHAMMER', 'INNLANDET'],
    ['3015', 'DRAMMEN', 'DRAMMEN', 'BUSKERUD'],
    ['3110', 'TØNSBERG', 'TØNSBERG', 'VESTFOLD'],
    ['3717', 'SKIEN', 'SKIEN', 'TELEMARK'],
    ['4006', 'STAVANGER', 'STAVANGER', 'ROGALAND'],
    ['4307', 'SANDNES', 'SANDNES', 'ROGALAND'],
    ['4610', 'KRISTIANSAND S', 'KRISTIANSAND', 'AGDER'],
    ['4836', 'ARENDAL', 'ARENDAL', 'AGDER'],
    ['5003', 'BERGEN', 'BERGEN', 'VESTLAND'],
    ['5006', 'BERGEN', 'BERGEN', 'VESTLAND'],
    ['5020', 'BERGEN', 'BERGEN', 'VESTLAND'],
    ['5804', 'BERGEN', 'BERGEN', 'VESTLAND', 'POBOX'],
    ['5501', 'HAUGESUND', 'HAUGESUND', 'ROGALAND'],
    ['6002', 'ÅLESUND', 'ÅLESUND', 'MØRE OG ROMSDAL'],
    ['6413', 'MOLDE', 'MOLDE', 'MØRE OG ROMSDAL'],
    ['6800', 'FØRDE', 'SUNNFJORD', 'VESTLAND'],
    ['7010', 'TRONDHEIM', 'TRONDHEIM', 'TRØNDELAG'],
    ['7030', 'TRONDHEIM', 'TRONDHEIM', 'TRØNDELAG'],
    ['7500', 'STJØRDAL', 'STJØRDAL', 'TRØNDELAG'],
    ['8006', 'BODØ', 'BODØ', 'NORDLAND'],
    ['8300', 'SVOLVÆR', 'VÅGAN', 'NORDLAND'],
    ['9008', 'TROMSØ', 'TROMSØ', 'TROMS'],
    ['9600', 'HAMMERFEST', 'HAMMERFEST', 'FINNMARK'],
    ['9170', 'LONGYEARBYEN', 'SVALBARD', 'SVALBARD']
  ],
  SE: [
    ['11455', 'STOCKHOLM', 'STOCKHOLM', 'STOCKHOLMS LÄN'],
    ['11120', 'STOCKHOLM', 'STOCKHOLM', 'STOCKHOLMS LÄN'],
    ['11147', 'STOCKHOLM', 'STOCKHOLM', 'STOCKHOLMS LÄN'],
    ['41101', 'GÖTEBORG', 'GÖTEBORG', 'VÄSTRA GÖTALANDS LÄN'],
    ['41103', 'GÖTEBORG', 'GÖTEBORG', 'VÄSTRA GÖTALANDS LÄN'],
    ['21120', 'MALMÖ', 'MALMÖ', 'SKÅNE LÄN'],
    ['75320', 'UPPSALA', 'UPPSALA', 'UPPSALA LÄN']
  ],
  DK: [
    ['1050', 'KØBENHAVN K', 'KØBENHAVN', 'REGION HOVEDSTADEN'],
    ['8000', 'AARHUS C', 'AARHUS', 'REGION MIDTJYLLAND'],
    ['5000', 'ODENSE C', 'ODENSE', 'REGION SYDDANMARK']
  ],
  DE: [['10115', 'BERLIN', 'BERLIN', 'BERLIN']],
  FI: [
    ['00100', 'HELSINKI', 'HELSINKI', 'UUSIMAA'],
    ['33100', 'TAMPERE', 'TAMPERE', 'PIRKANMAA'],
    ['20100', 'TURKU', 'TURKU', 'VARSINAIS-SUOMI']
  ]
}

/** The register's city for a code (the pickup point route places its points there). */
export function postalCodeCity(country: string, code: string): string | null {
  return (register[country] ?? []).find(([c]) => c === code)?.[1] ?? null
}

/** Codes that are not in use anywhere: Bring does not know them. */
const unallocated = new Set(['0000', '9999', '00000', '99999'])

/** Countries Bring's Postal Code API covers (others: no value, the clerk types the city). */
const covered = new Set(['NO', 'DK', 'SE', 'FI', 'NL', 'DE', 'US', 'BE', 'FO', 'GL', 'IS', 'SJ'])

/** GET /address/api/{countryCode}/postal-codes/{postalCode}: the code's city, municipality, county and (NO/DK/FI) type. */
export const postalCodeRoutes: SimApiModule = () => [
  {
    id: 'postal-code.lookup',
    api: 'postalCode',
    method: 'GET',
    path: '/address/api/:countryCode/postal-codes/:postalCode',
    handle: ({ params }) => {
      const country = params.countryCode.toUpperCase()
      const code = params.postalCode.replace(/\s/g, '')
      if (!covered.has(country)) return { status: 200, body: { postal_codes: [] } }
      if (!/^[0-9A-Za-z]{3,10}$/.test(code)) return { status: 400, body: { validation_errors: [{ code: 'INVALID_POSTAL_CODE', description: `Invalid postal code ${params.postalCode}` }] } }
      const found = (register[country] ?? []).filter(([c]) => c === code)
      // The register is a sample: a well-formed code it does not list is answered without a city, so the
      // app neither fills nor refuses it (only codes no country allocates, like 0000 and 9999, are unknown).
      if (found.length === 0 && !unallocated.has(code) && /^\d{4,5}$/.test(code)) return { status: 200, body: { postal_codes: [{ postal_code: code, city: '', postal_code_type: 'PLACEHOLDER' }] } }
      return {
        status: 200,
        body: {
          postal_codes: found.map(([postalCode, city, municipality, county, type]) => ({
            postal_code: postalCode,
            city,
            municipality,
            county,
            ...(['NO', 'DK', 'FI'].includes(country) ? { postal_code_type: type ?? 'NORMAL' } : {})
          }))
        }
      }
    }
  }
]
