import { afterEach, describe, expect, it } from 'vitest'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { useTempDir } from '../../../helpers/temp-dir'
import { startCore, dataOf } from '../../../helpers/app-core'
import { domesticForm } from '../../../helpers/booking-form'
import { startSimulatorServer } from '../../../../src/main/services/bring-simulator/http-server'
import { createSimulator } from '../../../../src/main/services/bring-simulator/engine'
import type { Fault } from '../../../../src/main/services/bring-simulator/faults'

type Core = Awaited<ReturnType<typeof startCore>>

describe('booking: never lose, never double', () => {
  const tempDir = useTempDir()
  let core: Core | undefined
  afterEach(async () => {
    await core?.close()
    core = undefined
  })

  async function bringTest(opts: Parameters<typeof startCore>[1] = {}): Promise<Core> {
    core = await startCore(await tempDir(), { timeoutMs: 400, ...opts })
    await core.useBringTest()
    return core
  }
  const bookings = (c: Core) => c.sim.requests.filter((r) => r.routeId === 'booking.book')
  const history = (c: Core) => c.deps.localShipments.list({ query: '', limit: 100, offset: 0 }).items
  const submit = async (c: Core, form = domesticForm()) => c.invoke('booking:submit', { form })

  it('books: one booked record with confirmation, label PDF saved in the labels folder', async () => {
    const c = await bringTest()
    const res = await submit(c)
    expect(res.ok).toBe(true)
    const s = dataOf(res)
    expect(s).toMatchObject({ status: 'booked', mode: 'test', recipientName: 'Kari Mottaker' })
    expect(s.confirmation?.consignmentNumber).toMatch(/^70438101\d{9}$/)
    expect(s.confirmation?.packageNumbers).toHaveLength(1)
    expect(s.hasLabel).toBe(true)
    const pdf = await readFile(path.join(c.deps.app.labelsDir, `${s.confirmation!.consignmentNumber}.pdf`))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(history(c)).toHaveLength(1)
    expect(bookings(c)).toHaveLength(1)
    expect((bookings(c)[0].body as { testIndicator: boolean }).testIndicator).toBe(true)
  })

  const unknownFaults: [string, Fault][] = [
    ['timeout before Bring answers', { kind: 'timeout' }],
    ['timeout after Bring accepted', { kind: 'timeout', afterHandling: true }],
    ['HTTP 500', { kind: 'status', status: 500 }],
    ['HTTP 503', { kind: 'status', status: 503 }],
    ['connection reset after sending', { kind: 'reset', afterHandling: true }],
    ['connection reset', { kind: 'reset' }],
    ['malformed JSON', { kind: 'malformed' }]
  ]
  it.each(unknownFaults)('%s: exactly one record, "outcome unknown", one request, no retry', async (_name, fault) => {
    const c = await bringTest()
    c.sim.faults.add({ routeId: 'booking.book', fault })
    const res = await submit(c)
    expect(res).toMatchObject({ ok: true, data: { status: 'outcome_unknown' } })
    expect(dataOf(res).error?.message).toMatch(/Check Mybring/)
    expect(history(c)).toHaveLength(1)
    expect(history(c)[0].status).toBe('outcome_unknown')
    expect(bookings(c)).toHaveLength(1)
  })

  it('429 with Retry-After: waits and retries (Bring did not process it), one booked record', async () => {
    const c = await bringTest()
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 })
    const res = await submit(c)
    expect(res).toMatchObject({ ok: true, data: { status: 'booked' } })
    expect(bookings(c)).toHaveLength(2)
    expect(history(c)).toHaveLength(1)
  })

  it('never connected: one "not sent" record (safe to send again), the simulator saw nothing', async () => {
    const closed = await startSimulatorServer(createSimulator())
    await closed.close()
    const c = await bringTest({ baseUrl: closed.url })
    const res = await submit(c)
    expect(res).toMatchObject({ ok: false, error: { code: 'BRING_UNREACHABLE' } })
    expect(history(c).map((s) => s.status)).toEqual(['not_sent'])
    expect(bookings(c)).toHaveLength(0)
  })

  it('connection opened but the TLS handshake never finished: "not sent", not "outcome unknown" (no byte of the booking left)', async () => {
    // A server that accepts TCP and then says nothing: the request's headers can never be written.
    const sockets: Socket[] = []
    const silent = createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const c = await bringTest({ baseUrl: `https://127.0.0.1:${(silent.address() as AddressInfo).port}` })
      const res = await submit(c)
      expect(res).toMatchObject({ ok: false, error: { code: 'BRING_UNREACHABLE' } })
      expect(history(c).map((s) => s.status)).toEqual(['not_sent'])
      expect(sockets.length).toBeGreaterThan(0)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise((r) => silent.close(r))
    }
  })

  it('"sending" is on disk before Bring sees the first byte', async () => {
    const c = await bringTest()
    let statusWhenBringSawIt: string | undefined
    const realHandle = c.sim.handle.bind(c.sim)
    c.sim.handle = async (req) => {
      if (new URL(req.url).pathname.endsWith('/booking')) statusWhenBringSawIt = history(c)[0]?.status
      return realHandle(req)
    }
    await submit(c)
    expect(statusWhenBringSawIt).toBe('sending')
    expect(history(c)[0].status).toBe('booked')
  })

  it('a Bring validation error lands on its field; correcting and resubmitting keeps one record', async () => {
    const c = await bringTest()
    // Bring's postal code register cannot be asked (so the check before booking lets the code through): Bring's own refusal is what comes back.
    c.sim.faults.add({ routeId: 'postal-code.lookup', fault: { kind: 'reset' } })
    const form = domesticForm()
    const bad = { ...form, recipient: { ...form.recipient, postalCode: '0000' } }
    const res = await c.invoke('booking:submit', { form: bad })
    expect(res).toMatchObject({ ok: false, error: { code: 'BRING_VALIDATION', fieldErrors: { 'recipient.postalCode': ['Invalid postal code 0000 for recipient'] } } })
    expect(history(c).map((s) => s.status)).toEqual(['failed'])
    const fixed = await c.invoke('booking:submit', { form })
    expect(fixed).toMatchObject({ ok: true, data: { status: 'booked', recipientPostalCode: '5003' } })
    expect(history(c)).toHaveLength(1)
    expect(bookings(c)).toHaveLength(2)
  })

  it('before anything is saved or sent, the addresses are checked against Bring’s postal code register: an unknown code, a city that is not Bring’s, a post office box for a door delivery', async () => {
    const c = await bringTest()
    const form = domesticForm()
    const refused = async (changes: Partial<typeof form.recipient>, productId = form.productId) => c.invoke('booking:submit', { form: { ...form, clientRequestId: crypto.randomUUID(), productId, recipient: { ...form.recipient, ...changes } } })
    expect(await refused({ postalCode: '9999' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fieldErrors: { 'recipient.postalCode': ['Bring does not know the postal code 9999 in NO'] } } })
    expect(await refused({ postalCode: '1337', city: 'BERGEN' })).toMatchObject({ ok: false, error: { fieldErrors: { 'recipient.city': ["Bring's city for 1337 is SANDVIKA"] } } })
    expect(await refused({ postalCode: '0001', city: 'OSLO' }, '5600')).toMatchObject({ ok: false, error: { fieldErrors: { 'recipient.postalCode': [expect.stringMatching(/0001 is a post office box/)] } } })
    // Nothing was saved, nothing reached Bring.
    expect(history(c)).toHaveLength(0)
    expect(bookings(c)).toHaveLength(0)
    // A pickup point service takes a P.O. box code; a city in other letter case is the same city.
    expect(await refused({ postalCode: '0001', city: 'Oslo' })).toMatchObject({ ok: true, data: { status: 'booked' } })
  })

  it('the pickup point a recipient collects at is remembered: suggested with the recipient, and kept when the recipient is saved to the address book', async () => {
    const c = await bringTest()
    const form = { ...domesticForm(), additionalServices: ['SELECT_PICKUP_POINT'], pickupPointId: '500303', pickupPointName: 'Rema 1000 Bergen sentrum, KIRKEGATA 5, 5003 BERGEN' }
    const booked = await c.invoke('booking:submit', { form })
    expect(booked).toMatchObject({ ok: true, data: { status: 'booked' } })
    const suggested = dataOf(await c.invoke('recipients:suggest', { query: form.recipient.name.slice(0, 4) }))
    expect(suggested[0].preferred.pickupPoint).toEqual({ id: '500303', name: 'Rema 1000 Bergen sentrum, KIRKEGATA 5, 5003 BERGEN' })
    expect(dataOf(await c.invoke('addressBook:addFromShipments', { ids: [dataOf(booked).id] }))).toEqual({ added: 1, skipped: 0 })
    const saved = dataOf(await c.invoke('addressBook:list', { query: '', kind: 'recipient' }))
    expect(saved.items[0].preferred.pickupPoint?.id).toBe('500303')
  })

  it('double submit (double click, Enter twice, two windows) sends one request', async () => {
    const c = await bringTest()
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'latency', ms: 150 } })
    const form = domesticForm()
    const results = await Promise.all([submit(c, form), submit(c, form), submit(c, form)])
    const ids = new Set(results.map((r) => dataOf(r).id))
    expect(ids.size).toBe(1)
    const again = await submit(c, form)
    expect(dataOf(again).id).toBe([...ids][0])
    expect(bookings(c)).toHaveLength(1)
    expect(history(c)).toHaveLength(1)
  })

  it('Live mode refuses to book without the final confirmation, and sends testIndicator false with it', async () => {
    const c = await bringTest()
    await c.invoke('mode:set', { mode: 'live', confirmLive: true })
    const res = await submit(c)
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('real shipment at real cost') } })
    expect(history(c)).toHaveLength(0)
    const ok = await c.invoke('booking:submit', { form: domesticForm(), confirmLive: true })
    expect(ok).toMatchObject({ ok: true, data: { status: 'booked', mode: 'live' } })
    expect((bookings(c)[0].body as { testIndicator: boolean }).testIndicator).toBe(false)
  })

  it('outcome unknown is resolved by hand: marked booked with the number from Mybring, or sent again', async () => {
    const c = await bringTest()
    c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 502 }, times: 2 })
    const a = dataOf(await submit(c))
    const b = dataOf(await submit(c))
    expect([a.status, b.status]).toEqual(['outcome_unknown', 'outcome_unknown'])
    const marked = await c.invoke('shipments:resolve', { id: a.id, booked: true, consignmentNumber: '70438101263797410' })
    expect(marked).toMatchObject({ ok: true, data: { status: 'booked', consignmentNumber: '70438101263797410' } })
    const retried = await c.invoke('shipments:retry', { id: b.id })
    expect(retried).toMatchObject({ ok: true, data: { status: 'booked' } })
    expect(history(c)).toHaveLength(2)
    expect(bookings(c)).toHaveLength(3)
    expect(await c.invoke('shipments:resolve', { id: a.id, booked: true })).toMatchObject({ ok: false, error: { fieldErrors: { consignmentNumber: expect.any(Array) } } })
  })

  it('a label that fails to download does not undo the booking; it can be fetched again', async () => {
    const c = await bringTest()
    c.sim.faults.add({ routeId: 'booking.label-file', fault: { kind: 'status', status: 500 }, times: 1 })
    const res = dataOf(await submit(c))
    expect(res).toMatchObject({ status: 'booked', hasLabel: false })
    expect(await c.invoke('labels:download', { id: res.id })).toMatchObject({ ok: true, data: { hasLabel: true } })
    expect(await c.invoke('labels:open', { id: res.id })).toMatchObject({ ok: true })
    expect(c.openedPaths).toEqual([path.join(c.deps.app.labelsDir, `${res.consignmentNumber}.pdf`)])
  })

  it('"Open label" fetches a label that is not in this desk\'s labels folder (deleted, or booked by another desk) through Bring again', async () => {
    const c = await bringTest()
    const res = dataOf(await submit(c))
    const file = path.join(c.deps.app.labelsDir, `${res.consignmentNumber}.pdf`)
    await rm(file)
    const fetched = c.sim.requests.filter((r) => r.routeId === 'booking.label-file').length
    expect(await c.invoke('labels:open', { id: res.id })).toMatchObject({ ok: true })
    expect(c.openedPaths).toEqual([file])
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(c.sim.requests.filter((r) => r.routeId === 'booking.label-file').length).toBe(fetched + 1)
  })
})

describe('a booking interrupted by the app stopping', () => {
  const tempDir = useTempDir()
  it('handed off but unanswered: comes back as "outcome unknown" on the next start, request intact', async () => {
    const dir = await tempDir()
    const first = await startCore(dir)
    const pending = first.deps.localShipments.insertPending(domesticForm(), { the: 'request' }, 'test')
    first.deps.localShipments.markSending(pending.id)
    await first.close()
    const second = await startCore(dir)
    try {
      const s = second.deps.localShipments.get(pending.id)
      expect(s).toMatchObject({ status: 'outcome_unknown', request: { the: 'request' } })
      expect(s?.error?.message).toMatch(/Fraktdesk stopped while this booking was being sent/)
    } finally {
      await second.close()
    }
  })

  it('saved but never handed off: comes back as "not sent" and goes out on "Send again"', async () => {
    const dir = await tempDir()
    const first = await startCore(dir)
    const pending = first.deps.localShipments.insertPending(domesticForm(), { the: 'request' }, 'sandbox')
    await first.close()
    const second = await startCore(dir)
    try {
      const s = second.deps.localShipments.get(pending.id)
      expect(s).toMatchObject({ status: 'not_sent', request: { the: 'request' } })
      expect(s?.error?.message).toMatch(/stopped before this booking was sent.*safe to send it again/)
      const again = dataOf(await second.invoke('shipments:retry', { id: pending.id }))
      expect(again).toMatchObject({ id: pending.id, status: 'booked' })
    } finally {
      await second.close()
    }
  })
})

describe('sending again after the mode changed', () => {
  const tempDir = useTempDir()
  it('refuses to resend a test booking as a live one', async () => {
    const c = await startCore(await tempDir())
    try {
      await c.useBringTest()
      c.sim.faults.add({ routeId: 'booking.book', fault: { kind: 'status', status: 500 }, times: 1 })
      const first = dataOf(await c.invoke('booking:submit', { form: domesticForm() }))
      expect(first.status).toBe('outcome_unknown')
      await c.invoke('mode:set', { mode: 'live', confirmLive: true })
      const res = await c.invoke('shipments:retry', { id: first.id, confirmLive: true })
      expect(res).toMatchObject({ ok: false, error: { message: 'This shipment was started in test mode. Switch back to that mode to send it again.' } })
      expect(c.sim.requests.filter((r) => r.routeId === 'booking.book')).toHaveLength(1)
    } finally {
      await c.close()
    }
  })
})
