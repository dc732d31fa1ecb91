import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore } from '../../helpers/app-core'
import path from 'node:path'

describe('file pickers offer the kind of file each button is for', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<unknown>) | undefined
  afterEach(async () => {
    await close?.()
  })

  it('a backup for "restore from file", a PEM certificate or key for the receiver and the shared database', async () => {
    const core = await startCore(await tempDir())
    close = core.close
    const asked: string[] = []
    core.deps.pickers.file = async (kind) => (asked.push(kind), null)
    await core.invoke('backups:pick')
    await core.invoke('receiver:pickFile', { which: 'certFile' })
    await core.invoke('sharedDb:pickCaFile')
    expect(asked).toEqual(['backup', 'pem', 'pem'])
  })

  it('the window never names a file main reads: receiver:configure refuses certificate and key paths, and a file picked in main is kept there and shown by name', async () => {
    const core = await startCore(await tempDir())
    close = core.close
    for (const bad of [{ certFile: '/etc/shadow', keyFile: '/proc/self/environ' }, { enabled: true, host: '0.0.0.0', certFile: '/etc/ssl/cert.pem', keyFile: '/etc/ssl/key.pem' }]) {
      expect(await core.invokeRaw('receiver:configure', { enabled: false, ...bad })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    expect(await core.invoke('receiver:configure', { enabled: false, host: '0.0.0.0' })).toMatchObject({ ok: false, error: { fieldErrors: { host: [expect.stringContaining('HTTPS')] } } })
    core.deps.pickers.file = async () => path.resolve('test/fixtures/warehousing/test-only-cert.pem')
    expect(await core.invoke('receiver:pickFile', { which: 'certFile' })).toEqual({ ok: true, data: { name: 'test-only-cert.pem' } })
    const shown = await core.invoke('receiver:get')
    expect(shown).toMatchObject({ ok: true, data: { config: { certName: 'test-only-cert.pem' } } })
    expect(JSON.stringify(shown)).not.toContain(path.resolve('test/fixtures'))
  })
})
