import { AppError } from '@shared/ipc/app-error'
import { consignmentPrice, consignmentState, finalTrackingStates, mergePackages, type ConsignmentTracking } from '@shared/domain/tracking'
import type { Mode } from '@shared/domain/mode'
import type { Logger } from '../log/logger'
import type { TrackingRow, TrackingStore } from '../store/tracking'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
/** Shipments older than this are not followed any more. */
export const TRACK_FOR_DAYS = 60

/**
 * When to ask Bring next: not at all once delivered or returned (or 60 days old); every 30 minutes
 * while something changes, every 2 hours when quiet for 6 hours; a number Bring does not know yet
 * (normal right after booking) every 15 minutes for 2 hours, then every 2 hours; after a failure,
 * 15 minutes doubling up to 6 hours.
 */
export function nextCheck(row: Pick<TrackingRow, 'bookedAt' | 'stateSince' | 'failures'>, result: ConsignmentTracking | null, now: Date): Date | null {
  const t = now.getTime()
  if (t - Date.parse(row.bookedAt) > TRACK_FOR_DAYS * DAY) return null
  if (!result || result.state === 'unavailable' || result.state === 'error') return new Date(t + Math.min(6 * HOUR, 15 * MIN * 2 ** row.failures))
  if (finalTrackingStates.has(result.state)) return null
  if (result.state === 'not_found') return new Date(t + (t - Date.parse(row.bookedAt) < 2 * HOUR ? 15 * MIN : 2 * HOUR))
  const quietFor = t - Date.parse(row.stateSince)
  return new Date(t + (quietFor > 6 * HOUR ? 2 * HOUR : 30 * MIN))
}

interface Deps {
  repo: TrackingStore
  /** One Tracking API call in the mode the shipment was booked in. */
  track(mode: Mode, consignmentNumber: string): Promise<ConsignmentTracking>
  logger: Logger
  now?: () => Date
  /** At most this many calls per tick (the tracking rate limiter paces them further). */
  perTick?: number
  intervalMs?: number
  onChange?(shipmentIds: string[]): void
  /** Background polling can be turned off in Settings; "Refresh now" still works. */
  enabled?(): boolean
  /** After an answer was saved (the delivery record follows it); a failure here is logged, the check stands. */
  afterResult?(shipmentId: string, result: ConsignmentTracking, price: number | null): Promise<unknown>
}

/**
 * Polls Bring politely in the main process: only live and Sandbox shipments, one request in flight
 * per shipment, a bounded number per tick, a pause while Bring cannot be reached or says too many
 * requests, and every due time persisted so a restart neither floods Bring nor forgets.
 */
export function createTrackingService(deps: Deps) {
  const now = deps.now ?? (() => new Date())
  const inFlight = new Set<string>()
  let pausedUntil = 0
  let timer: ReturnType<typeof setInterval> | null = null

  async function check(row: TrackingRow): Promise<boolean> {
    inFlight.add(row.shipmentId)
    try {
      const result = await deps.track(row.mode, row.consignmentNumber)
      const at = now()
      if (result.state === 'unavailable' || result.state === 'error') {
        await deps.repo.saveFailure(row.shipmentId, result.state === 'unavailable' ? 'unavailable' : (result.error?.message ?? 'error'), at.toISOString(), nextCheck(row, null, at)!.toISOString())
        return false
      }
      // Bring no longer knows a shipment it has told us about (old data purged): keep what we know, as a quiet note.
      if (result.state === 'not_found' && (row.packages.length > 0 || row.state !== 'not_found')) {
        const quiet = finalTrackingStates.has(row.state) ? null : nextCheck({ ...row, stateSince: new Date(0).toISOString() }, { ...result, state: row.state }, at)
        await deps.repo.saveGone(row.shipmentId, at.toISOString(), quiet?.toISOString() ?? null)
        return false
      }
      // Events are only ever added: a shorter answer loses nothing, and a final state stays final.
      const packages = mergePackages(row.packages, result.packages)
      const merged: ConsignmentTracking = { ...result, packages, state: packages.length > 0 ? consignmentState(packages) : result.state }
      await deps.repo.saveResult(row.shipmentId, merged, at.toISOString(), nextCheck(row, merged, at)?.toISOString() ?? null)
      await deps.afterResult?.(row.shipmentId, merged, consignmentPrice(merged) ?? row.price).catch((err: unknown) => deps.logger.warn({ shipment: row.shipmentId, problem: (err as Error).message }, 'delivery record not updated'))
      return merged.state !== row.state
    } catch (err) {
      const code = err instanceof AppError ? err.code : 'INTERNAL'
      const at = now()
      await deps.repo.saveFailure(row.shipmentId, code, at.toISOString(), nextCheck(row, null, at)!.toISOString())
      // Offline, or Bring asking us to slow down: everyone waits, not just this shipment.
      if (code === 'BRING_UNREACHABLE' || code === 'BRING_NOT_SENT') pausedUntil = at.getTime() + 5 * MIN
      if (code === 'BRING_RATE_LIMITED' || code === 'BRING_SERVER') pausedUntil = at.getTime() + MIN
      deps.logger.warn({ shipment: row.shipmentId, code }, 'tracking check failed')
      return false
    } finally {
      inFlight.delete(row.shipmentId)
    }
  }

  const service = {
    /** Follows a booked live or Sandbox shipment (test bookings have no tracking at Bring). */
    async enrol(s: { id: string; mode: Mode; consignmentNumber: string | null; bookedAt: string }): Promise<void> {
      if (!s.consignmentNumber || s.mode === 'test') return
      await deps.repo.enrol({ shipmentId: s.id, consignmentNumber: s.consignmentNumber, mode: s.mode, bookedAt: s.bookedAt, nextDue: new Date(now().getTime() + 5 * MIN).toISOString() })
    },
    /** One round: the due shipments, up to perTick, one after another (the rate limiter paces them). */
    async tick(force = false): Promise<{ checked: number; changed: string[] }> {
      if (!force && deps.enabled && !deps.enabled()) return { checked: 0, changed: [] }
      if (now().getTime() < pausedUntil) return { checked: 0, changed: [] }
      const changed: string[] = []
      let checked = 0
      // One shipment taken at a time, right before it is asked about: in team mode taking one is claiming
      // it, and a claim held while a whole round waits for Bring's pace could run out and be taken twice.
      while (checked < (deps.perTick ?? 10) && now().getTime() >= pausedUntil) {
        const [row] = await deps.repo.due(now().toISOString(), 1, [...inFlight])
        if (!row) break
        checked++
        if (await check(row)) changed.push(row.shipmentId)
      }
      if (changed.length) deps.onChange?.(changed)
      return { checked, changed }
    },
    /** "Refresh now" for one shipment or the visible list. */
    async refresh(shipmentIds: string[]): Promise<{ checked: number; changed: string[] }> {
      pausedUntil = 0
      await deps.repo.makeDue(shipmentIds, now().toISOString())
      return service.tick(true)
    },
    start(): void {
      timer ??= setInterval(() => void service.tick().catch((err) => deps.logger.error({ err: (err as Error).message }, 'tracking tick failed')), deps.intervalMs ?? 15_000)
      timer.unref?.()
    },
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
    }
  }
  return service
}
export type TrackingService = ReturnType<typeof createTrackingService>
