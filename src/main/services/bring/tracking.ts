import { z } from 'zod'
import { consignmentState, stateOfEvents, type ConsignmentTracking, type TrackingState } from '@shared/domain/tracking'
import type { Language } from '@shared/domain/settings'
import type { BringHttp } from './bring-http'

// --- response (Tracking API v2; unknown fields tolerated, only what is used is required) ---
const address = z.object({ postalCode: z.string().nullish(), city: z.string().nullish(), countryCode: z.string().nullish() }).loose()
const eventSchema = z
  .object({
    description: z.string().nullish(),
    status: z.string(),
    dateIso: z.string(),
    city: z.string().nullish(),
    postalCode: z.string().nullish(),
    countryCode: z.string().nullish(),
    recipientSignature: z.object({ name: z.string().nullish() }).nullish()
  })
  .loose()
const money = z.union([z.number(), z.string()]).nullish().transform((v) => (v === null || v === undefined || v === '' ? undefined : Number(v)))
const packageSchema = z
  .object({
    packageNumber: z.string(),
    eventSet: z.array(eventSchema).default([]),
    dateOfEstimatedDelivery: z.string().nullish(),
    pickupCode: z.string().nullish(),
    shelfNumber: z.string().nullish(),
    expectedPickupUnitName: z.string().nullish(),
    recipientHandlingAddress: address.nullish(),
    contractPrice: money,
    listPrice: money,
    currencyCode: z.string().nullish()
  })
  .loose()
const consignmentSchema = z
  .object({
    consignmentId: z.string().optional(),
    packageSet: z.array(packageSchema).optional(),
    // The consignment's own price ("" or null while Bring has none): see consignmentPrice.
    totalContractPrice: money,
    currencyCode: z.string().nullish(),
    error: z.object({ code: z.number(), message: z.string() }).loose().optional()
  })
  .loose()
export const trackingResponseSchema = z.union([
  z.object({ consignmentSet: z.array(consignmentSchema) }).loose(),
  // Bring's 503 example wraps the answer in "shipments".
  z.object({ shipments: z.array(z.object({ consignmentSet: z.array(consignmentSchema) }).loose()) }).loose()
])
export type TrackingResponse = z.infer<typeof trackingResponseSchema>

const errorState = (code: number): TrackingState => (code === 404 ? 'not_found' : code === 503 ? 'unavailable' : 'error')
const text = (v: string | null | undefined): string | undefined => (v ? v : undefined)

/** A Tracking API answer as states: errors inside consignmentSet[].error become plain states, never a crash. */
export function parseTracking(res: TrackingResponse, consignmentNumber: string): ConsignmentTracking {
  type Consignment = z.infer<typeof consignmentSchema>
  const wrapped = (res as { shipments?: { consignmentSet: Consignment[] }[] }).shipments
  const set: Consignment[] = wrapped ? (wrapped[0]?.consignmentSet ?? []) : (res as { consignmentSet: Consignment[] }).consignmentSet
  const c = set[0]
  if (!c) return { consignmentNumber, state: 'not_found', packages: [] }
  if (c.error) return { consignmentNumber, state: errorState(c.error.code), packages: [], error: { code: c.error.code, message: c.error.message } }
  const packages = (c.packageSet ?? []).map((p) => {
    const events = p.eventSet.map((e) => ({
      status: e.status,
      description: e.description ?? '',
      at: e.dateIso,
      city: text(e.city),
      postalCode: text(e.postalCode),
      countryCode: text(e.countryCode),
      signature: text(e.recipientSignature?.name)
    }))
    const pickup = p.pickupCode || p.expectedPickupUnitName ? { name: text(p.expectedPickupUnitName), code: text(p.pickupCode), shelf: text(p.shelfNumber) } : undefined
    return {
      packageNumber: p.packageNumber,
      state: stateOfEvents(events),
      events,
      eta: text(p.dateOfEstimatedDelivery),
      pickupPoint: pickup,
      contractPrice: p.contractPrice,
      listPrice: p.listPrice,
      currency: text(p.currencyCode)
    }
  })
  const total = c.totalContractPrice
  return {
    consignmentNumber: c.consignmentId || consignmentNumber,
    state: consignmentState(packages),
    packages: total !== undefined && c.currencyCode ? packages.map((p) => ({ ...p, currency: p.currency ?? c.currencyCode! })) : packages,
    ...(total !== undefined && Number.isFinite(total) ? { totalContractPrice: total } : {})
  }
}

/** GET /tracking/api/v2/tracking.json?q=…&lang=…, with the Mybring headers (prices, signatures, gentler limits). */
export async function trackConsignment(http: BringHttp, consignmentNumber: string, language: Language): Promise<ConsignmentTracking> {
  const res = await http({
    api: 'tracking',
    method: 'GET',
    path: '/tracking/api/v2/tracking.json',
    query: { q: consignmentNumber, lang: language === 'nb' ? 'no' : 'en' },
    schema: trackingResponseSchema,
    idempotent: true
  })
  return parseTracking(res, consignmentNumber)
}
