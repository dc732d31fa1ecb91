import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createBringHttp, type BringHttp } from '../../../../src/main/services/bring/bring-http'
import { listCustomers } from '../../../../src/main/services/bring/customer-info'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer, type SimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { demoCustomers } from '../../../../src/main/services/bring-simulator/demo-data'
import { captureLogger } from '../../../helpers/log-capture'

const account = { apiUid: 'shop@example.no', apiKey: 'k3y-Secret-Value-123456', customers: demoCustomers.slice(0, 2) }
const sim = createSimulator({ accounts: [account] })
let server: SimulatorServer
const log = captureLogger()
const sleeps: number[] = []

beforeAll(async () => {
  server = await startSimulatorServer(sim)
})
afterAll(async () => server.close())
afterEach(() => {
  sim.reset()
  sleeps.length = 0
})

function client(auth = account, timeoutMs = 800): BringHttp {
  return createBringHttp({
    fetch: (input, init) => fetch(input, init),
    baseUrl: server.url,
    auth: async () => auth,
    clientUrl: 'https://butikk.example.no',
    logger: log.logger,
    timeoutMs,
    sleep: async (ms) => void sleeps.push(ms)
  })
}

const customerCalls = () => sim.requests.filter((r) => r.routeId === 'customer-info.customers').length

describe('Bring client against the HTTP simulator', () => {
  it('200: lists the customers with their products', async () => {
    const customers = await listCustomers(client())
    expect(customers.map((c) => c.customerNumber)).toEqual(['5', '6'])
    expect(customers[0].products).toContain('PICKUP_PARCEL')
  })

  it('sends the documented auth and client headers', async () => {
    const seen: Headers[] = []
    const http = createBringHttp({
      fetch: async (input, init) => (seen.push(new Headers(init.headers)), fetch(input, init)),
      baseUrl: server.url,
      auth: async () => account,
      clientUrl: 'https://butikk.example.no',
      logger: log.logger
    })
    await listCustomers(http)
    expect(seen[0].get('X-Mybring-API-Uid')).toBe(account.apiUid)
    expect(seen[0].get('X-Mybring-API-Key')).toBe(account.apiKey)
    expect(seen[0].get('X-Bring-Client-URL')).toBe('https://butikk.example.no')
    expect(seen[0].get('Accept')).toBe('application/json')
  })

  it('401 (wrong key): says Bring rejected the user or key', async () => {
    await expect(listCustomers(client({ ...account, apiKey: 'wrong' }))).rejects.toMatchObject({
      code: 'BRING_AUTH',
      message: 'Bring rejected the API user or key. Check them in Settings.'
    })
  })

  it('403: same plain message', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 403 } })
    await expect(listCustomers(client())).rejects.toMatchObject({ code: 'BRING_AUTH', message: 'Bring rejected the API user or key. Check them in Settings.' })
  })

  it('429 with Retry-After: waits that long and retries a safe request', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 429, retryAfter: '2' }, times: 1 })
    const customers = await listCustomers(client())
    expect(customers).toHaveLength(2)
    expect(sleeps).toEqual([2000])
    expect(customerCalls()).toBe(2)
  })

  it('429 that keeps coming: tells the user when to try again', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 429, retryAfter: '3' } })
    await expect(listCustomers(client())).rejects.toMatchObject({
      code: 'BRING_RATE_LIMITED',
      message: 'Bring is receiving too many requests from Fraktdesk. Try again in 3 seconds.'
    })
    expect(customerCalls()).toBe(3)
  })

  it('429 with a long Retry-After: does not hang, reports it', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 429, retryAfter: '120' } })
    await expect(listCustomers(client())).rejects.toMatchObject({ message: 'Bring is receiving too many requests from Fraktdesk. Try again in 120 seconds.' })
    expect(customerCalls()).toBe(1)
  })

  it('500: Bring is having problems', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 500 } })
    await expect(listCustomers(client())).rejects.toMatchObject({
      code: 'BRING_SERVER',
      message: 'Bring is having problems (HTTP 500). Try again in a few minutes.'
    })
  })

  it('503 once on a safe request: retried and succeeds', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 503 }, times: 1 })
    expect(await listCustomers(client())).toHaveLength(2)
    expect(customerCalls()).toBe(2)
  })

  it('timeout: says Bring did not answer in time', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'timeout' } })
    await expect(listCustomers(client(account, 300))).rejects.toMatchObject({ code: 'BRING_TIMEOUT', message: 'Bring did not answer within 0 seconds.' })
  })

  it('malformed JSON: says the answer could not be read', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'malformed' } })
    await expect(listCustomers(client())).rejects.toMatchObject({
      code: 'BRING_BAD_RESPONSE',
      message: 'Bring sent an answer Fraktdesk could not read (not valid JSON).'
    })
  })

  it('connection reset: says the connection was cut off', async () => {
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'reset' } })
    await expect(listCustomers(client())).rejects.toMatchObject({
      code: 'BRING_CONNECTION_LOST',
      message: 'The connection to Bring was cut off before an answer arrived.'
    })
  })

  it('nothing listening: says Bring cannot be reached, after retrying the connect', async () => {
    const closed = await startSimulatorServer(createSimulator())
    await closed.close()
    const http = createBringHttp({
      fetch: (input, init) => fetch(input, init),
      baseUrl: closed.url,
      auth: async () => account,
      clientUrl: 'x',
      logger: log.logger,
      sleep: async (ms) => void sleeps.push(ms)
    })
    await expect(listCustomers(http)).rejects.toMatchObject({ code: 'BRING_UNREACHABLE', message: "Can't reach Bring. Check your internet connection and try again." })
    expect(sleeps).toHaveLength(2)
  })

  it('a response missing a required field names that field', async () => {
    const http = client()
    await expect(
      http({ api: 'customerInfo', method: 'GET', path: '/customer-info/customers', idempotent: true, schema: z.object({ customers: z.array(z.object({ customerNumber: z.string(), vatNumber: z.string() })) }) })
    ).rejects.toMatchObject({ code: 'BRING_BAD_RESPONSE', message: "Bring's answer could not be used: customers.0.vatNumber is missing." })
  })

  it('tolerates unknown fields in Bring responses', async () => {
    const http = client()
    const res = await http({ api: 'customerInfo', method: 'GET', path: '/customer-info/customers', idempotent: true, schema: z.object({ customers: z.array(z.object({ name: z.string() })) }) })
    expect(res.customers[0].name).toBe('Demo customer (00000000005)')
  })

  it('never writes the API key into a log line', async () => {
    await listCustomers(client())
    sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 500 } })
    await listCustomers(client()).catch(() => undefined)
    log.logger.info({ headers: { 'X-Mybring-API-Key': account.apiKey }, apiKey: account.apiKey }, `debug dump ${account.apiKey}`)
    expect(log.lines.length).toBeGreaterThan(2)
    expect(log.text()).not.toContain(account.apiKey)
    expect(log.text()).toContain('[Redacted]')
  })
})
