import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import { startSimulatorServer, type SimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { sandboxAccount } from '../../../../src/main/services/bring-simulator/demo-data'

const sim = createSimulator({ rateLimits: { customerInfo: 5 } })
let server: SimulatorServer
beforeAll(async () => (server = await startSimulatorServer(sim)))
afterAll(async () => server.close())

const auth = { 'X-Mybring-API-Uid': sandboxAccount.apiUid, 'X-Mybring-API-Key': sandboxAccount.apiKey, 'X-Bring-Client-URL': 'https://x.example', Accept: 'application/json' }
const get = (headers: Record<string, string> = auth) => fetch(`${server.url}/customer-info/customers`, { headers })

describe('Bring simulator', () => {
  it('answers Customer Info like Bring for a known API user', async () => {
    const res = await get()
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.customers[0]).toMatchObject({ customerNumber: '5', countryCode: 'NO', name: 'Demo customer (00000000005)' })
  })

  it('is strict about auth and client headers, with Bring-shaped errors', async () => {
    const noKey = await get({ 'X-Mybring-API-Uid': 'x' })
    expect(noKey.status).toBe(401)
    expect(await noKey.json()).toEqual({ message: 'Missing X-Mybring-API-Uid or X-Mybring-API-Key header', status: 401 })
    expect((await get({ ...auth, 'X-Mybring-API-Key': 'nope' })).status).toBe(401)
    const noClient = await get({ 'X-Mybring-API-Uid': auth['X-Mybring-API-Uid'], 'X-Mybring-API-Key': auth['X-Mybring-API-Key'] })
    expect(noClient.status).toBe(400)
    expect((await fetch(`${server.url}/customer-info/nope`, { headers: auth })).status).toBe(404)
  })

  it('enforces its rate limit with 429 and Retry-After', async () => {
    await new Promise((r) => setTimeout(r, 1000))
    const statuses = await Promise.all(Array.from({ length: 8 }, () => get().then((r) => [r.status, r.headers.get('retry-after')])))
    expect(statuses.filter(([s]) => s === 200)).toHaveLength(5)
    expect(statuses.filter(([s]) => s === 429)).toEqual(Array(3).fill([429, '1']))
  })

  it('takes faults over its control route and logs requests without auth headers', async () => {
    await new Promise((r) => setTimeout(r, 1000))
    const add = await fetch(`${server.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ routeId: 'customer-info.customers', fault: { kind: 'status', status: 503 }, times: 1 }) })
    expect(add.status).toBe(201)
    expect((await get()).status).toBe(503)
    expect((await get()).status).toBe(200)
    const log = await (await fetch(`${server.url}/__simulator/requests`)).json()
    expect(log.length).toBeGreaterThan(3)
    expect(JSON.stringify(log)).not.toContain(sandboxAccount.apiKey)
    const bad = await fetch(`${server.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ routeId: 'x', fault: { kind: 'explode' } }) })
    expect(bad.status).toBe(400)
  })
})
