import type { Simulator } from '../../src/main/services/bring-simulator/engine'
import type { ShipmentsStore } from '../../src/main/services/store/shipments'

type Invoke = (channel: string, input?: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>

/** What the user would find in Mybring: the consignment Bring booked under each request id. */
export function mybring(sim: Simulator): Map<string, string> {
  return new Map([...sim.state.consignments].map(([cn, c]) => [c.correlationId, cn]))
}

/**
 * Resolves one shipment whose outcome is unknown the way a clerk would after checking Mybring, by
 * the path given: marked booked with the number found (batch banner or Shipments: the same call), or,
 * when Mybring has nothing, "not booked → send again now", "not booked" then Send again in Shipments,
 * or "not booked" then the batch's Book all.
 */
export async function resolveByPath(invoke: Invoke, store: ShipmentsStore, truth: Map<string, string>, shipmentId: string, path: number, batchId: string | null): Promise<void> {
  const found = (await store.requestIds(shipmentId)).map((id) => truth.get(id)).find(Boolean)
  if (found) {
    await invoke('shipments:resolve', { id: shipmentId, booked: true, consignmentNumber: found })
    return
  }
  const p = batchId ? path % 3 : path % 2
  if (p === 0) await invoke('shipments:resolve', { id: shipmentId, booked: false, sendAgain: true })
  else {
    await invoke('shipments:resolve', { id: shipmentId, booked: false })
    if (p === 1) await invoke('shipments:retry', { id: shipmentId })
    else await invoke('batches:start', { id: batchId })
  }
}

/** Shipments Bring booked more than once (two of its request ids each became a consignment). */
export async function bookedTwice(sim: Simulator, store: ShipmentsStore, shipmentIds: string[]): Promise<string[]> {
  const truth = mybring(sim)
  const twice: string[] = []
  for (const id of shipmentIds) if ((await store.requestIds(id)).filter((r) => truth.has(r)).length > 1) twice.push(id)
  return twice
}
