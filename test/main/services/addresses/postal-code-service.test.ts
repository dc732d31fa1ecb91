import { describe, expect, it } from 'vitest'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { createInProcessFetch } from '../../../../src/main/services/bring-simulator/in-process-fetch'
import { sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { createBringHttp } from '../../../../src/main/services/bring/bring-http'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { sqlitePostalCodeCache } from '../../../../src/main/services/store/sqlite/postal-codes-repo'
import { createPostalCodeService, POSTAL_CODE_MAX_AGE_MS } from '../../../../src/main/services/addresses/postal-code-service'
import { captureLogger } from '../../../helpers/log-capture'
import { useTempDir } from '../../../helpers/temp-dir'

describe('postal code → city', () => {
  const tempDir = useTempDir()

  async function setup(mode: 'sandbox' | 'live' = 'sandbox') {
    const sim = createSimulator()
    const logger = captureLogger().logger
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger, timeoutMs: 1000 })
    let t = Date.parse('2026-12-07T10:00:00Z')
    const db = openDatabase(await tempDir())
    const service = createPostalCodeService({ cache: sqlitePostalCodeCache(db), http: () => http, mode: () => mode, logger, now: () => new Date(t) })
    const asked = () => sim.requests.filter((r) => r.routeId === 'postal-code.lookup').length
    return { sim, service, asked, advance: (ms: number) => (t += ms), db }
  }

  it('a complete code is asked at Bring once, with its city, municipality, county and type; later lookups come from the cache', async () => {
    const { service, asked } = await setup()
    expect(await service.lookup('NO', '1337')).toMatchObject({ status: 'found', city: 'SANDVIKA', municipality: 'BÆRUM', county: 'AKERSHUS', type: 'NORMAL' })
    expect(await service.lookup('no', '1337')).toMatchObject({ status: 'found', city: 'SANDVIKA' })
    expect(asked()).toBe(1)
    // A P.O. box code says so (some services cannot deliver there); Sweden's code may be typed with its space.
    expect(await service.lookup('NO', '0001')).toMatchObject({ status: 'found', type: 'POBOX' })
    expect(await service.lookup('SE', '114 55')).toMatchObject({ status: 'found', city: 'STOCKHOLM', type: null })
  })

  it('the same code asked twice at once is one request', async () => {
    const { service, asked } = await setup()
    const [a, b] = await Promise.all([service.lookup('NO', '5003'), service.lookup('NO', '5003')])
    expect([a.status, b.status]).toEqual(['found', 'found'])
    expect(asked()).toBe(1)
  })

  it('offline: a code seen before still answers (even when older than 30 days); one never seen is "unavailable", not unknown', async () => {
    const { service, sim, asked, advance } = await setup()
    await service.lookup('NO', '7010')
    sim.faults.add({ routeId: 'postal-code.lookup', fault: { kind: 'reset' } })
    advance(POSTAL_CODE_MAX_AGE_MS + 1)
    expect(await service.lookup('NO', '7010')).toMatchObject({ status: 'found', city: 'TRONDHEIM' })
    expect(await service.lookup('NO', '4006')).toEqual({ status: 'unavailable' })
    expect(asked()).toBeGreaterThan(1)
  })

  it('an answer older than 30 days is asked again; a younger one is not', async () => {
    const { service, asked, advance } = await setup()
    await service.lookup('NO', '9008')
    advance(POSTAL_CODE_MAX_AGE_MS - 60_000)
    await service.lookup('NO', '9008')
    expect(asked()).toBe(1)
    advance(120_000)
    await service.lookup('NO', '9008')
    expect(asked()).toBe(2)
  })

  it('unknown and unsupported: a code Bring does not know (remembered too), a country Bring has no codes for, an incomplete code', async () => {
    const { service, asked } = await setup()
    expect(await service.lookup('NO', '9999')).toEqual({ status: 'unknown' })
    expect(await service.lookup('NO', '9999')).toEqual({ status: 'unknown' })
    expect(asked()).toBe(1)
    expect(await service.lookup('GB', 'SW1A 1AA')).toEqual({ status: 'unsupported' })
    expect(await service.lookup('NO', '50')).toEqual({ status: 'unknown' })
    expect(asked()).toBe(1)
  })

  it("the Sandbox's answers and Bring's are kept apart (the Sandbox's register is a sample)", async () => {
    const sandbox = await setup('sandbox')
    await sandbox.service.lookup('NO', '1337')
    const rows = sandbox.db.prepare('SELECT source FROM postal_codes').all()
    expect(rows).toEqual([{ source: 'sandbox' }])
  })
})

describe("the Sandbox's register is a sample", () => {
  const tempDir = useTempDir()
  it('a well-formed code it does not hold is neither filled nor refused; 0000 and 9999 are unknown', async () => {
    const sim = createSimulator()
    const logger = captureLogger().logger
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger })
    const service = createPostalCodeService({ cache: sqlitePostalCodeCache(openDatabase(await tempDir())), http: () => http, mode: () => 'sandbox', logger })
    expect(await service.lookup('NO', '3400')).toEqual({ status: 'unavailable' })
    expect(await service.lookup('NO', '0000')).toEqual({ status: 'unknown' })
  })
})

describe('pacing', () => {
  const tempDir = useTempDir()
  it('400 different postal codes asked at once stay under Bring’s 300 a second, with no 429', async () => {
    const sim = createSimulator()
    const logger = captureLogger().logger
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger })
    const service = createPostalCodeService({ cache: sqlitePostalCodeCache(openDatabase(await tempDir())), http: () => http, mode: () => 'sandbox', logger })
    const codes = Array.from({ length: 400 }, (_, i) => String(1000 + i))
    await Promise.all(codes.map((code) => service.lookup('NO', code)))
    const asked = sim.requests.filter((r) => r.routeId === 'postal-code.lookup')
    expect(asked).toHaveLength(400)
    expect(asked.filter((r) => r.status === 429)).toHaveLength(0)
    const times = asked.map((r) => Date.parse(r.at)).sort((a, b) => a - b)
    const busiest = Math.max(...times.map((t, i) => times.slice(i).filter((u) => u - t < 1000).length))
    expect(busiest).toBeLessThanOrEqual(300)
  }, 20_000)
})

describe("Bring's limits for address lookups (one budget per process, as for every Bring API)", () => {
  // The busiest second of a list of request times (ms).
  const busiest = (times: number[]): number => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length))

  it('postal codes: 320 different codes asked at once never go above 280 in a second; pickup points: 100 at once never above 75', async () => {
    const sim = createSimulator({ maxRequests: 1000 })
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger: captureLogger().logger, timeoutMs: 10_000 })
    const { lookupPostalCode } = await import('../../../../src/main/services/bring/postal-codes')
    const { nearestPickupPoints } = await import('../../../../src/main/services/bring/pickup-points')
    const codes = Array.from({ length: 320 }, (_, i) => String(1000 + i).padStart(4, '0'))
    await Promise.all(codes.map((code) => lookupPostalCode(http, 'NO', code)))
    const postal = sim.requests.filter((r) => r.routeId === 'postal-code.lookup')
    expect(postal).toHaveLength(320)
    expect(postal.every((r) => r.status === 200)).toBe(true)
    expect(busiest(postal.map((r) => Date.parse(r.at)))).toBeLessThanOrEqual(280)
    await Promise.all(Array.from({ length: 100 }, (_, i) => nearestPickupPoints(http, { countryCode: 'NO', postalCode: '5003', street: 'Bryggen', streetNumber: String(i + 1) })))
    const points = sim.requests.filter((r) => r.routeId === 'pickup-point.by-postal-code')
    expect(points).toHaveLength(100)
    expect(busiest(points.map((r) => Date.parse(r.at)))).toBeLessThanOrEqual(75)
  }, 30_000)
})
