import { osloDayBounds } from '@shared/domain/oslo-calendar'
import type { HandlersOf } from './invoke'

export const pickupsHandlers: HandlersOf<'pickups:options' | 'pickups:order' | 'pickups:list' | 'pickups:modify' | 'pickups:cancel' | 'pickups:today' | 'pickups:resolve' | 'pickups:retry', 'pickups' | 'stores' | 'bring'> = {
  'pickups:options': async (query, { pickups }) => pickups.options(query),
  'pickups:order': async ({ form, confirmLive }, { pickups }) => pickups.order(form, { confirmLive }),
  'pickups:list': async (_input, { stores }) => stores.pickups.list(),
  'pickups:modify': async ({ id, date }, { pickups }) => pickups.modify(id, date),
  'pickups:cancel': async ({ id }, { pickups }) => pickups.cancel(id),
  'pickups:resolve': async ({ id, ordered, shipmentNumber, orderAgain, confirmLive }, { pickups }) =>
    pickups.resolve(id, ordered ? { ordered: true, shipmentNumber } : { ordered: false, orderAgain, confirmLive }),
  'pickups:retry': async ({ id, confirmLive }, { pickups }) => pickups.resend(id, { confirmLive }),
  'pickups:today': async (_input, { stores, bring }) => stores.pickups.todaysUncovered(bring.mode(), ...osloDayBounds())
}
