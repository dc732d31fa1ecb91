import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { stat, writeFile, utimes, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore, testAccount, dataOf } from '../../helpers/app-core'
import { domesticForm } from '../../helpers/booking-form'
import { pickupFormValues } from '../../helpers/pickup-form'
import { createMemorySecretStore } from '../../../src/main/services/secrets/memory-secret-store'
import type { IpcResult } from '../../../src/shared/ipc/app-error'

type Core = Awaited<ReturnType<typeof startCore>>
type Fail = Extract<IpcResult<unknown>, { ok: false }>

/** A rejection the user can act on: INVALID_INPUT, naming the field, with a message for it. */
function fieldError(res: IpcResult<unknown>, field: string): string {
  expect(res.ok).toBe(false)
  const error = (res as Fail).error
  expect(error.code).toBe('INVALID_INPUT')
  expect(Object.keys(error.fieldErrors ?? {})).toContain(field)
  return error.fieldErrors![field][0]
}

describe('bounded input and honest states', () => {
  const tempDir = useTempDir()
  let core: Core | undefined
  afterEach(async () => {
    await core?.close()
    core = undefined
  })
  const start = async (opts: Parameters<typeof startCore>[1] = {}) => (core = await startCore(await tempDir(), { timeoutMs: 1000, ...opts }))
  const history = (c: Core) => c.deps.localShipments.list({ query: '', limit: 100, offset: 0 }).items
  const bookingsSeen = (c: Core) => c.sim.requests.filter((r) => r.routeId === 'booking.book').length
  const setLanguage = (c: Core, language: 'en' | 'nb') => c.invoke('settings:set', { language })

  it('1. an API user with a non-ASCII letter is refused in Settings, in English and Norwegian', async () => {
    const c = await start()
    expect(fieldError(await c.invoke('credentials:save', { apiUid: 'łukasz@example.pl', apiKey: 'abc-123' }), 'apiUid')).toMatch(/e-mail address you log in to Mybring/)
    await setLanguage(c, 'nb')
    expect(fieldError(await c.invoke('credentials:save', { apiUid: 'łukasz@example.pl', apiKey: 'abc-123' }), 'apiUid')).toMatch(/e-postadressen du logger inn i Mybring/)
    expect(fieldError(await c.invoke('settings:set', { clientUrl: 'https://shop.example/\u0000x' }), 'clientUrl')).toMatch(/nettadresse/)
  })

  it('1/11. headers that cannot be sent (stored by an older version) leave the booking "not sent", never "outcome unknown"', async () => {
    const secrets = createMemorySecretStore()
    await secrets.set('łukasz@example.pl', testAccount.apiKey)
    const c = await start({ secretStore: secrets })
    await c.deps.settings.update({ apiUid: 'łukasz@example.pl', mode: 'test' })
    const res = await c.invoke('booking:submit', { form: domesticForm() })
    expect(res).toMatchObject({ ok: false, error: { code: 'BRING_NOT_SENT' } })
    expect((res as Fail).error.message).toMatch(/Nothing was sent to Bring/)
    expect(history(c).map((s) => s.status)).toEqual(['not_sent'])
    expect(bookingsSeen(c)).toBe(0)
  })

  it('2. customer numbers are capped and deduplicated: 2,000 are refused, the same one 40 times is one call', async () => {
    const c = await start()
    await c.useBringTest()
    const quote = { fromCountryCode: 'NO', fromPostalCode: '0150', toCountryCode: 'NO', toPostalCode: '5003', shippingDate: domesticForm().shippingDate, packages: [{ weightKg: '2,5' }] }
    expect(fieldError(await c.invoke('quote:run', { input: { ...quote, customerNumbers: Array.from({ length: 2000 }, (_, i) => String(i)) } }), 'input.customerNumbers')).toMatch(/At most 50/)
    const calls = () => c.sim.requests.filter((r) => r.path.startsWith('/shippingguide')).length
    expect(calls()).toBe(0)
    const res = await c.invoke('quote:run', { input: { ...quote, customerNumbers: Array(40).fill('5') } })
    expect(res.ok).toBe(true)
    expect(calls()).toBe(1)
  })

  it('4. a 5 MB reference is refused before parsing and nothing is written; a 36-character one names its field', async () => {
    const c = await start()
    const form = domesticForm()
    const huge = await c.invoke('booking:submit', { form: { ...form, recipient: { ...form.recipient, reference: 'x'.repeat(5_000_000) } } })
    expect(huge).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect((huge as Fail).error.message).toMatch(/too large/)
    expect(history(c)).toHaveLength(0)
    expect(fieldError(await c.invoke('booking:submit', { form: { ...form, recipient: { ...form.recipient, reference: 'x'.repeat(36) } } }), 'form.recipient.reference')).toMatch(/at most 35/)
    expect((await c.invokeRaw('drafts:bookingSet', { source: 'quote', createdAt: 'x'.repeat(2_000_000) })).ok).toBe(false)
    expect(history(c)).toHaveLength(0)
  })

  it('5. impossible dates and times, and non-numbers, are field errors (never INTERNAL, never silently moved)', async () => {
    const c = await start()
    const form = domesticForm()
    for (const shippingDate of ['9999-99-99', '2026-13-01', '2026-02-30', '1970-01-01']) {
      expect(fieldError(await c.invoke('booking:submit', { form: { ...form, shippingDate } }), 'form.shippingDate')).toMatch(/real date|from today/)
    }
    for (const shippingTime of ['24:00', '99:99']) expect(fieldError(await c.invoke('booking:submit', { form: { ...form, shippingTime } }), 'form.shippingTime')).toMatch(/00:00–23:59/)
    for (const weightInKg of [true, [10], 'ten']) {
      expect(fieldError(await c.invoke('booking:submit', { form: { ...form, packages: [{ ...form.packages[0], weightInKg }] } }), 'form.packages.0.weightInKg')).toMatch(/Enter a number/)
    }
    expect(fieldError(await c.invoke('shipments:list', { query: '', from: '9999-99-99' }), 'from')).toMatch(/real date/)
    expect(history(c)).toHaveLength(0)
  })

  it('5. "2,5" and "2.5" are the same weight', async () => {
    const c = await start()
    const form = domesticForm()
    const res = await c.invoke('booking:submit', { form: { ...form, packages: [{ ...form.packages[0], weightInKg: '2,5' }] } })
    expect(res).toMatchObject({ ok: true, data: { status: 'booked', form: { packages: [{ weightInKg: 2.5 }] } } })
  })

  it('6. a NUL in the history search and a pickup for an unknown shipment are field errors', async () => {
    const c = await start()
    expect(fieldError(await c.invoke('shipments:list', { query: 'Kari\u0000' }), 'query')).toMatch(/invisible/)
    const pickup = pickupFormValues({ coversShipmentIds: [crypto.randomUUID()] })
    expect(fieldError(await c.invoke('pickups:order', { form: pickup }), 'coversShipmentIds')).toMatch(/not in the history/)
    expect(c.sim.requests.filter((r) => r.path.startsWith('/pickup/api/create'))).toHaveLength(0)
  })

  it('7. control and direction characters are refused with a field message, in both languages', async () => {
    const c = await start()
    const form = domesticForm()
    const spoofed = { ...form, recipient: { ...form.recipient, name: 'Kari \u202Eeromm' } }
    expect(fieldError(await c.invoke('booking:submit', { form: spoofed }), 'form.recipient.name')).toMatch(/invisible control or direction characters/)
    await setLanguage(c, 'nb')
    expect(fieldError(await c.invoke('booking:submit', { form: { ...form, sender: { ...form.sender, city: 'OSLO\u0007' } } }), 'form.sender.city')).toMatch(/usynlige kontroll/)
    expect(bookingsSeen(c)).toBe(0)
    expect(history(c)).toHaveLength(0)
  })

  it('8. start-up removes temp files a crash left behind (not fresh ones) and fetches missing labels again', async () => {
    const dir = await tempDir()
    const first = await startCore(dir)
    const booked = dataOf(await first.invoke('booking:submit', { form: domesticForm() }))
    expect(booked.hasLabel).toBe(true)
    await first.close()
    const labelsDir = path.join(dir, 'labels')
    await rm(path.join(labelsDir, `${booked.consignmentNumber}.pdf`))
    const stale = path.join(dir, 'settings.json.0123456789ab.tmp')
    const fresh = path.join(labelsDir, 'x.pdf.ba9876543210.tmp')
    await writeFile(stale, 'half')
    await writeFile(fresh, 'half')
    const old = new Date(Date.now() - 5 * 60_000)
    await utimes(stale, old, old)
    const second = (core = await startCore(dir))
    expect(await second.deps.maintenance.tempFilesRemoved).toBe(1)
    expect(await readdir(dir)).not.toContain(path.basename(stale))
    expect(await readdir(labelsDir)).toContain(path.basename(fresh))
    expect(await second.deps.maintenance.labelsRefetched).toEqual({ missing: 1, stillMissing: 0 })
    expect(await readdir(labelsDir)).toContain(`${booked.consignmentNumber}.pdf`)
    const info = dataOf(await second.invoke('app:info'))
    expect(info.notices.map((n) => n.key)).toEqual(['labelsRefetched'])
    expect(info.notices.map((n) => n.text).join(' ')).toMatch(/1 label of a shipment .*downloaded again/)
  })

  it('8b. start-up looks for the last days’ missing labels only (never the whole history); when the labels folder was lost, for all', async () => {
    const dir = await tempDir()
    const first = await startCore(dir)
    const recent = dataOf(await first.invoke('booking:submit', { form: domesticForm() }))
    const older = dataOf(await first.invoke('booking:submit', { form: domesticForm() }))
    await first.close()
    // The older one was booked ten days ago (as a big history's shipments were).
    const file = new Database(path.join(dir, 'fraktdesk.sqlite3'))
    file.prepare('UPDATE shipments SET created_at = ? WHERE id = ?').run(new Date(Date.now() - 10 * 86_400_000).toISOString(), older.id)
    file.close()
    const labelsDir = path.join(dir, 'labels')
    for (const s of [recent, older]) await rm(path.join(labelsDir, `${s.consignmentNumber}.pdf`))
    const second = (core = await startCore(dir))
    expect(await second.deps.maintenance.labelsRefetched).toEqual({ missing: 1, stillMissing: 0 })
    expect(await readdir(labelsDir)).toContain(`${recent.consignmentNumber}.pdf`)
    expect(await readdir(labelsDir)).not.toContain(`${older.consignmentNumber}.pdf`)
    await second.close()
    core = undefined
    // The labels folder damaged (a file where the folder was): moved aside, every booked label fetched again.
    await rm(labelsDir, { recursive: true, force: true })
    await writeFile(labelsDir, 'not a folder')
    const third = (core = await startCore(dir))
    expect(await third.deps.maintenance.labelsRefetched).toEqual({ missing: 2, stillMissing: 0 })
  })

  it('9. the history is written with synchronous = FULL (a commit survives power loss)', async () => {
    const c = await start()
    expect(c.deps.localShipments.synchronousMode()).toBe('FULL')
  })

  it.skipIf(process.platform === 'win32')('10. database and labels are owner-only; the renderer learns "label available", never the label link', async () => {
    const c = await start()
    const res = dataOf(await c.invoke('booking:submit', { form: domesticForm() }))
    const mode = async (p: string) => (await stat(p)).mode & 0o777
    expect(await mode(path.join(c.deps.app.userDataDir, 'fraktdesk.sqlite3'))).toBe(0o600)
    expect(await mode(path.join(c.deps.app.userDataDir, 'fraktdesk.sqlite3-wal'))).toBe(0o600)
    expect(await mode(c.deps.app.labelsDir)).toBe(0o700)
    expect(await mode(c.deps.app.userDataDir)).toBe(0o700)
    expect(await mode(path.join(c.deps.app.labelsDir, `${res.consignmentNumber}.pdf`))).toBe(0o600)
    expect(res.confirmation?.labelAvailable).toBe(true)
    const sent = JSON.stringify([res, await c.invoke('shipments:get', { id: res.id }), await c.invoke('shipments:list', { query: '' })])
    expect(sent).not.toMatch(/labelUrl|waybillUrl|token=|\/labels?\//i)
  })
})
