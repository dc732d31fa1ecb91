import { AppError } from '@shared/ipc/app-error'
import { prepareBatchLabels } from '../services/batches/batch-labels'
import type { HandlersOf } from './invoke'

/** Labels to this desk's label printer: the printers, a test page, shipments' and a batch's labels as one job, a shipment's print history. */
export const printingHandlers: HandlersOf<'printing:printers' | 'printing:testPage' | 'printing:shipments' | 'printing:batch' | 'printing:history', 'printing' | 'booking' | 'stores' | 'batches' | 'app'> = {
  'printing:printers': async (_input, { printing }) => printing.printers(),
  'printing:testPage': async (_input, { printing }) => printing.testPage(),
  async 'printing:shipments'({ ids, again }, { printing, booking, stores }) {
    const files: string[] = []
    const numbers: string[] = []
    for (const id of ids) {
      const s = await stores.shipments.get(id)
      if (!s) throw AppError.field('ids', 'No such shipment.')
      // Team mode: a label another desk booked is fetched through this desk's own Bring connection first.
      files.push(await booking.labelOnThisDesk(id))
      numbers.push(s.confirmation?.consignmentNumber ?? id)
    }
    const title = ids.length === 1 ? `Fraktdesk ${numbers[0]}` : `Fraktdesk ${ids.length} labels`
    return printing.printLabels(files, { title, shipmentIds: ids, again })
  },
  async 'printing:batch'({ id, again }, deps) {
    const batch = await deps.batches.get(id)
    const labels = await prepareBatchLabels({ batches: deps.stores.batches, shipments: deps.stores.shipments, booking: deps.booking, labelsDir: deps.app.labelsDir }, id)
    const outcome = await deps.printing.printFile(labels.file, { title: `Fraktdesk ${batch.name}`, shipmentIds: labels.shipmentIds, again, pages: labels.pages })
    return { outcome, missingRows: labels.missingRows, noLinkRows: labels.noLinkRows }
  },
  'printing:history': async ({ id }, { printing }) => printing.history(id)
}
