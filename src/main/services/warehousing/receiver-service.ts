import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { AppError } from '@shared/ipc/app-error'
import { networkNeedsTls, receiverConfigSchema, receiverSettingsSchema, type ReceiverConfig, type ReceiverSettings, type ReceiverStatus } from '@shared/domain/warehousing'
import { writeFileAtomic } from '../fs/atomic-write'
import { readJsonFile } from '../fs/json-file'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'
import type { WarehouseStore } from '../store/warehouse'
import { createReceiver, type ReceiverCredentials, type ReceiverEvent } from './receiver'
import { checkPemFile } from '../security/pem-file'

/** The keychain account of the receiver's password or API key (never in a file, never logged). */
export const RECEIVER_SECRET_ACCOUNT = 'warehousing-receiver'
const CONFIG_FILE = 'receiver.json'

/**
 * The receiver as the app (or `npm run receiver`) runs it: settings in userData/receiver.json, the
 * secret in the OS keychain, off unless the user turned it on; turning it off closes the port.
 */
export async function createReceiverService(deps: { userDataDir: string; repo: WarehouseStore; secretStore: SecretStore; logger: Logger }) {
  const file = path.join(deps.userDataDir, CONFIG_FILE)
  const read = await readJsonFile(file, receiverConfigSchema)
  let config: ReceiverConfig = read && read !== 'corrupt' ? read : receiverConfigSchema.parse({})
  let secret: string | null = await deps.secretStore.get(RECEIVER_SECRET_ACCOUNT).catch(() => null)
  let running: { url: string; close(): Promise<void> } | null = null
  let error: string | null = null
  const counts = { duplicates: 0, unauthorized: 0 }

  const credentials = (): ReceiverCredentials | null => (secret ? { auth: config.auth, user: config.user, secret } : null)
  const receiver = createReceiver({
    repo: deps.repo,
    credentials,
    logger: deps.logger,
    onEvent: (e: ReceiverEvent) => {
      if (e === 'duplicate') counts.duplicates++
      if (e === 'unauthorized') counts.unauthorized++
    }
  })

  const save = (): Promise<void> => writeFileAtomic(file, JSON.stringify(config, null, 2))

  async function stop(): Promise<void> {
    const r = running
    running = null
    await r?.close()
  }

  async function apply(): Promise<ReceiverStatus> {
    await stop()
    error = null
    if (!config.enabled) return status()
    if (!secret) {
      error = 'Generate the receiver’s credentials first.'
      return status()
    }
    try {
      const tls = config.certFile && config.keyFile ? { cert: await fs.readFile(config.certFile), key: await fs.readFile(config.keyFile) } : undefined
      if (!tls && config.host !== '127.0.0.1') throw new Error('Listening on the network needs HTTPS: choose a certificate and key.')
      running = await receiver.listen(config.port, config.host, tls)
      deps.logger.info({ url: running.url, tls: Boolean(tls) }, 'warehousing receiver listening')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      error = code === 'EADDRINUSE' ? `Port ${config.port} is already in use by another program.` : code === 'EACCES' ? `Not allowed to listen on port ${config.port}.` : (err as Error).message
      deps.logger.warn({ err: error }, 'warehousing receiver could not start')
    }
    return status()
  }

  async function status(): Promise<ReceiverStatus> {
    const c = await deps.repo.counts().catch(() => ({ stored: 0, rejected: 0, last: null }))
    return { listening: running !== null, url: running?.url ?? null, error, lastMessageAt: c.last, counts: { stored: c.stored, rejected: c.rejected, ...counts } }
  }

  return {
    config: () => config,
    hasSecret: () => secret !== null,
    status,
    apply,
    stop,
    /** The window's settings (never a file); the certificate and key stay what main's picker chose. */
    async configure(input: ReceiverSettings): Promise<ReceiverStatus> {
      const { forgetTls, ...settings } = receiverSettingsSchema.parse(input)
      const next = receiverConfigSchema.parse({ ...settings, certFile: forgetTls ? '' : config.certFile, keyFile: forgetTls ? '' : config.keyFile })
      if (!networkNeedsTls(next)) throw AppError.field('host', 'Listening on the network needs HTTPS: choose a certificate and key first')
      config = next
      await save()
      return apply()
    },
    /**
     * A certificate or key file chosen in main's own picker (the path never comes from the window),
     * checked as PEM of the right kind before it is kept. Returns the file's name to show.
     */
    async useFile(which: 'certFile' | 'keyFile', chosen: string): Promise<string> {
      await checkPemFile(chosen, which === 'certFile' ? 'certificate' : 'privateKey', which)
      config = { ...config, [which]: chosen }
      await save()
      return path.basename(chosen)
    },
    /** The configuration as the window sees it: the files by name only. */
    view: () => ({ enabled: config.enabled, port: config.port, host: config.host, auth: config.auth, user: config.user, certName: config.certFile ? path.basename(config.certFile) : '', keyName: config.keyFile ? path.basename(config.keyFile) : '' }),
    /** A fresh strong secret in the keychain; returned this once so the user can send it to Bring. */
    async generateSecret(): Promise<{ auth: ReceiverConfig['auth']; user: string; secret: string }> {
      const fresh = randomBytes(24).toString('base64url')
      try {
        await deps.secretStore.set(RECEIVER_SECRET_ACCOUNT, fresh)
      } catch {
        throw new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain is not available, so the receiver’s secret cannot be kept safely.')
      }
      secret = fresh
      return { auth: config.auth, user: config.user, secret: fresh }
    }
  }
}
export type ReceiverService = Awaited<ReturnType<typeof createReceiverService>>
