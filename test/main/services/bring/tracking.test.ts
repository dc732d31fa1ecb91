import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseTracking, trackingResponseSchema } from '../../../../src/main/services/bring/tracking'
import { consignmentState, stateOfEvents } from '../../../../src/shared/domain/tracking'

const example = (name: string) => trackingResponseSchema.parse(JSON.parse(readFileSync(path.resolve('test/fixtures/bring/tracking', `${name}.json`), 'utf8')))
const track = (name: string) => parseTracking(example(name), 'SHIPMENTNUMBER')

describe('Tracking API v2 answers as states', () => {
  it('every published example parses to the state a clerk would expect', () => {
    expect(Object.fromEntries(['notification_received', 'successfulWithExpectedPupDetails', 'loaded_for_delivery', 'successfulWithEta', 'successful', 'waiting_at_pup', 'delivered', 'unsuccessful', 'bad_request', 'unspecified', 'service_unavailable'].map((n) => [n, track(n).state]))).toEqual({
      notification_received: 'pre_notified',
      successfulWithExpectedPupDetails: 'in_transit',
      loaded_for_delivery: 'out_for_delivery',
      successfulWithEta: 'out_for_delivery',
      successful: 'ready_for_pickup',
      waiting_at_pup: 'ready_for_pickup',
      delivered: 'delivered',
      unsuccessful: 'not_found',
      bad_request: 'error',
      unspecified: 'error',
      service_unavailable: 'unavailable'
    })
  })

  it('keeps the timeline, pickup point with code, ETA and the contract price', () => {
    const pickup = track('successful').packages[0]
    expect(pickup).toMatchObject({ packageNumber: 'TESTPACKAGEATPICKUPPOINT', pickupPoint: { code: 'AA11' }, contractPrice: 127.33 })
    expect(pickup.events[0]).toMatchObject({ status: 'READY_FOR_PICKUP', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) })
    expect(track('successfulWithEta').packages[0].eta).toBe('20.04.2021')
    expect(track('successfulWithExpectedPupDetails').packages[0].pickupPoint?.name).toBe('Spar Dokka')
    expect(track('delivered').packages[0].events.map((e) => e.status)).toEqual(['DELIVERED', 'TRANSPORT_TO_RECIPIENT', 'IN_TRANSIT'])
    expect(track('unsuccessful').error).toEqual({ code: 404, message: 'No shipments found' })
  })

  it('a notification after "ready for pickup" does not move the state; a package that needs attention speaks for the consignment', () => {
    expect(stateOfEvents([{ status: 'NOTIFICATION_SENT' }, { status: 'READY_FOR_PICKUP' }, { status: 'IN_TRANSIT' }])).toBe('ready_for_pickup')
    expect(stateOfEvents([{ status: 'DELIVERED_SENDER' }, { status: 'RETURN' }])).toBe('returned')
    expect(consignmentState([{ state: 'delivered' }, { state: 'deviation' }])).toBe('deviation')
    expect(consignmentState([{ state: 'delivered' }, { state: 'in_transit' }])).toBe('in_transit')
    expect(consignmentState([{ state: 'delivered' }, { state: 'delivered' }])).toBe('delivered')
  })
})
