import { AppError } from '@shared/ipc/app-error'
import { writeBatchResult } from '../services/batches/batch-files'
import { prepareBatchLabels } from '../services/batches/batch-labels'
import { allBatchRows } from '../services/batches/batch-rows'
import { headerSetKey } from '@shared/domain/csv-import'
import { partyRow, rowFields, type RowField } from '@shared/domain/batches'
import { osloDate } from '@shared/domain/fields'
import type { HandlersOf } from './invoke'
import { openInLabelsFolder } from './labels-folder'

export const batchesHandlers: HandlersOf<
  | 'batches:list'
  | 'batches:get'
  | 'batches:rows'
  | 'batches:create'
  | 'batches:createFrom'
  | 'batches:appendRows'
  | 'batches:updateRow'
  | 'batches:confirmRow'
  | 'batches:setDefaults'
  | 'batches:start'
  | 'batches:stop'
  | 'batches:delete'
  | 'batches:openLabels'
  | 'batches:openResult'
  | 'imports:mappingGet'
  | 'imports:mappingSet',
  'batches' | 'booking' | 'stores' | 'settings' | 'app' | 'openPath'
> = {
  'batches:list': async (_input, { batches }) => batches.list(),
  'batches:get': async ({ id }, { batches }) => batches.get(id),
  'batches:rows': async ({ id, filter, offset, limit }, { batches }) => batches.rowsPage(id, filter, offset, limit),
  'batches:create': async (input, { batches }) => batches.create(input),
  /** Rows keep each recipient's own service and parcel; the defaults are the most common of them. */
  async 'batches:createFrom'({ name, source, ids }, { batches, stores, settings }) {
    const found = await Promise.all(
      ids.map(async (id) => {
        if (source === 'addressBook') {
          const e = await stores.addressBook.get(id)
          return e ? partyRow(e.party, e.preferred) : null
        }
        const s = await stores.shipments.get(id)
        return s ? partyRow(s.form.recipient, { customerNumber: s.form.customerNumber, productId: s.form.productId, packages: s.form.packages }) : null
      })
    )
    const rows = found.filter((r) => r !== null)
    if (rows.length === 0) throw AppError.field('ids', 'None of these entries exist any more.')
    const common = (key: 'customerNumber' | 'productId'): string => mostCommon(rows.map((r) => r[key]).filter((v): v is string => Boolean(v))) ?? ''
    const defaults = { customerNumber: common('customerNumber') || settings.get().defaultCustomerNumber || '', productId: common('productId'), senderId: null, shippingDate: osloDate(), weightKg: '', lengthCm: '', widthCm: '', heightCm: '', goodsDescription: '' }
    return batches.create({ name, defaults, rows })
  },
  'batches:appendRows': async ({ id, rows, lines }, { batches }) => batches.appendRows(id, rows, lines),
  'batches:updateRow': async ({ rowId, values }, { batches }) => batches.updateRow(rowId, values),
  'batches:confirmRow': async ({ rowId }, { batches }) => batches.confirmRow(rowId),
  'batches:setDefaults': async ({ id, defaults }, { batches }) => batches.setDefaults(id, defaults),
  'batches:start': async ({ id, confirmLive, rest }, { batches }) => batches.start(id, { confirmLive, rest }),
  'batches:stop': async ({ id, how }, { batches }) => batches.stop(id, how),
  'batches:delete': async ({ id }, { batches }) => ({ deleted: await batches.remove(id) }),
  async 'batches:openLabels'({ id }, deps) {
    await deps.batches.get(id)
    const labels = await prepareBatchLabels({ batches: deps.stores.batches, shipments: deps.stores.shipments, booking: deps.booking, labelsDir: deps.app.labelsDir }, id)
    await openInLabelsFolder(deps, labels.file)
    return { opened: true, pages: labels.pages, missingRows: labels.missingRows, noLinkRows: labels.noLinkRows }
  },
  /** Headers and status words come from the window, in the user's language. */
  async 'batches:openResult'({ id, headers, statuses }, deps) {
    const batch = await deps.batches.get(id)
    // Bring does not track test bookings: a tracking link for one would lead nowhere.
    const file = await writeBatchResult(deps.app.labelsDir, id, await allBatchRows(deps.stores.batches, id), headers, (r) => statuses[r.status] ?? r.status, { trackingLinks: batch.mode !== 'test', language: deps.settings.get().language })
    await deps.stores.batches.setFiles(id, { resultCsv: file })
    await openInLabelsFolder(deps, file)
    return { opened: true }
  },
  /** The mapping chosen last time for a file with these headers; a stale field name reads as "ignore". */
  async 'imports:mappingGet'({ headers }, { stores }) {
    const saved = await stores.batches.mapping(headerSetKey(headers))
    return saved && saved.length === headers.length ? saved.map((f) => ((rowFields as readonly string[]).includes(f ?? '') ? (f as RowField) : null)) : null
  },
  async 'imports:mappingSet'({ headers, mapping }, { stores }) {
    if (mapping.length !== headers.length) throw AppError.field('mapping', 'One choice per column, please.')
    await stores.batches.saveMapping(headerSetKey(headers), mapping)
    return { saved: true }
  }
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}
