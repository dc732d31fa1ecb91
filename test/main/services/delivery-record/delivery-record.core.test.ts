// The delivery record through the whole core, on both engines: 20 live shipments across two services
// and two postal areas play the simulator's journeys (some delayed, one returned); the record, its
// annotation beside Bring's promise and the totals kept as tracking changes all match what happened.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, dataOf, testAccount } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../../helpers/postgres'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { osloDate } from '../../../../src/shared/domain/oslo-calendar'
import type { SimJourney } from '../../../../src/main/services/bring-simulator/types'

const HOUR = 3_600_000
// Bring's clock starts on a Monday morning. From Oslo the Shipping Guide promises three working days to
// Bergen and Trondheim (Thursday) for the mailbox parcel, two to Bergen and three to Trondheim for the
// pickup point parcel; a day's delay makes Friday — no weekend on the way.
const MONDAY = Date.parse('2026-03-02T07:00:00Z')

const engines = [
  { engine: 'SQLite', skip: '' },
  { engine: 'PostgreSQL', skip: postgresUnavailable() }
]

for (const { engine, skip } of engines) {
  describe.skipIf(skip !== '')(`delivery record (${engine})`, () => {
    const tempDir = useTempDir()
    const newDatabase = usePostgresDatabase()
    const cleanup: (() => Promise<unknown> | unknown)[] = []
    afterEach(async () => {
      for (const f of cleanup.splice(0).reverse()) await f()
    })

    it('20 shipments, two services × two areas: on-time rates, transit days, deviations and returns as the journeys played them; the quote annotation and thin groups', async () => {
      const started = Date.now()
      const sim = createSimulator({ accounts: [sandboxAccount, { ...testAccount, customers: demoCustomers }], now: () => new Date(MONDAY + (Date.now() - started)) })
      const server = await startSimulatorServer(sim)
      cleanup.push(() => server.close())
      const dir = await tempDir()
      if (engine === 'PostgreSQL') await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ sharedDatabase: { url: await newDatabase(), tls: false, caFile: '', deskName: 'Desk A' } }))
      const core = await startCore(dir, { bring: { sim, server }, autoTracking: false })
      cleanup.push(() => core.close())
      expect((await core.invoke('credentials:save', testAccount)).ok).toBe(true)
      expect((await core.invoke('mode:set', { mode: 'live', confirmLive: true })).ok).toBe(true)

      // The mailbox parcel (3584) and a pickup point (5800), to Bergen (50) and Trondheim (70), five each.
      const plan: { productId: string; postalCode: string; city: string; journeys: SimJourney[] }[] = [
        { productId: '3584', postalCode: '5003', city: 'BERGEN', journeys: ['normal', 'normal', 'normal', 'normal', 'deviation'] },
        { productId: '3584', postalCode: '7010', city: 'TRONDHEIM', journeys: ['normal', 'deviation', 'normal', 'attempted', 'deviation'] },
        { productId: '5800', postalCode: '5003', city: 'BERGEN', journeys: ['normal', 'normal', 'normal', 'normal', 'normal'] },
        { productId: '5800', postalCode: '7010', city: 'TRONDHEIM', journeys: ['normal', 'normal', 'return', 'normal', 'normal'] }
      ]
      const ids: string[] = []
      for (const p of plan) {
        sim.scriptJourneys(...p.journeys)
        for (let i = 0; i < p.journeys.length; i++) {
          const form = domesticForm({ productId: p.productId, recipient: { ...domesticForm().recipient, name: `Mottaker ${ids.length}`, postalCode: p.postalCode, city: p.city } })
          ids.push(dataOf(await core.invoke('booking:submit', { form, confirmLive: true })).id)
        }
      }
      // Nothing heard yet: nothing in the record.
      const month = osloDate().slice(0, 7)
      expect(dataOf(await core.invoke('deliveryRecord:report', { from: month, to: month })).groups).toEqual([])

      sim.advanceClock(14 * 24 * HOUR) // every journey has ended (the return ten days after the parcel was ready)
      for (let i = 0; i < ids.length; i += 10) await core.call('tracking:refresh', { ids: ids.slice(i, i + 10) })

      const record = dataOf(await core.invoke('deliveryRecord:report', { from: month, to: month }))
      const group = (productId: string, area: string) => record.groups.find((g) => g.productId === productId && g.area === area)!.summary
      expect(record.groups).toHaveLength(4)
      // Bergen, mailbox: four delivered Thursday (3 working days, as promised), one delayed to Friday (late by one).
      expect(group('3584', '50')).toMatchObject({ shipments: 5, judged: 5, onTimeRate: 0.8, medianDays: 3, p90Days: 4, deviationShare: 0.2, returnShare: 0, tooFew: false })
      // Trondheim, mailbox: two delayed; the attempted delivery on Thursday counts as arriving on time.
      expect(group('3584', '70')).toMatchObject({ shipments: 5, onTimeRate: 0.6, medianDays: 3, p90Days: 4, deviationShare: 0.4 })
      // Bergen, pickup point: ready on Wednesday, the two working days promised.
      expect(group('5800', '50')).toMatchObject({ shipments: 5, onTimeRate: 1, medianDays: 2, p90Days: 2, deviationShare: 0, returnShare: 0 })
      // The parcel nobody fetched was ready on time; its return is counted apart.
      expect(group('5800', '70')).toMatchObject({ shipments: 5, onTimeRate: 1, returnShare: 0.2 })
      expect(record.months.filter((m) => m.month === month).map((m) => [m.productId, m.shipments, m.onTimeRate]).sort()).toEqual([
        ['3584', 10, 0.7],
        ['5800', 10, 1]
      ])

      // Beside Bring's promise: this shop's record for each service to Bergen; none where it has no history.
      expect(dataOf(await core.invoke('deliveryRecord:annotate', { productIds: ['3584', '5800', '5000'], postalCode: '5014', countryCode: 'NO' }))).toEqual({
        '3584': { onTimeRate: 0.8, medianDays: 3, shipments: 5 },
        '5800': { onTimeRate: 1, medianDays: 2, shipments: 5 },
        '5000': null
      })
      expect(dataOf(await core.invoke('deliveryRecord:annotate', { productIds: ['3584'], postalCode: '9008', countryCode: 'NO' }))).toEqual({ '3584': null })
      // A batch's default service (its rows go everywhere): the record to every area of the country.
      expect(dataOf(await core.invoke('deliveryRecord:annotate', { productIds: ['3584'], countryCode: 'NO' }))).toEqual({ '3584': { onTimeRate: 0.7, medianDays: 3, shipments: 10 } })

      // Checked again with nothing new: the totals do not count anyone twice.
      for (let i = 0; i < ids.length; i += 10) await core.call('tracking:refresh', { ids: ids.slice(i, i + 10) })
      expect(dataOf(await core.invoke('deliveryRecord:report', { from: month, to: month })).groups.map((g) => g.summary.shipments)).toEqual([5, 5, 5, 5])
      // A month with nothing booked is empty; a backwards period is refused with its reason.
      expect(dataOf(await core.invoke('deliveryRecord:report', { from: '2020-01', to: '2020-02' })).groups).toEqual([])
      const backwards = await core.invoke('deliveryRecord:report', { from: '2026-05', to: '2026-01' })
      expect(backwards.ok).toBe(false)
    }, 60_000)
  })
}
