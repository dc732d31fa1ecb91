import type { PickupsRepo } from './sqlite/pickups-repo'
import { promised, type Promised } from './sqlite/promised'
import type { StoreEngine } from './shipments'

/** Pickup orders behind one async interface: the desk's SQLite file or the team's PostgreSQL. */
export interface PickupsStore extends Promised<PickupsRepo> {
  readonly engine: StoreEngine
  /** Only where a commit can be made synchronously (SQLite): "sending" at the socket (see ShipmentsStore). */
  handOffNow?: { sending(id: string): void; notHandedOff(id: string): void }
}

export const sqlitePickupsStore = (repo: PickupsRepo): PickupsStore => ({
  ...promised(repo),
  engine: 'sqlite',
  handOffNow: { sending: (id) => repo.markSending(id), notHandedOff: (id) => void repo.setState(id, { status: 'pending' }) }
})
