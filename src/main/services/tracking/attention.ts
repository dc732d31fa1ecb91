import type { Settings } from '@shared/domain/settings'
import type { AttentionDays } from '../store/shipments'

/** "Needs attention" as the user set it: days waiting at a pickup point, days with nothing heard. */
export const attentionDays = (s: Settings): AttentionDays => ({ pickupDays: s.attentionPickupDays, silentDays: s.attentionSilentDays })
