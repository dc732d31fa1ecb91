import { describe, expect, it } from 'vitest'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { createInProcessFetch } from '../../../../src/main/services/bring-simulator/in-process-fetch'
import { sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'
import { createBringHttp } from '../../../../src/main/services/bring/bring-http'
import { buildBookingRequest, postBooking, toConfirmation } from '../../../../src/main/services/bring/booking'
import { isWorkingDay, workingDaysBetween } from '../../../../src/main/services/calendar/norwegian-calendar'
import { osloDate } from '../../../../src/shared/domain/oslo-calendar'
import { domesticForm } from '../../../helpers/booking-form'
import { captureLogger } from '../../../helpers/log-capture'

// The Sandbox's promise is judged by the delivery record on Norway's calendar: it must never fall on a
// day that calendar calls a holiday, Easter and Pentecost included.
describe("the Sandbox's promise on Norway's calendar", () => {
  it('booked the Wednesday before Easter, home delivery Oslo → Bergen (two working days) is promised the Wednesday after', async () => {
    const sim = createSimulator({ now: () => new Date('2026-04-01T08:00:00Z') })
    const http = createBringHttp({ fetch: createInProcessFetch(sim), baseUrl: 'https://api.bring.com', auth: async () => sandboxAccount, clientUrl: 'https://fraktdesk.test', logger: captureLogger().logger })
    const promised = toConfirmation(await postBooking(http, buildBookingRequest(domesticForm({ productId: '5600' }), 'sandbox')))!.expectedDelivery!
    const day = osloDate(new Date(promised))
    // Maundy Thursday, Good Friday and Easter Monday are not working days; the Tuesday is the first.
    expect(day).toBe('2026-04-08')
    expect(isWorkingDay(day)).toBe(true)
    expect(workingDaysBetween('2026-04-01', day)).toBe(2)
  })
})
