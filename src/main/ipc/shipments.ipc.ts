import { AppError } from '@shared/ipc/app-error'
import { shipmentView } from '@shared/domain/booking'
import { resolveLabelPath } from '../services/labels/label-files'
import { attentionDays } from '../services/tracking/attention'
import type { HandlersOf } from './invoke'

/** The Shipments screen and a shipment's card: the history, resolving an unknown outcome, sending again, its label. */
export const shipmentsHandlers: HandlersOf<
  'shipments:list' | 'shipments:count' | 'shipments:get' | 'shipments:resolve' | 'shipments:retry' | 'labels:download' | 'labels:open',
  'stores' | 'settings' | 'booking' | 'app' | 'openPath'
> = {
  'shipments:list': async (filter, { stores, settings }) => stores.shipments.list({ ...filter, attentionDays: attentionDays(settings.get()) }),
  'shipments:count': async (filter, { stores, settings }) => stores.shipments.count({ ...filter, attentionDays: attentionDays(settings.get()) }),
  async 'shipments:get'({ id }, { stores }) {
    const s = await stores.shipments.get(id)
    if (!s) throw AppError.field('id', 'No such shipment.')
    return shipmentView(s)
  },
  'shipments:resolve': async ({ id, booked, consignmentNumber, sendAgain, confirmLive }, { booking }) =>
    shipmentView(await booking.resolve(id, booked ? { booked: true, consignmentNumber: consignmentNumber! } : { booked: false, sendAgain, confirmLive })),
  'shipments:retry': async ({ id, confirmLive }, { booking }) => shipmentView(await booking.resend(id, { confirmLive })),
  'labels:download': async ({ id }, { booking }) => shipmentView(await booking.downloadLabelAgain(id)),
  /** Opens the local copy (works offline); only files inside the app's labels folder. */
  async 'labels:open'({ id }, { booking, app, openPath }) {
    // Team mode: a label another desk booked is fetched through this desk's own Bring connection first.
    const file = await booking.labelOnThisDesk(id)
    const problem = await openPath(await resolveLabelPath(app.labelsDir, file))
    if (problem) throw new AppError('INTERNAL', `The label could not be opened: ${problem}`)
    return { opened: true }
  }
}
