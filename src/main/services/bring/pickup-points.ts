import { z } from 'zod'
import type { PickupPoint } from '@shared/domain/addresses'
import type { BringHttp } from './bring-http'
import { emptyWhenNothingFound } from './bring-errors'

// Bring's answer (see ../shared/bring-api/pickup-point/examples): what the picker shows is required,
// the rest may come or not.
const answerSchema = z.object({
  pickupPoint: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        visitingAddress: z.string().nullish(),
        visitingPostalCode: z.string().nullish(),
        visitingCity: z.string().nullish(),
        address: z.string().nullish(),
        postalCode: z.string().nullish(),
        city: z.string().nullish(),
        openingHoursNorwegian: z.string().nullish(),
        openingHoursEnglish: z.string().nullish(),
        distanceInKm: z.union([z.string(), z.number()]).nullish(),
        type: z.union([z.string(), z.number()]).nullish(),
        maxParcelDimensions: z.object({ length: z.number(), width: z.number(), height: z.number() }).nullish()
      })
    )
    .default([])
})

/** Bring's locker types: 37 (Norway, Pakkeboks), 39 (Sweden), 43 (Denmark), LOCKER (Finland). */
const lockerTypes = new Set(['37', '39', '43', 'LOCKER'])

/** GET /pickuppoint/api/pickuppoint/{countryCode}/postalCode/{postalCode}.json: the nearest pickup points, nearest first. */
export async function nearestPickupPoints(http: BringHttp, q: { countryCode: string; postalCode: string; street?: string; streetNumber?: string }): Promise<PickupPoint[]> {
  const res = await http({
    api: 'pickupPoint',
    method: 'GET',
    path: `/pickuppoint/api/pickuppoint/${encodeURIComponent(q.countryCode)}/postalCode/${encodeURIComponent(q.postalCode)}.json`,
    query: { numberOfResponses: '10', ...(q.street ? { street: q.street } : {}), ...(q.streetNumber ? { streetNumber: q.streetNumber } : {}) },
    schema: answerSchema,
    idempotent: true
  }).catch(emptyWhenNothingFound({ pickupPoint: [] }))
  return res.pickupPoint.map((p) => {
    const distance = p.distanceInKm === undefined || p.distanceInKm === null ? null : Number(p.distanceInKm)
    return {
      id: p.id,
      name: p.name,
      kind: lockerTypes.has(String(p.type ?? '').toUpperCase()) || p.maxParcelDimensions ? 'locker' : 'manned',
      visitingAddress: p.visitingAddress ?? p.address ?? '',
      visitingPostalCode: p.visitingPostalCode ?? p.postalCode ?? '',
      visitingCity: p.visitingCity ?? p.city ?? '',
      openingHours: { nb: p.openingHoursNorwegian ?? '', en: p.openingHoursEnglish ?? p.openingHoursNorwegian ?? '' },
      distanceKm: distance !== null && Number.isFinite(distance) ? distance : null,
      maxParcelDimensions: p.maxParcelDimensions ?? null
    }
  })
}
