import { afterEach, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import https from 'node:https'
import path from 'node:path'
import { useTempDir } from '../../../helpers/temp-dir'
import { captureLogger } from '../../../helpers/log-capture'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { createWarehouseRepo } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from '../../../../src/main/services/store/sqlite/warehouse-repo'
import { createReceiverService } from '../../../../src/main/services/warehousing/receiver-service'
import { createMemorySecretStore } from '../../../../src/main/services/secrets/memory-secret-store'
import { sampleDespatchAdvice } from '../../../../src/main/services/warehousing/samples'

// A self-signed certificate for localhost, made for these tests only (never used elsewhere).
const fixtures = path.resolve('test/fixtures/warehousing')

describe('receiver service: on only when turned on, HTTPS with the user’s certificate, secret only in the keychain', () => {
  const tempDir = useTempDir()
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => cleanup?.())

  async function service() {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const log = captureLogger()
    const secrets = createMemorySecretStore()
    const svc = await createReceiverService({ userDataDir: dir, repo: sqliteWarehouseStore(createWarehouseRepo(db)), secretStore: secrets, logger: log.logger })
    cleanup = async () => {
      await svc.stop()
      db.close()
    }
    return { svc, dir, log, secrets }
  }

  it('is off by default and will not listen on the network without HTTPS', async () => {
    const { svc } = await service()
    expect(svc.config().enabled).toBe(false)
    expect((await svc.status()).listening).toBe(false)
    await expect(svc.configure({ enabled: true, host: '0.0.0.0' })).rejects.toThrow('Listening on the network needs HTTPS')
    // Enabled but without credentials: it says why and does not listen.
    const s = await svc.configure({ enabled: true, port: 20000 + Math.floor(Math.random() * 20000) })
    expect(s).toMatchObject({ listening: false, error: 'Generate the receiver’s credentials first.' })
  })

  it('serves HTTPS with the chosen PEM files; turning it off closes the port; the secret is in no file and no log line', async () => {
    const { svc, dir, log, secrets } = await service()
    const { secret } = await svc.generateSecret()
    expect(await secrets.get('warehousing-receiver')).toBe(secret)
    const port = 20000 + Math.floor(Math.random() * 20000)
    // Chosen in main's own picker, checked as PEM, shown to the window by name.
    expect(await svc.useFile('certFile', path.join(fixtures, 'test-only-cert.pem'))).toBe('test-only-cert.pem')
    expect(await svc.useFile('keyFile', path.join(fixtures, 'test-only-key.pem'))).toBe('test-only-key.pem')
    expect(svc.view()).toMatchObject({ certName: 'test-only-cert.pem', keyName: 'test-only-key.pem' })
    expect(JSON.stringify(svc.view())).not.toContain(fixtures)
    const status = await svc.configure({ enabled: true, port })
    expect(status).toMatchObject({ listening: true, url: `https://127.0.0.1:${port}/` })
    const ca = await readFile(path.join(fixtures, 'test-only-cert.pem'))
    const post = (): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const req = https.request(`https://127.0.0.1:${port}/`, { method: 'POST', ca, agent: false, headers: { 'Content-Type': 'application/xml', 'X-API-KEY': secret } }, (res) => {
          let body = ''
          res.on('data', (c) => (body += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        req.end(sampleDespatchAdvice({ instanceId: 'TLS-1', orderNumber: 'WEB-TLS', trackingNumber: '70438101000000002' }))
      })
    expect(await post()).toMatchObject({ status: 200, body: expect.stringContaining('<Message>success</Message>') })
    expect((await svc.status()).counts.stored).toBe(1)
    await svc.configure({ enabled: false, port })
    expect((await svc.status()).listening).toBe(false)
    await expect(post()).rejects.toThrow(/ECONNREFUSED/)
    const saved = await readFile(path.join(dir, 'receiver.json'), 'utf8')
    expect(saved).not.toContain(secret)
    expect(log.text()).not.toContain(secret)
  })

  it('keeps only PEM files of the right kind, chosen by main: a key offered as the certificate, or any other file, is refused and nothing changes', async () => {
    const { svc } = await service()
    await expect(svc.useFile('certFile', path.join(fixtures, 'test-only-key.pem'))).rejects.toThrow('not a PEM certificate')
    await expect(svc.useFile('keyFile', path.join(fixtures, 'test-only-cert.pem'))).rejects.toThrow('not a PEM private key')
    await expect(svc.useFile('certFile', '/proc/self/environ')).rejects.toThrow(/PEM certificate|could not be read/)
    expect(svc.view()).toMatchObject({ certName: '', keyName: '' })
  })
})
