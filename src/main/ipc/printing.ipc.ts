import { AppError } from '@shared/ipc/app-error'
import { prepareBatchLabels } from '../services/batches/batch-labels'
import { mergeLabelFiles } from '../services/labels/merge-labels'
import { resolveLabelPath } from '../services/labels/label-files'
import type { AppDeps } from './deps'
import type { HandlersOf } from './invoke'

type LabelDeps = Pick<AppDeps, 'booking' | 'stores'>

/** Shipments' label files on this desk, in the order given (team mode: another desk's labels are fetched through this desk's Bring connection first). */
async function labelsOf(deps: LabelDeps, ids: string[]): Promise<{ files: string[]; numbers: string[] }> {
  const files: string[] = []
  const numbers: string[] = []
  for (const id of ids) {
    const s = await deps.stores.shipments.get(id)
    if (!s) throw AppError.field('ids', 'No such shipment.')
    files.push(await deps.booking.labelOnThisDesk(id))
    numbers.push(s.confirmation?.consignmentNumber ?? id)
  }
  return { files, numbers }
}

async function pickupShipments(deps: Pick<AppDeps, 'stores'>, id: string): Promise<string[]> {
  if (!(await deps.stores.pickups.get(id))) throw AppError.field('id', 'No such pickup.')
  const ids = await deps.stores.pickups.coveredShipments(id)
  if (ids.length === 0) throw AppError.field('id', 'This pickup was not ordered for shipments from the history, so it has no labels here.')
  return ids
}

/** Labels to this desk's label printer: the printers, a test page, shipments', a batch's and a pickup's labels as one job, a shipment's print history. */
export const printingHandlers: HandlersOf<
  'printing:printers' | 'printing:testPage' | 'printing:shipments' | 'printing:batch' | 'printing:pickup' | 'labels:openPickup' | 'printing:history',
  'printing' | 'booking' | 'stores' | 'batches' | 'app' | 'openPath'
> = {
  'printing:printers': async (_input, { printing }) => printing.printers(),
  'printing:testPage': async (input, { printing }) => printing.testPage(input?.printId),
  async 'printing:shipments'({ ids, again, printId }, deps) {
    const { files, numbers } = await labelsOf(deps, ids)
    return deps.printing.printLabels(files, { title: ids.length === 1 ? `Fraktdesk ${numbers[0]}` : `Fraktdesk ${ids.length} labels`, shipmentIds: ids, again, printId })
  },
  async 'printing:batch'({ id, again, printId }, deps) {
    const batch = await deps.batches.get(id)
    const labels = await prepareBatchLabels({ batches: deps.stores.batches, shipments: deps.stores.shipments, booking: deps.booking, labelsDir: deps.app.labelsDir }, id)
    const outcome = await deps.printing.printFile(labels.file, { title: `Fraktdesk ${batch.name}`, shipmentIds: labels.shipmentIds, again, pages: labels.pages, printId })
    return { outcome, missingRows: labels.missingRows, noLinkRows: labels.noLinkRows }
  },
  async 'printing:pickup'({ id, again, printId }, deps) {
    const ids = await pickupShipments(deps, id)
    const { files } = await labelsOf(deps, ids)
    return deps.printing.printLabels(files, { title: `Fraktdesk pickup, ${ids.length} labels`, shipmentIds: ids, again, printId })
  },
  async 'labels:openPickup'({ id }, deps) {
    const { files } = await labelsOf(deps, await pickupShipments(deps, id))
    const merged = await mergeLabelFiles(deps.app.labelsDir, files, `pickup-${id.replace(/[^A-Za-z0-9]/g, '').slice(0, 12)}-labels.pdf`)
    const problem = await deps.openPath(await resolveLabelPath(deps.app.labelsDir, merged.file))
    if (problem) throw new AppError('INTERNAL', `The labels could not be opened: ${problem}`)
    return { opened: true, pages: merged.pages }
  },
  'printing:history': async ({ id }, { printing }) => printing.history(id)
}
