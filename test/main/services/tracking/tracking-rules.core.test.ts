import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { captureLogger } from '../../../helpers/log-capture'
import { domesticForm } from '../../../helpers/booking-form'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../../../src/main/services/store/sqlite/shipments-repo'
import { createTrackingRepo, sqliteTrackingStore } from '../../../../src/main/services/store/sqlite/tracking-repo'
import { createTrackingService } from '../../../../src/main/services/tracking/tracking-service'
import { attentionCutoffs } from '../../../../src/main/services/store/tracking'
import { parseTracking, trackingResponseSchema } from '../../../../src/main/services/bring/tracking'
import type { ConsignmentTracking } from '../../../../src/shared/domain/tracking'
import { shipmentFilterSchema } from '../../../../src/shared/domain/booking'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const example = (name: string, cn: string): ConsignmentTracking => parseTracking(trackingResponseSchema.parse(JSON.parse(readFileSync(path.resolve('test/fixtures/bring/tracking', `${name}.json`), 'utf8'))), cn)
const days = { pickupDays: 5, silentDays: 3 }

describe('tracking rules: final states stick, errors show, attention until handled, one price per consignment', () => {
  const tempDir = useTempDir()

  async function desk(answers: Record<string, () => ConsignmentTracking>) {
    const db = openDatabase(await tempDir())
    const shipments = createShipmentsRepo(db)
    const repo = createTrackingRepo(db)
    let t = Date.parse('2026-11-30T08:00:00Z')
    let answer = 'unsuccessful'
    const service = createTrackingService({ repo: sqliteTrackingStore(repo), now: () => new Date(t), logger: captureLogger().logger, track: async (_mode, cn) => ({ ...answers[answer](), consignmentNumber: cn }) })
    const s = shipments.insertPending(domesticForm(), {}, 'live')
    shipments.markBooked(s.id, { consignmentNumber: '70438101015432101', packageNumbers: [] })
    await service.enrol({ id: s.id, mode: 'live', consignmentNumber: '70438101015432101', bookedAt: new Date(t).toISOString() })
    return {
      id: s.id,
      repo,
      service,
      shipments,
      answer: (name: string) => (answer = name),
      advance: (ms: number) => (t += ms),
      now: () => new Date(t),
      round: async () => {
        await service.refresh([s.id])
        return repo.get(s.id)!
      },
      attention: () => repo.attentionCount(attentionCutoffs(new Date(t), days)),
      listedAsAttention: () => shipments.list({ ...shipmentFilterSchema.parse({ attention: true }), attentionDays: days }).items.map((i) => i.id)
    }
  }
  const bring = (name: string) => () => example(name, '70438101015432101')
  const answers = { unsuccessful: bring('unsuccessful'), delivered: bring('delivered'), service_unavailable: bring('service_unavailable'), two: bring('two-packages-priced'), waiting: bring('waiting_at_pup') }

  it('before the first answer the shipment is “not checked yet”; Bring not knowing it yet is a successful check', async () => {
    const d = await desk(answers)
    expect(d.repo.get(d.id)).toMatchObject({ checkedAt: null, errorAt: null })
    const row = await d.round()
    expect(row).toMatchObject({ state: 'not_found', checkedAt: d.now().toISOString(), goneAt: null })
  })

  it('delivered, then Bring answers 404 (old data purged): still delivered, every event kept, never asked again, a quiet note since when', async () => {
    const d = await desk(answers)
    d.answer('delivered')
    const delivered = await d.round()
    expect(delivered.state).toBe('delivered')
    expect(delivered.nextDue).toBeNull()
    const events = delivered.packages[0].events.length
    d.advance(40 * DAY)
    d.answer('unsuccessful')
    const after = await d.round() // "Refresh now" asks even a finished shipment
    expect(after.state).toBe('delivered')
    expect(after.packages[0].events).toHaveLength(events)
    expect(after.nextDue).toBeNull()
    expect(after.goneAt).toBe(d.now().toISOString())
    expect(after.stateSince).toBe(delivered.stateSince)
  })

  it('a persistent 503: the last successful check stays the “checked” time, the failure has its own time and the next try', async () => {
    const d = await desk(answers)
    d.answer('two')
    const ok = await d.round()
    d.advance(2 * HOUR)
    d.answer('service_unavailable')
    const busy = await d.round()
    expect(busy.state).toBe(ok.state)
    expect(busy.checkedAt).toBe(ok.checkedAt)
    expect(busy).toMatchObject({ errorAt: d.now().toISOString(), lastError: 'unavailable', failures: 1 })
    expect(Date.parse(busy.nextDue!)).toBeGreaterThan(d.now().getTime())
    d.advance(HOUR)
    d.answer('two')
    expect(await d.round()).toMatchObject({ errorAt: null, lastError: null, failures: 0, checkedAt: d.now().toISOString() })
  })

  it('a 2-package consignment is priced once: Bring’s totalContractPrice, in the card and the spend report alike', async () => {
    const d = await desk(answers)
    d.answer('two')
    expect((await d.round()).price).toBe(238.5)
    expect(d.repo.spend()).toMatchObject([{ shipments: 1, priced: 1, total: 238.5 }])
  })

  it('returned to the sender needs attention until the clerk marks it handled; handled ready-for-pickup comes back when the state moves on to another that needs it', async () => {
    const returned = (): ConsignmentTracking => {
      const base = example('delivered', '70438101015432101')
      const pkg = base.packages[0]
      return { ...base, state: 'returned', packages: [{ ...pkg, state: 'returned', events: [{ status: 'DELIVERED_SENDER', description: 'Returned to sender', at: '2026-12-10T09:00:00Z' }, ...pkg.events.filter((e) => e.status !== 'DELIVERED')] }] }
    }
    const d = await desk({ ...answers, returned })
    d.answer('returned')
    const row = await d.round()
    expect(row.state).toBe('returned')
    expect(row.nextDue).toBeNull()
    expect(d.attention()).toBe(1)
    expect(d.listedAsAttention()).toEqual([d.id])
    expect(d.repo.markHandled(d.id, 'Picked up from the post office, rebooked', d.now().toISOString())).toBe(true)
    expect(d.attention()).toBe(0)
    expect(d.listedAsAttention()).toEqual([])
    expect(d.repo.get(d.id)!.handled).toMatchObject({ state: 'returned', note: 'Picked up from the post office, rebooked' })
  })

  it('handled “waiting at the pickup point” stays handled while it waits, and needs attention again once it is on its way back', async () => {
    const returning = (): ConsignmentTracking => {
      const base = example('waiting_at_pup', '70438101015432101')
      const pkg = base.packages[0]
      return { ...base, state: 'returning', packages: [{ ...pkg, state: 'returning', events: [{ status: 'RETURN', description: 'On its way back', at: '2030-01-01T09:00:00Z' }, ...pkg.events] }] }
    }
    const d = await desk({ ...answers, returning })
    d.answer('waiting')
    await d.round()
    d.advance(6 * DAY)
    await d.round()
    expect(d.attention()).toBe(1)
    d.repo.markHandled(d.id, '', d.now().toISOString())
    expect(d.attention()).toBe(0)
    d.advance(DAY)
    await d.round()
    expect(d.attention()).toBe(0)
    d.answer('returning')
    expect((await d.round()).state).toBe('returning')
    expect(d.attention()).toBe(1)
  })
})
