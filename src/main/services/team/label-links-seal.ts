import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Credentials } from '../secrets/credentials'
import type { LabelLinks, LabelLinksSeal } from '../store/postgres/shipments-store'

const VERSION = 'v1'
const linksSchema = z.object({ labelUrl: z.string().url().optional(), waybillUrl: z.string().url().optional() }).strict()

/** Without a Bring key (Sandbox only), links point at the built-in simulator and hold no real token. */
const SANDBOX_SECRET: Credentials = { apiUid: 'fraktdesk-sandbox', apiKey: 'fraktdesk-sandbox-labels' }

const keyFor = ({ apiUid, apiKey }: Credentials): Buffer => Buffer.from(hkdfSync('sha256', apiKey, apiUid.toLowerCase(), 'fraktdesk label links v1', 32))

/** The seal of label links (see LabelLinksSeal) with a key derived from this desk's Bring API user and key. */
export function createLabelLinksSeal(credentials: () => Promise<Credentials | null>): LabelLinksSeal {
  const current = async (): Promise<Credentials | null> => credentials().catch(() => null)
  const key = async (): Promise<Buffer> => keyFor((await current()) ?? SANDBOX_SECRET)
  const openWith = (key: Buffer, shipmentId: string, raw: Buffer): LabelLinks | null => {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAAD(Buffer.from(shipmentId))
      decipher.setAuthTag(raw.subarray(12, 28))
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
      const parsed = linksSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null // other credentials, or not what a desk sealed
    }
  }
  return {
    async seal(shipmentId, links) {
      if (!links.labelUrl && !links.waybillUrl) return null
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', await key(), iv)
      cipher.setAAD(Buffer.from(shipmentId))
      const body = Buffer.concat([cipher.update(JSON.stringify({ labelUrl: links.labelUrl, waybillUrl: links.waybillUrl }), 'utf8'), cipher.final()])
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
    },
    async open(shipmentId, sealed) {
      const [version, data] = sealed.split('.')
      if (version !== VERSION || !data) return null
      const raw = Buffer.from(data, 'base64url')
      if (raw.length < 29) return null
      // A Sandbox booking made by a desk without a Bring key was sealed with the Sandbox secret.
      const mine = await current()
      return (mine && openWith(keyFor(mine), shipmentId, raw)) || openWith(keyFor(SANDBOX_SECRET), shipmentId, raw)
    }
  }
}
