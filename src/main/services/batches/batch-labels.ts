import { AppError } from '@shared/ipc/app-error'
import { shipmentsMissingLabels } from '../maintenance/crash-leftovers'
import type { BatchesStore } from '../store/batches'
import type { ShipmentsStore } from '../store/shipments'
import type { BookingService } from '../booking/booking-service'
import { mergeBatchLabels } from './batch-files'
import { allBatchRows } from './batch-rows'

export interface BatchLabels {
  /** The merged PDF in the labels folder: every booked row's label, row order. */
  file: string
  pages: number
  /** The shipments whose labels it holds, row order. */
  shipmentIds: string[]
  missingRows: number[]
  /** Rows marked booked by hand: Bring gave no label link, Mybring has the label. */
  noLinkRows: number[]
}

/**
 * A batch's labels as one PDF, for the viewer or the label printer. Rows booked by another desk (team
 * mode) or whose file went missing are fetched through this desk's Bring connection first.
 */
export async function prepareBatchLabels(deps: { batches: BatchesStore; shipments: ShipmentsStore; booking: BookingService; labelsDir: string }, id: string): Promise<BatchLabels> {
  const rows = await allBatchRows(deps.batches, id)
  const missing = await shipmentsMissingLabels(rows.filter((r) => r.status === 'booked' && r.shipmentId), deps.labelsDir)
  const noLink = new Set<string>()
  for (const row of missing) {
    const s = await deps.shipments.get(row.shipmentId!)
    if (s?.confirmation?.byHand) noLink.add(row.id)
    else await deps.booking.downloadLabelAgain(row.shipmentId!).catch(() => undefined) // reported as missing below
  }
  const after = await allBatchRows(deps.batches, id)
  const merged = await mergeBatchLabels(deps.labelsDir, id, after)
  const noLinkRows = rows.filter((r) => noLink.has(r.id)).map((r) => r.rowNo)
  const missingRows = merged.missing.filter((n) => !noLinkRows.includes(n))
  if (merged.labels === 0) {
    if (noLinkRows.length > 0) throw AppError.field('id', `No labels to print here: the booked rows were marked booked by hand, and Bring gave no label link for them. Print their labels in Mybring (rows ${noLinkRows.join(', ')}).`)
    throw AppError.field('id', 'No labels to print yet: no row of this batch has been booked with a label.')
  }
  await deps.batches.setFiles(id, { labelsPdf: merged.file })
  const shipmentIds = after.filter((r) => r.status === 'booked' && r.shipmentId && !merged.missing.includes(r.rowNo)).map((r) => r.shipmentId!)
  return { file: merged.file, pages: merged.pages, shipmentIds, missingRows, noLinkRows }
}
