import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore, testAccount } from '../../helpers/app-core'

describe('connection and customers channels', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  async function core(dir?: string) {
    const c = await startCore(dir ?? (await tempDir()))
    close = c.close
    return c
  }

  it('fresh app in Sandbox lists the demo customers without any account', async () => {
    const { invoke, sim } = await core()
    const res = await invoke('customers:list', { refresh: false })
    expect(res).toMatchObject({ ok: true, data: { source: 'network' } })
    if (!res.ok) return
    expect((res.data as { customers: { customerNumber: string }[] }).customers.map((c) => c.customerNumber)).toEqual(['5', '6', '7'])
    expect(sim.requests).toHaveLength(0) // sandbox is in-process, not the HTTP simulator
  })

  it('a wrong key against the HTTP simulator is rejected in plain words; the right key lists customers', async () => {
    const { invoke } = await core()
    await invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: 'wrong-key' })
    expect(await invoke('connection:check')).toEqual({ ok: false, error: { code: 'BRING_AUTH', message: 'Bring rejected the API user or key. Check them in Settings.', i18n: { key: 'auth' } } })
    await invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey })
    const ok = await invoke('connection:check')
    expect(ok).toMatchObject({ ok: true, data: { customers: [{ customerNumber: '5' }, { customerNumber: '6' }, { customerNumber: '7' }] } })
  })

  it('serves the cached list instantly and offline, saying how old it is and why', async () => {
    const dir = await tempDir()
    const c = await core(dir)
    await c.invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey })
    const first = await c.invoke('customers:list', { refresh: true })
    expect(first).toMatchObject({ ok: true, data: { source: 'network' } })
    c.sim.faults.add({ routeId: 'customer-info.customers', fault: { kind: 'reset' } })
    const cached = await c.invoke('customers:list', { refresh: false })
    expect(cached).toMatchObject({ ok: true, data: { source: 'cache' } })
    const offline = await c.invoke('customers:list', { refresh: true })
    expect(offline).toMatchObject({ ok: true, data: { source: 'cache', staleReason: 'The connection to Bring was cut off before an answer arrived.' } })
    if (first.ok && offline.ok) expect((offline.data as { fetchedAt: string }).fetchedAt).toBe((first.data as { fetchedAt: string }).fetchedAt)
  })

  it('leaving Sandbox needs credentials; live needs explicit confirmation', async () => {
    const { invoke } = await core()
    expect(await invoke('mode:set', { mode: 'test' })).toMatchObject({ ok: false, error: { code: 'NO_CREDENTIALS' } })
    await invoke('credentials:save', { apiUid: testAccount.apiUid, apiKey: testAccount.apiKey })
    expect(await invoke('mode:set', { mode: 'live' })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } })
    expect(await invoke('mode:set', { mode: 'live', confirmLive: true })).toMatchObject({ ok: true, data: { mode: 'live' } })
  })

  it('opens only allowlisted links in the browser', async () => {
    const { invoke, opened } = await core()
    expect(await invoke('shell:openExternal', { url: 'https://tracking.bring.com/tracking/123' })).toMatchObject({ ok: true })
    expect(await invoke('shell:openExternal', { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(opened).toEqual(['https://tracking.bring.com/tracking/123'])
  })
})
