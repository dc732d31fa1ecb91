import type { LabelPrint } from '@shared/domain/printing'
import type { StoreEngine } from './engine'

/**
 * Every print of a shipment's label on this desk (when, where, result): what keeps a label from being
 * printed twice without asking. In the desk's own file also in team mode: printers belong to a desk.
 */
export interface LabelPrintStore {
  readonly engine: StoreEngine
  /** One job printed these shipments' labels (a batch: many shipments, one record each). */
  add(shipmentIds: string[], print: LabelPrint): Promise<void>
  /** Newest first. */
  forShipment(shipmentId: string): Promise<LabelPrint[]>
  /** The newest print that printed, or may have, of any of these shipments. */
  lastPrinted(shipmentIds: string[]): Promise<LabelPrint | null>
}
