import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseTracking, trackingResponseSchema } from '../../../src/main/services/bring/tracking'
import { consignmentPrice, mergePackages, pickupPlace, type PackageTracking } from '../../../src/shared/domain/tracking'

const track = (name: string) => parseTracking(trackingResponseSchema.parse(JSON.parse(readFileSync(path.resolve('test/fixtures/bring/tracking', `${name}.json`), 'utf8'))), 'SHIPMENTNUMBER')

describe('tracking rules over Bring’s examples', () => {
  it('a consignment’s price is Bring’s totalContractPrice, counted once however many packages carry it', () => {
    expect(consignmentPrice(track('successful'))).toBe(127.33)
    const two = track('two-packages-priced')
    expect(two.packages.map((p) => p.contractPrice)).toEqual([238.5, 238.5])
    expect(consignmentPrice(two)).toBe(238.5)
    // Where Bring gives no total, the packages' prices add up; no price at all is no price, not 0.
    expect(consignmentPrice({ packages: two.packages })).toBe(477)
    expect(consignmentPrice(track('waiting_at_pup'))).toBeNull()
  })

  it('the pickup point: its name where Bring gives one, else the place the “ready for pickup” event names', () => {
    expect(pickupPlace(track('successful').packages[0])).toBe('Spar Dokka')
    expect(track('waiting_at_pup').packages[0].pickupPoint).toMatchObject({ code: 'AA11' })
    expect(pickupPlace(track('waiting_at_pup').packages[0])).toBe('2341 LØTEN')
    expect(pickupPlace({ pickupPoint: { code: 'AA11' }, events: [] })).toBeUndefined()
  })

  it('events are only ever added: a shorter answer, or one without a package, loses nothing; the state follows the newest event', () => {
    const delivered = track('delivered').packages
    const known = delivered[0].events.length
    expect(known).toBeGreaterThan(1)
    const shorter: PackageTracking[] = [{ ...delivered[0], events: delivered[0].events.slice(-1), state: 'in_transit' }]
    const merged = mergePackages(delivered, shorter)
    expect(merged[0].events).toHaveLength(known)
    expect(merged[0].state).toBe('delivered')
    expect(mergePackages(delivered, [])).toEqual(delivered)
    const later = { status: 'DELIVERED_SENDER', description: 'Returned', at: '2030-01-01T10:00:00Z' }
    const withNew = mergePackages(delivered, [{ ...delivered[0], events: [later] }])
    expect(withNew[0].events[0]).toEqual(later)
    expect(withNew[0].events).toHaveLength(known + 1)
  })
})
