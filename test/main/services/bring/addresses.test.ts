// Bring's Postal Code and Pickup Point answers (the examples in ../shared/bring-api/postal-code and
// pickup-point, vendored in test/fixtures/bring) read by the app's clients.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createBringHttp } from '../../../../src/main/services/bring/bring-http'
import { lookupPostalCode } from '../../../../src/main/services/bring/postal-codes'
import { nearestPickupPoints } from '../../../../src/main/services/bring/pickup-points'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { createInProcessFetch } from '../../../../src/main/services/bring-simulator/in-process-fetch'
import { sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { lockerMisfit } from '../../../../src/shared/domain/addresses'
import { captureLogger } from '../../../helpers/log-capture'

const fixtures = path.resolve(__dirname, '../../../fixtures/bring')
const answering = (body: unknown) =>
  createBringHttp({ fetch: async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger: captureLogger().logger })
const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

describe("Bring's address answers", () => {
  it('the postal code example (the interface published until 2021) and the current shape both give the city and type', async () => {
    expect(await lookupPostalCode(answering(read(path.join(fixtures, 'postal-code/response.json'))), 'NO', '1337')).toEqual({ city: 'SANDVIKA', municipality: null, county: null, type: 'NORMAL' })
    const current = { postal_codes: [{ postal_code: '1337', city: 'SANDVIKA', municipality: 'BÆRUM', county: 'AKERSHUS', postal_code_type: 'NORMAL' }] }
    expect(await lookupPostalCode(answering(current), 'NO', '1337')).toEqual({ city: 'SANDVIKA', municipality: 'BÆRUM', county: 'AKERSHUS', type: 'NORMAL' })
    expect(await lookupPostalCode(answering({ postal_codes: [] }), 'NO', '9999')).toBeNull()
  })

  const examples = readdirSync(path.join(fixtures, 'pickup-point')).filter((f) => f.endsWith('.json'))
  it.each(examples)('pickup point example %s parses: names, visiting addresses, opening hours, distances', async (file) => {
    const body = read(path.join(fixtures, 'pickup-point', file)) as { pickupPoint: unknown[] }
    const points = await nearestPickupPoints(answering(body), { countryCode: 'NO', postalCode: '1407' })
    expect(points).toHaveLength(body.pickupPoint.length)
    for (const p of points) {
      expect(p.name.length).toBeGreaterThan(0)
      expect(p.visitingCity.length).toBeGreaterThan(0)
      expect(p.kind).toBe('manned') // Bring's examples hold no parcel lockers
    }
  })

  it('in Bring’s order (by driving time), with distances as numbers, from the by-postal-code example', async () => {
    const points = await nearestPickupPoints(answering(read(path.join(fixtures, 'pickup-point/by_postal_code.json'))), { countryCode: 'NO', postalCode: '1407' })
    expect(points[0]).toMatchObject({ id: '121524', name: 'Coop Obs! Hypermarked Vinterbro', visitingAddress: 'SJØSKOGENVEIEN 7', distanceKm: 1.3, openingHours: { nb: 'Man - Fre: 0800-2200, Lør: 0800-2000', en: 'Mon - Fri: 0800-2200, Sat: 0800-2000' } })
    expect(points.every((p) => typeof p.distanceKm === 'number')).toBe(true)
  })

  it('street and number go with the lookup (the Sandbox answers nearer the street); lockers carry their size', async () => {
    const sim = createSimulator()
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger: captureLogger().logger })
    const byCode = await nearestPickupPoints(http, { countryCode: 'NO', postalCode: '5003' })
    const byStreet = await nearestPickupPoints(http, { countryCode: 'NO', postalCode: '5003', street: 'Bryggen', streetNumber: '1' })
    expect([byCode[0].distanceKm, byStreet[0].distanceKm]).toEqual([0.4, 0.6])
    expect(byCode.find((p) => p.kind === 'locker')?.maxParcelDimensions).toEqual({ length: 30, width: 40, height: 35 })
    expect(await nearestPickupPoints(http, { countryCode: 'NO', postalCode: '9999' })).toEqual([])
  })

  it('a parcel fits a locker if it fits turned any way; too big on any side does not', () => {
    const locker = { length: 44.5, width: 50.5, height: 60 }
    expect(lockerMisfit(locker, [{ lengthInCm: 60, widthInCm: 44, heightInCm: 50 }])).toBeNull()
    expect(lockerMisfit(locker, [{ lengthInCm: 20, widthInCm: 20, heightInCm: 20 }, { lengthInCm: 61, widthInCm: 10, heightInCm: 10 }])).toEqual({ package: 2, sides: [61, 10, 10], max: [60, 50.5, 44.5] })
    expect(lockerMisfit(null, [{ lengthInCm: 200, widthInCm: 200, heightInCm: 200 }])).toBeNull()
  })
})
