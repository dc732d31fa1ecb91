import type { BringApi } from '../bring/rate-limiter'
import type { Customer } from '@shared/domain/customers'

export interface SimAccount {
  apiUid: string
  apiKey: string
  customers: Customer[]
}

export interface SimReply {
  status: number
  body?: unknown
  /** Raw bytes (e.g. a label PDF) instead of JSON. */
  raw?: { bytes: Uint8Array; contentType: string }
  headers?: Record<string, string>
}

export interface SimContext {
  url: URL
  params: Record<string, string>
  headers: Headers
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown
  account: SimAccount
  now: Date
}

export interface SimRoute {
  id: string
  api: BringApi
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path pattern with :named segments, e.g. /pickup/api/cancel/:shipmentNumber */
  path: string
  /** Most Bring endpoints need the API user and key; label links do not. */
  public?: boolean
  handle(ctx: SimContext): Promise<SimReply> | SimReply
}

/** What one API's module leaves for another (a mailbox-pickup booking becomes a cancellable pickup). */
export interface SimState {
  /** Bookings Bring accepted, per consignment correlationId: more than one is a doubled booking. */
  bookings: Map<string, number>
  /** Consignments it booked, for the tracking route to play their journey. */
  consignments: Map<string, SimConsignment>
  /** Journeys the next bookings will play, in order (tests script a deviation; otherwise the number decides). */
  scriptedJourneys: SimJourney[]
  pickups: Map<string, { kind: 'business' | 'mailbox'; date: string; cancelled: boolean; customerNumber: string }>
}

/** One Bring API's routes; each API is one module. */
export type SimApiModule = (deps: { accounts: SimAccount[]; state: SimState }) => SimRoute[]

export interface SimRequestRecord {
  routeId: string | null
  method: string
  path: string
  status: number | 'reset' | 'timeout'
  at: string
  body: unknown
}

/** How a tracked shipment's journey goes: on time, delayed (a deviation), a failed delivery attempt, or returned. */
export type SimJourney = 'normal' | 'deviation' | 'attempted' | 'return'

export interface SimConsignment {
  /** Scripted by a test; otherwise decided by the consignment number. */
  journey?: SimJourney
  /** The booking's correlationId (the app's request id): which attempt Bring booked, as Mybring would show. */
  correlationId: string
  bookedAt: Date
  /** Working days Bring promised (the Shipping Guide's lead time for the distance): the journey takes as long. */
  leadDays: number
  /** Whole days from the booking to its shipping date: the parcel is handed in then. */
  shipsAfterDays: number
  productId: string
  packageNumbers: string[]
  /** The net price per consignment (ex VAT) from the same tariffs as the Shipping Guide, if known. */
  priceExVat?: number
  /** The recipient's name too: the same parcel booked twice under two request ids shows as one name booked twice. */
  recipient: { name: string; postalCode: string; city: string; countryCode: string }
}
