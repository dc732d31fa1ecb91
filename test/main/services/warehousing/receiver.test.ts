import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { useTempDir } from '../../../helpers/temp-dir'
import { captureLogger } from '../../../helpers/log-capture'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { createWarehouseRepo } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { createReceiver, successBody, type ReceiverCredentials } from '../../../../src/main/services/warehousing/receiver'

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/warehousing', name), 'utf8')
const SECRET = 'r3ceiver-Secret-0f-32-characters!'

describe('warehousing receiver over a real socket', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => {
    await close?.()
    close = undefined
  })

  async function start(creds: ReceiverCredentials = { auth: 'apiKey', user: 'bring', secret: SECRET }, extra: Partial<Parameters<typeof createReceiver>[0]> = {}) {
    const db = openDatabase(await tempDir())
    const repo = createWarehouseRepo(db)
    const log = captureLogger()
    const receiver = createReceiver({ repo: sqliteWarehouseStore(repo), credentials: () => creds, logger: log.logger, maxBodyBytes: 200_000, failureDelayMs: () => 5, ...extra })
    const server = await receiver.listen(0, '127.0.0.1')
    close = async () => {
      await server.close()
      db.close()
    }
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(server.url, { method: 'POST', body, headers: { 'content-type': 'application/xml', 'x-api-key': SECRET, ...headers } })
    return { repo, db, log, url: server.url, post }
  }

  it('stores the message, then answers Bring’s documented success (XML for XML, JSON for JSON) with a unique request id', async () => {
    const r = await start()
    const res = await r.post(fixture('despatch-advice.xml'))
    expect(res.status).toBe(200)
    const body = await res.text()
    const id = /<RequestID>([^<]+)<\/RequestID>/.exec(body)![1]
    expect(body).toBe(successBody('xml', id))
    expect(body).toContain('<ns0:PostbackResponse xmlns:ns0="http://interchange.bring.com/SupplyChain.Response"><Message>success</Message>')
    const json = await r.post(fixture('despatch-advice.json'), { 'content-type': 'application/json' })
    const parsed = (await json.json()) as { PostBackResponse: { Message: string; RequestID: string } }
    expect(parsed.PostBackResponse.Message).toBe('success')
    expect(parsed.PostBackResponse.RequestID).not.toBe(id)
    expect(r.repo.list({ query: '', limit: 10, offset: 0 }).items.map((m) => m.orderNumber)).toEqual(['WEB-1003', 'WEB-1001'])
  })

  it('Basic and X-API-KEY are accepted; missing or wrong credentials get 401 with no detail and are logged without the secret', async () => {
    const basic = await start({ auth: 'basic', user: 'bring', secret: SECRET })
    const auth = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`
    expect((await basic.post(fixture('inventory-report.xml'), { 'x-api-key': '', authorization: auth('bring', SECRET) })).status).toBe(200)
    const attempts: Record<string, string>[] = [{ 'x-api-key': '' }, { 'x-api-key': '', authorization: auth('bring', 'wrong') }, { 'x-api-key': '', authorization: auth('other', SECRET) }]
    for (const headers of attempts) {
      const res = await basic.post(fixture('inventory-report.xml'), headers)
      expect(res.status).toBe(401)
      expect(await res.text()).toBe('Unauthorized')
    }
    expect(basic.log.text()).toContain('unauthorized request')
    expect(basic.log.text()).not.toContain(SECRET)
    await close?.()
    const key = await start()
    expect((await key.post(fixture('inventory-report.xml'), { 'x-api-key': 'nope' })).status).toBe(401)
    expect((await key.post(fixture('inventory-report.xml'))).status).toBe(200)
  })

  it('wrong credentials sent in parallel are answered one after another (each after its delay), and past a few waiting the address is told to come back later', async () => {
    const r = await start(undefined, { failureDelayMs: () => 40 })
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: 30 }, () => r.post(fixture('inventory-report.xml'), { 'x-api-key': 'guess' }).then(async (res) => ({ status: res.status, at: Date.now() - started }))))
    const unauthorized = answers.filter((a) => a.status === 401)
    const later = answers.filter((a) => a.status === 429)
    expect(unauthorized.length + later.length).toBe(30)
    expect(later.length).toBeGreaterThan(0)
    // Guesses learn nothing faster than one per delay: the last 401 came after all the delays before it.
    expect(Math.max(...unauthorized.map((a) => a.at))).toBeGreaterThanOrEqual(40 * unauthorized.length - 20)
  })

  it('a JSON message with a key that names object machinery (__proto__) is refused with a plain reason', async () => {
    const r = await start()
    const res = await r.post('{"__proto__": {"polluted": true}, "despatchAdvice": {}}', { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(await res.text()).toBe('the JSON key “__proto__” is not allowed')
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('a client sending its headers a byte at a time is cut off when the header timeout runs out, not tens of seconds later; a trickling body too', async () => {
    const r = await start(undefined, { headersTimeoutMs: 600, checkEveryMs: 100, minBodyBytesPerSecond: 1000, bodyRateWindowMs: 400 })
    const { port } = new URL(r.url)
    const { connect } = await import('node:net')
    const closedAfter = (write: (socket: import('node:net').Socket) => void): Promise<number> =>
      new Promise((resolve) => {
        const started = Date.now()
        const socket = connect(Number(port), '127.0.0.1', () => write(socket))
        socket.on('error', () => undefined)
        socket.on('close', () => resolve(Date.now() - started))
      })
    const slowHeaders = await closedAfter((socket) => {
      const text = 'POST / HTTP/1.1\r\nHost: x\r\n'
      let i = 0
      const t = setInterval(() => (i < text.length && !socket.destroyed ? socket.write(text[i++]) : clearInterval(t)), 50)
      socket.on('close', () => clearInterval(t))
    })
    expect(slowHeaders).toBeLessThan(1500)
    const slowBody = await closedAfter((socket) => {
      socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nX-API-KEY: ${SECRET}\r\nContent-Length: 5000\r\n\r\n`)
      const t = setInterval(() => (!socket.destroyed ? socket.write('<') : clearInterval(t)), 50)
      socket.on('close', () => clearInterval(t))
    })
    expect(slowBody).toBeLessThan(1500)
  })

  it('413 above the size limit, 415 for another content type, 405 for GET, 400 with a reason (kept in the rejected list) for a malformed body', async () => {
    const r = await start()
    expect((await r.post(`<x>${'a'.repeat(300_000)}</x>`)).status).toBe(413)
    expect((await r.post('hello', { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await fetch(r.url, { headers: { 'x-api-key': SECRET } })).status).toBe(405)
    const bad = await r.post('<order><unclosed></order>')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/^not well-formed XML/)
    expect(r.repo.rejected()).toHaveLength(1)
    expect(r.repo.counts().stored).toBe(0)
  })

  it('the same message twice is stored once and answered with its original request id; an unknown type is kept', async () => {
    const r = await start()
    const first = await (await r.post(fixture('outbound-notification.xml'))).text()
    const again = await (await r.post(fixture('outbound-notification.xml').replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8" ?>'))).text()
    expect(again).toBe(first)
    expect((await r.post('<receivingAdviceMessage><x>1</x></receivingAdviceMessage>')).status).toBe(200)
    expect(r.repo.counts().stored).toBe(2)
    expect(r.repo.list({ query: '', kind: 'unrecognised', limit: 5, offset: 0 }).items).toHaveLength(1)
  })

  it('500 concurrent posts of 250 distinct messages (each twice) are all stored exactly once', async () => {
    const r = await start()
    const template = fixture('despatch-advice.xml')
    const bodies = Array.from({ length: 250 }, (_, i) => template.replace('BW-DESADV-100234', `BW-DESADV-${200000 + i}`).replace('WEB-1001', `WEB-${5000 + i}`))
    const answers = await Promise.all([...bodies, ...bodies].map((b) => r.post(b).then((res) => res.text())))
    expect(answers.every((a) => a.includes('<Message>success</Message>'))).toBe(true)
    expect(r.repo.counts().stored).toBe(250)
    const ids = answers.map((a) => /<RequestID>([^<]+)</.exec(a)![1])
    expect(new Set(ids).size).toBe(250)
  }, 30_000)

  it('inventory: a report sets the quantities, an adjustment changes one and is listed under it; search finds by order, article and tracking number', async () => {
    const r = await start()
    await r.post(fixture('inventory-report.xml'))
    await r.post(fixture('inventory-adjustment.xml'))
    await r.post(fixture('despatch-advice.xml'))
    const inv = r.repo.inventory()
    expect(inv.map((i) => [i.article, i.quantity])).toEqual([['CUP-WHITE', 34], ['TEA-GREEN-100', 120]])
    expect(inv[0].adjustments).toEqual([{ at: '2026-11-27T15:30:00+01:00', delta: -2, reason: 'DAMAGED' }])
    const find = (query: string) => r.repo.list({ query, limit: 10, offset: 0 }).items.map((m) => m.kind)
    expect(find('WEB-1001')).toEqual(['order'])
    expect(find('CUP-WH')).toEqual(['order', 'adjustment', 'inventory'])
    expect(find('70438101234567890')).toEqual(['order'])
  })
})
