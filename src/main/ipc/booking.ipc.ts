import { followHere } from '../services/tracking/follow-here'
import { AppError } from '@shared/ipc/app-error'
import { isAllowedExternalUrl } from '../services/security/url-policy'
import { resolveLabelPath } from '../services/labels/label-files'
import { shipmentView } from '@shared/domain/booking'
import type { Handlers } from './invoke'
import path from 'node:path'
import { writeCsvFile } from '../services/batches/batch-files'
import { attentionCutoffs } from '../services/store/sqlite/tracking-repo'
import type { Settings } from '@shared/domain/settings'

const attentionDays = (s: Settings) => ({ pickupDays: s.attentionPickupDays, silentDays: s.attentionSilentDays })

export const bookingHandlers: Pick<
  Handlers,
  'booking:submit' | 'shipments:list' | 'shipments:count' | 'shipments:get' | 'shipments:resolve' | 'shipments:retry' | 'labels:download' | 'labels:open' | 'tracking:open' | 'tracking:get' | 'tracking:refresh' | 'tracking:attention' | 'tracking:spend' | 'tracking:spendCsv'
> = {
  async 'tracking:get'({ id }, { trackingRepo }) {
    const t = trackingRepo.get(id)
    return t ? { state: t.state, stateSince: t.stateSince, checkedAt: t.checkedAt, nextDue: t.nextDue, lastError: t.lastError, packages: t.packages, price: t.price, currency: t.currency } : null
  },
  async 'tracking:refresh'({ ids }, { tracking, trackingRepo, shipmentsStore, shipments }) {
    await followHere(ids, { store: shipmentsStore, local: shipments, tracking, isFollowed: (id) => trackingRepo.get(id) !== null })
    return tracking.refresh(ids)
  },
  'booking:submit': async ({ form, confirmLive }, { booking }) => shipmentView(await booking.submit(form, { confirmLive })),
  'shipments:list': async (filter, { shipmentsStore, settings }) => shipmentsStore.list({ ...filter, attentionDays: attentionDays(settings.get()) }),
  'shipments:count': async (filter, { shipmentsStore, settings }) => shipmentsStore.count({ ...filter, attentionDays: attentionDays(settings.get()) }),
  'tracking:spend': async (_input, { trackingRepo }) => trackingRepo.spend(),
  async 'tracking:spendCsv'({ headers }, { trackingRepo, app, openPath }) {
    const file = `spend-${new Date().toISOString().slice(0, 10)}.csv`
    await writeCsvFile(path.join(app.labelsDir, file), headers, trackingRepo.spend().map((r) => [r.month, r.customerNumber, r.productId, r.shipments, r.priced, r.unpriced, r.total, r.currency, r.quoted, r.quoted ? r.quotedTotal : '']))
    const problem = await openPath(await resolveLabelPath(app.labelsDir, file))
    if (problem) throw new AppError('INTERNAL', `The file could not be opened: ${problem}`)
    return { opened: true, file }
  },
  'tracking:attention': async (_input, { trackingRepo, settings }) => ({ count: trackingRepo.attentionCount(attentionCutoffs(new Date(), attentionDays(settings.get()))) }),
  async 'shipments:get'({ id }, { shipmentsStore }) {
    const s = await shipmentsStore.get(id)
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
  },
  async 'tracking:open'({ id }, { shipmentsStore, openExternal }) {
    const url = (await shipmentsStore.get(id))?.confirmation?.trackingUrl
    if (!url) throw AppError.field('id', 'This shipment has no tracking link yet.')
    if (!isAllowedExternalUrl(url)) throw AppError.field('id', 'Fraktdesk only opens https links to Bring, Mybring and Posten.')
    await openExternal(url)
    return { opened: true }
  }
}
