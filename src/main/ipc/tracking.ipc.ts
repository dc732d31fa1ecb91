import { AppError } from '@shared/ipc/app-error'
import { followHere } from '../services/tracking/follow-here'
import { attentionDays } from '../services/tracking/attention'
import { isAllowedExternalUrl } from '../services/security/url-policy'
import { attentionCutoffs } from '../services/store/tracking'
import type { HandlersOf } from './invoke'
import { saveCsvAndOpen } from './labels-folder'
import { osloDate } from '@shared/domain/oslo-calendar'

/** A shipment's journey at Bring, "Needs attention" and what Bring charged (Spend). */
export const trackingHandlers: HandlersOf<
  'tracking:open' | 'tracking:get' | 'tracking:refresh' | 'tracking:handle' | 'tracking:attention' | 'tracking:spend' | 'tracking:spendCsv',
  'stores' | 'tracking' | 'settings' | 'app' | 'openPath' | 'openExternal' | 'events'
> = {
  async 'tracking:get'({ id }, { stores, settings }) {
    const t = await stores.tracking.get(id)
    if (!t) return null
    const needsAttention = await stores.tracking.needsAttention(id, attentionCutoffs(new Date(), attentionDays(settings.get())))
    const { state, stateSince, checkedAt, nextDue, lastError, errorAt, goneAt, handled, packages, price, currency } = t
    return { state, stateSince, checkedAt, nextDue, lastError, errorAt, goneAt, needsAttention, handled, packages, price, currency }
  },
  async 'tracking:handle'({ id, note }, { stores, events }) {
    const handled = await stores.tracking.markHandled(id, note, new Date().toISOString())
    if (!handled) throw AppError.field('id', 'Fraktdesk does not follow this shipment, so there is nothing to mark handled.')
    events.emit('tracking:changed', { shipmentIds: [id] })
    return { handled }
  },
  async 'tracking:refresh'({ ids }, { tracking, stores }) {
    const followed = new Set((await Promise.all(ids.map(async (id) => ((await stores.tracking.get(id)) ? id : null)))).filter((id) => id !== null))
    await followHere(ids, { store: stores.shipments, tracking, isFollowed: (id) => followed.has(id) })
    return tracking.refresh(ids)
  },
  'tracking:attention': async (_input, { stores, settings }) => ({ count: await stores.tracking.attentionCount(attentionCutoffs(new Date(), attentionDays(settings.get()))) }),
  'tracking:spend': async (_input, { stores }) => stores.tracking.spend(),
  async 'tracking:spendCsv'({ headers }, { stores, app, openPath }) {
    const rows = (await stores.tracking.spend()).map((r) => [r.month, r.customerNumber, r.productId, r.shipments, r.priced, r.unpriced, r.total, r.currency, r.quoted, r.quoted ? r.quotedTotal : ''])
    return saveCsvAndOpen({ app, openPath }, `spend-${osloDate()}.csv`, headers, rows)
  },
  async 'tracking:open'({ id }, { stores, openExternal }) {
    const url = (await stores.shipments.get(id))?.confirmation?.trackingUrl
    if (!url) throw AppError.field('id', 'This shipment has no tracking link yet.')
    if (!isAllowedExternalUrl(url)) throw AppError.field('id', 'Fraktdesk only opens https links to Bring, Mybring and Posten.')
    await openExternal(url)
    return { opened: true }
  }
}
