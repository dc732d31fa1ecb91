import type { Mode } from '@shared/domain/mode'
import type { PackageTracking } from '@shared/domain/tracking'
import { osloDate } from '@shared/domain/oslo-calendar'
import { addInto, areaOf, monthsBefore, noCounts, summarize, MIN_RECORD_SHIPMENTS, type DeliveryAnnotation, type DeliveryRecord, type RecordCounts, type RecordEntry } from '@shared/domain/delivery-record'
import type { ShipmentsStore } from '../store/shipments'
import type { TrackingStore } from '../store/tracking'
import type { Logger } from '../log/logger'
import { deliveryFacts } from './delivery-facts'

interface Deps {
  tracking: TrackingStore
  shipments: ShipmentsStore
  logger: Logger
  now?: () => Date
}

/** The months the quote's annotation looks back over. */
const ANNOTATION_MONTHS = 12


/**
 * The shop's own delivery record: each tracked shipment's facts against Bring's promise, added to its
 * group's totals as tracking changes; the screen and the quote read the totals.
 */
export function createDeliveryRecordService(deps: Deps) {
  const now = deps.now ?? (() => new Date())

  /** The shipment's group and facts. Bring's promise: the booking confirmation's expected delivery, else the quote's. */
  async function entryFor(shipmentId: string, packages: PackageTracking[], price: number | null): Promise<RecordEntry | null> {
    const s = await deps.shipments.get(shipmentId)
    if (!s) return null
    const promised = s.confirmation?.expectedDelivery ? osloDate(new Date(s.confirmation.expectedDelivery)) : (s.form.quotedPrice?.expectedDelivery ?? null)
    const key = { mode: s.mode, month: osloDate(new Date(s.createdAt)).slice(0, 7), productId: s.productId, customerNumber: s.customerNumber, country: s.form.recipient.countryCode, area: areaOf(s.form.recipient.postalCode) }
    return { key, facts: deliveryFacts(packages, promised, now()), price }
  }

  const service = {
    /** After a tracking answer was saved: the shipment's entry and its group's totals follow. */
    async record(shipmentId: string, packages: PackageTracking[], price: number | null): Promise<boolean> {
      const entry = await entryFor(shipmentId, packages, price)
      if (entry) await deps.tracking.recordDelivery(shipmentId, entry)
      return entry !== null
    },
    /** Shipments tracked before the record existed (or copied into a shared database): a batch at a time, in the background. */
    async backfill(batch = 200): Promise<number> {
      const seen = new Set<string>()
      let recorded = 0
      for (;;) {
        const rows = (await deps.tracking.unrecorded(batch)).filter((r) => !seen.has(r.shipmentId))
        if (rows.length === 0) return recorded
        for (const r of rows) {
          seen.add(r.shipmentId)
          if (await service.record(r.shipmentId, r.packages, r.price)) recorded++
        }
        await new Promise((resolve) => setImmediate(resolve)) // the window's calls go first
      }
    },
    /** The screen: per service × customer number × place over the months from..to, and per service and month. */
    async report(q: { from: string; to: string }, mode: Mode): Promise<DeliveryRecord> {
      const totals = await deps.tracking.deliveryTotals({ mode, ...q })
      const groups = new Map<string, { productId: string; customerNumber: string; country: string; area: string; counts: RecordCounts }>()
      const months = new Map<string, { productId: string; month: string; counts: RecordCounts }>()
      for (const { key, counts } of totals) {
        const g = `${key.productId}|${key.customerNumber}|${key.country}|${key.area}`
        let group = groups.get(g)
        if (!group) groups.set(g, (group = { productId: key.productId, customerNumber: key.customerNumber, country: key.country, area: key.area, counts: noCounts() }))
        addInto(group.counts, counts)
        const m = `${key.productId}|${key.month}`
        let month = months.get(m)
        if (!month) months.set(m, (month = { productId: key.productId, month: key.month, counts: noCounts() }))
        addInto(month.counts, counts)
      }
      return {
        groups: [...groups.values()].map(({ counts, ...g }) => ({ ...g, summary: summarize(counts) })).sort((a, b) => b.summary.shipments - a.summary.shipments),
        months: [...months.values()].map((m) => ({ productId: m.productId, month: m.month, shipments: m.counts.shipments, onTimeRate: summarize(m.counts).onTimeRate })).sort((a, b) => a.month.localeCompare(b.month)),
        minShipments: MIN_RECORD_SHIPMENTS
      }
    },
    /** Next to Bring's promise in the quote and the booking form: this shop's own record for each service to that place over the last year. */
    async annotate(q: { productIds: string[]; postalCode?: string; countryCode: string }, mode: Mode): Promise<Record<string, DeliveryAnnotation | null>> {
      const to = osloDate(now()).slice(0, 7)
      const totals = await deps.tracking.deliveryTotals({ mode, from: monthsBefore(to, ANNOTATION_MONTHS - 1), to, productIds: q.productIds, country: q.countryCode, area: q.postalCode ? areaOf(q.postalCode) : undefined })
      const out: Record<string, DeliveryAnnotation | null> = {}
      for (const id of q.productIds) {
        const s = summarize(totals.filter((t) => t.key.productId === id).reduce((sum, t) => addInto(sum, t.counts), noCounts()))
        out[id] = s.onTimeRate === null || s.medianDays === null ? null : { onTimeRate: s.onTimeRate, medianDays: s.medianDays, shipments: s.shipments }
      }
      return out
    }
  }
  return service
}
export type DeliveryRecordService = ReturnType<typeof createDeliveryRecordService>
