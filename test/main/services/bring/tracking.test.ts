import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseTracking, trackingResponseSchema } from '../../../../src/main/services/bring/tracking'
import { consignmentState, stateOfEvents } from '../../../../src/shared/domain/tracking'
import { workingDaysBetween } from '../../../../src/main/services/calendar/norwegian-calendar'
import { osloDate } from '../../../../src/shared/domain/oslo-calendar'

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

describe('the simulator plays each booked consignment’s journey on its clock', () => {
  it('booked → pre-notified → in transit → out for delivery → delivered, in Norwegian or English, with the contract price when authenticated; unknown numbers are 404', async () => {
    const { createSimulator } = await import('../../../../src/main/services/bring-simulator/engine')
    const { createInProcessFetch } = await import('../../../../src/main/services/bring-simulator/in-process-fetch')
    const { createBringHttp } = await import('../../../../src/main/services/bring/bring-http')
    const { trackConsignment } = await import('../../../../src/main/services/bring/tracking')
    const { postBooking, buildBookingRequest, toConfirmation } = await import('../../../../src/main/services/bring/booking')
    const { sandboxAccount } = await import('../../../../src/main/services/bring-simulator/demo-data')
    const { domesticForm } = await import('../../../helpers/booking-form')
    const { captureLogger } = await import('../../../helpers/log-capture')
    const sim = createSimulator()
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger: captureLogger().logger })
    // Home delivery to Bergen (a consignment number whose roll leads straight to "delivered"): book until one does.
    const book = async () => toConfirmation(await postBooking(http, buildBookingRequest(domesticForm({ productId: '5600' }), 'sandbox')))!
    const states: string[] = []
    let cn = ''
    let promised = ''
    for (let i = 0; i < 30 && !cn; i++) {
      const candidate = await book()
      const roll = [...candidate.consignmentNumber].reduce((s, ch) => (s * 31 + ch.charCodeAt(0)) % 1000, 7) % 100
      if (roll >= 25) [cn, promised] = [candidate.consignmentNumber, candidate.expectedDelivery!]
    }
    // Oslo to Bergen by home delivery: the Shipping Guide's two working days, and the journey takes as long.
    const today = osloDate()
    const lead = workingDaysBetween(today, osloDate(new Date(promised)))
    expect(lead).toBe(2)
    let elapsed = 0
    const onTheDay = (lead - 1) * 24
    for (const hours of [0, 12, onTheDay + 25, onTheDay + 30]) {
      sim.advanceClock((hours - elapsed) * 3_600_000)
      elapsed = hours
      states.push((await trackConsignment(http, cn, 'nb')).state)
    }
    expect(states).toEqual(['pre_notified', 'in_transit', 'out_for_delivery', 'delivered'])
    const done = await trackConsignment(http, cn, 'en')
    expect(done.packages[0].events[0]).toMatchObject({ status: 'DELIVERED', description: 'The package has been delivered.', signature: 'K. MOTTAKER' })
    expect(done.packages[0].contractPrice).toBeGreaterThan(0)
    expect((await trackConsignment(http, cn, 'nb')).packages[0].events[0].description).toBe('Pakken er levert.')
    expect((await trackConsignment(http, '70438101999999999', 'en')).state).toBe('not_found')
  })
})
