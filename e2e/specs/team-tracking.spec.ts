import { expect, goTo, test } from '../fixtures/app'
import { openShop } from '../fixtures/shop'
import { findPostgresBin } from '../../test/helpers/postgres-server'
import { domesticForm } from '../../test/helpers/booking-form'
import type { ShipmentRecord } from '../../src/shared/domain/booking'

const LEASE_MS = 3000
const HOUR = 3_600_000

test('two desks follow the same live shipments: one tracking request per shipment per round at Bring, both windows show every answer; desk A dies holding a claim, desk B takes it once the lease has run out', async ({ lazyChromium }, testInfo) => {
  test.skip(testInfo.project.name !== 'chromium', 'the desks run as child processes bridged into Chromium pages')
  test.skip(!findPostgresBin(), 'PostgreSQL is not installed here (apt-get install postgresql)')
  test.setTimeout(120_000)
  const shop = await openShop(await lazyChromium(), 'fraktdesk_tracking_desks', { trackingLeaseMs: LEASE_MS })
  try {
    const { bring } = shop
    const a = await shop.desk('Pakkebord A', 'en', { live: true })
    const b = await shop.desk('Pakkebord B', 'nb', { live: true })

    // Ten live shipments, booked half on each desk.
    const ids: string[] = []
    for (let i = 0; i < 10; i++) {
      const form = domesticForm({ recipient: { ...domesticForm().recipient, name: `Kunde ${i + 1}` } })
      const r = await (i % 2 ? b : a).invoke('booking:submit', { form, confirmLive: true })
      expect(r.ok).toBe(true)
      ids.push((r.data as ShipmentRecord).id)
    }
    // By path: a request's route is recorded only once its (slowed) answer is being made.
    const track = () => bring.requests.filter((r) => r.path.startsWith('/tracking/api/v2/tracking.json'))
    const numberOf = (p: string) => new URL(p, 'http://x').searchParams.get('q')
    const langOf = (p: string) => new URL(p, 'http://x').searchParams.get('lang')

    // Bring answers tracking in 0.7 s here: both desks' "Refresh now" has made the shipments due before any answer is in.
    bring.faults.add({ routeId: 'tracking.track', fault: { kind: 'latency', ms: 700 }, times: 100 })
    // A round: both desks press "Refresh now" on all ten at the same moment. Bring is asked once per shipment,
    // by one desk or the other (desk A asks in English, desk B in Norwegian: their windows' languages).
    bring.advanceClock(12 * HOUR)
    await Promise.all([a.invoke('tracking:refresh', { ids }), b.invoke('tracking:refresh', { ids })])
    expect(track()).toHaveLength(10)
    expect(new Set(track().map((r) => numberOf(r.path))).size).toBe(10)
    expect(new Set(track().map((r) => langOf(r.path)))).toEqual(new Set(['en', 'no']))
    // Both windows show every answer, whichever desk asked (a state Bring answered, not "not checked yet").
    await goTo(a.page, 'Shipments')
    await goTo(b.page, 'Sendinger')
    for (const page of [a.page, b.page]) await expect(page.locator('[data-shipment] .badge[class*="tracking-"]:not(.tracking-not_found)')).toHaveCount(10)

    // The next round: desk A's first question takes Bring 5 s, and desk A dies waiting, the shipment claimed.
    bring.advanceClock(12 * HOUR)
    bring.faults.clear()
    bring.faults.add({ routeId: 'tracking.track', fault: { kind: 'latency', ms: 5000 }, times: 1 })
    bring.faults.add({ routeId: 'tracking.track', fault: { kind: 'latency', ms: 700 }, times: 100 })
    const before = track().length
    void a.invoke('tracking:refresh', { ids })
    await expect.poll(() => track().length, { timeout: 10_000 }).toBeGreaterThan(before)
    await a.kill()
    const byA = track().slice(before).filter((r) => langOf(r.path) === 'en')
    expect(byA).toHaveLength(1)
    const inFlight = byA[0]
    // Desk B asks about every one of the ten once: the one desk A died holding only once A's claim ran out.
    await b.invoke('tracking:refresh', { ids })
    const byB = track().slice(before).filter((r) => langOf(r.path) === 'no')
    expect(byB).toHaveLength(10)
    expect(new Set(byB.map((r) => numberOf(r.path))).size).toBe(10)
    const taken = byB.find((r) => numberOf(r.path) === numberOf(inFlight.path))!
    expect(Date.parse(taken.at) - Date.parse(inFlight.at)).toBeGreaterThanOrEqual(LEASE_MS - 200)
    // The others were not held up by it: asked before the claim ran out, one after another at Bring's pace.
    expect(byB.filter((r) => r !== taken && Date.parse(r.at) - Date.parse(inFlight.at) < LEASE_MS).length).toBeGreaterThanOrEqual(3)
  } finally {
    await shop.close()
  }
})
