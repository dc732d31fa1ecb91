// What the app's Bring client adds to a quote: the same Shipping Guide request through
// createBringHttp (auth headers, rate limiter, hand-off probe, zod parsing, mapping to rows) next
// to a raw fetch + JSON.parse, interleaved, against the local simulator, under the rate limit.
import { createBringHttp } from '../../src/main/services/bring/bring-http'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { buildShippingGuideRequest, quoteForCustomer } from '../../src/main/services/bring/shipping-guide'
import { createSimulator } from '../../src/main/services/bring-simulator/engine'
import { startSimulatorServer } from '../../src/main/services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from '../../src/main/services/bring-simulator/demo-data'
import { createLogger } from '../../src/main/services/log/logger'
import { quoteInputSchema } from '../../src/shared/domain/quote'
import { osloDate } from '../../src/shared/domain/fields'
import { printTable, quick, ms, stats, timeAsync } from '../lib'

export interface ClientResult {
  appP50: number
  rawP50: number
  overheadP50: number
  pairs: number
}

export async function benchClient(): Promise<ClientResult> {
  const pairs = quick ? 40 : 300
  const sim = createSimulator({ accounts: [sandboxAccount], maxRequests: 100 })
  const server = await startSimulatorServer(sim)
  const auth = { apiUid: sandboxAccount.apiUid, apiKey: sandboxAccount.apiKey }
  const clientUrl = 'https://fraktdesk.app/bench'
  const http = createBringHttp({ fetch: socketReportingFetch(), baseUrl: server.url, auth: async () => auth, clientUrl, logger: createLogger({ write: () => true }, 'warn') })
  const customer = demoCustomers[0]
  const products = customer.products.slice(0, 4)
  const input = quoteInputSchema.parse({ fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: osloDate(), packages: [{ weightKg: 2.5, lengthCm: 40, widthCm: 30, heightCm: 20 }], customerNumbers: [customer.customerNumber] })
  const body = JSON.stringify(buildShippingGuideRequest(input, customer, products, 'nb'))
  const raw = async (): Promise<unknown> => {
    const res = await fetch(`${server.url}/shippingguide/api/v2/products`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Mybring-API-Uid': auth.apiUid, 'X-Mybring-API-Key': auth.apiKey, 'X-Bring-Client-URL': clientUrl },
      body
    })
    return JSON.parse(await res.text())
  }
  const app = (): Promise<unknown> => quoteForCustomer(http, input, customer, products, 'nb')
  for (let i = 0; i < 10; i++) await Promise.all([raw(), app()]) // warm up connections and JIT
  const appTimes: number[] = []
  const rawTimes: number[] = []
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first; ~40 requests/s stays far under the Shipping Guide's 120/s.
    if (i % 2) rawTimes.push(await timeAsync(raw))
    appTimes.push(await timeAsync(app))
    if (!(i % 2)) rawTimes.push(await timeAsync(raw))
    await new Promise((r) => setTimeout(r, 50))
  }
  await server.close()
  const result = { appP50: stats(appTimes).p50, rawP50: stats(rawTimes).p50, overheadP50: stats(appTimes).p50 - stats(rawTimes).p50, pairs }
  printTable(`Bring client overhead: a quote through the app's client vs raw fetch (${pairs} interleaved pairs, ms)`, ['', 'app p50', 'raw fetch p50', 'overhead p50'], [
    ['Shipping Guide quote', ms(result.appP50), ms(result.rawP50), ms(result.overheadP50)]
  ])
  return result
}
