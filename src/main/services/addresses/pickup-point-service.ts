import type { PickupPointsAnswer } from '@shared/domain/addresses'
import type { Logger } from '../log/logger'
import type { BringHttp } from '../bring/bring-http'
import { nearestPickupPoints } from '../bring/pickup-points'

/** Pickup points change (opened, moved, closed): an answer is reused for ten minutes, never stored (Bring: refresh daily at least). */
const KEEP_MS = 10 * 60_000

/** The pickup points nearest a recipient, for the picker: asked in the background, never blocking the form. */
export function createPickupPointService(deps: { http(): BringHttp; logger: Logger; now?: () => number }) {
  const now = deps.now ?? Date.now
  const recent = new Map<string, { at: number; answer: Promise<PickupPointsAnswer> }>()
  return {
    near(q: { countryCode: string; postalCode: string; street?: string; streetNumber?: string }): Promise<PickupPointsAnswer> {
      const key = JSON.stringify([q.countryCode, q.postalCode.replace(/\s/g, ''), q.street ?? '', q.streetNumber ?? ''])
      const kept = recent.get(key)
      if (kept && now() - kept.at < KEEP_MS) return kept.answer
      const answer = nearestPickupPoints(deps.http(), { ...q, postalCode: q.postalCode.replace(/\s/g, '') }).then(
        (points): PickupPointsAnswer => (points.length > 0 ? { status: 'found', points } : { status: 'none' }),
        (err: unknown): PickupPointsAnswer => {
          deps.logger.warn({ problem: (err as Error).message }, 'pickup point lookup failed')
          recent.delete(key)
          return { status: 'unavailable' }
        }
      )
      recent.set(key, { at: now(), answer })
      if (recent.size > 200) recent.delete(recent.keys().next().value!)
      return answer
    }
  }
}
export type PickupPointService = ReturnType<typeof createPickupPointService>
