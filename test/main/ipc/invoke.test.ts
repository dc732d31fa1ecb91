import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../../src/main/ipc/invoke'
import { handlers } from '../../../src/main/ipc/handlers'
import { AppError } from '../../../src/shared/ipc/app-error'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore, TRUSTED } from '../../helpers/app-core'

describe('IPC dispatcher (the one wrapper every channel goes through)', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<void>) | undefined
  afterEach(async () => close?.())

  async function core() {
    const c = await startCore(await tempDir())
    close = c.close
    return c
  }

  it('refuses a call whose sender is not the app renderer, before running the handler', async () => {
    const { dispatch, deps } = await core()
    const before = deps.settings.get().language
    const res = await dispatch('settings:set', { language: before === 'en' ? 'nb' : 'en' }, 'https://evil.example/')
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) })
    expect(deps.settings.get().language).toBe(before)
    expect((await dispatch('app:info', undefined, undefined)).ok).toBe(false)
  })

  it('answers a trusted sender', async () => {
    const { dispatch } = await core()
    const res = await dispatch('app:info', undefined, TRUSTED)
    expect(res.ok).toBe(true)
  })

  it('returns a structured error with field errors on bad input', async () => {
    const { invoke } = await core()
    const res = await invoke('credentials:save', { apiUid: '', apiKey: 'x' })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('INVALID_INPUT')
    expect(res.error.fieldErrors?.apiUid?.[0]).toMatch(/Mybring API user/)
  })

  it('rejects unknown keys and unknown channels', async () => {
    const { invokeRaw: invoke } = await core()
    const extra = await invoke('settings:set', { language: 'nb', apiKey: 'sneaky' })
    expect(extra.ok).toBe(false)
    const unknown = await invoke('fs:readFile', { path: '/etc/passwd' })
    expect(unknown).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT', message: 'Unknown channel fs:readFile' }) })
  })

  it("a Norwegian desk reads main's errors in Norwegian, the English desk in English", async () => {
    const { invoke } = await core()
    const missing = { id: '00000000-0000-4000-8000-000000000000' }
    expect(await invoke('shipments:get', missing)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'No such shipment.' } })
    await invoke('settings:set', { language: 'nb' })
    expect(await invoke('shipments:get', missing)).toMatchObject({ ok: false, error: { message: 'Sendingen finnes ikke.' } })
    expect(await invoke('pickups:cancel', missing)).toMatchObject({ ok: false, error: { message: 'Hentingen finnes ikke.' } })
  })

  it('refuses to return data that breaks the output schema', async () => {
    const { deps } = await core()
    const broken: Handlers = { ...handlers, 'settings:get': async () => ({ mode: 'turbo' }) as never }
    const res = await createDispatcher(broken, deps, () => true)('settings:get', undefined, TRUSTED)
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_OUTPUT' }) })
  })

  it('maps thrown errors to a serialisable app error without stack or secret', async () => {
    const { deps } = await core()
    const secret = 'sk_live_DO_NOT_LEAK'
    const throwing: Handlers = {
      ...handlers,
      'app:info': async () => {
        throw new Error(`db exploded at /home/user with key ${secret}`)
      },
      'settings:get': async () => {
        throw new AppError('BRING_AUTH', 'Bring rejected the API user or key. Check them in Settings.')
      }
    }
    const dispatch = createDispatcher(throwing, deps, () => true)
    const internal = await dispatch('app:info', undefined, TRUSTED)
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String), i18n: { key: 'internal' } } })
    expect(JSON.stringify(internal)).not.toContain(secret)
    expect(JSON.stringify(internal)).not.toMatch(/at .*\.ts/)
    expect(await dispatch('settings:get', undefined, TRUSTED)).toEqual({
      ok: false,
      error: { code: 'BRING_AUTH', message: 'Bring rejected the API user or key. Check them in Settings.' }
    })
  })
})

describe('settings:set', () => {
  const tempDir = useTempDir()
  it('changes only the keys it names', async () => {
    const c = await startCore(await tempDir())
    try {
      await c.invoke('credentials:save', { apiUid: 'shop@example.no', apiKey: 'abcdefgh' })
      await c.invoke('settings:set', { clientUrl: 'https://butikk.example.no' })
      const res = await c.invoke('settings:set', { language: 'nb' })
      expect(res).toMatchObject({ ok: true, data: { language: 'nb', apiUid: 'shop@example.no', clientUrl: 'https://butikk.example.no', mode: 'test' } })
    } finally {
      await c.close()
    }
  })
})
