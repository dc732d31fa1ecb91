import { promises as fs } from 'node:fs'
import path from 'node:path'
import { AppError } from '@shared/ipc/app-error'
import type { FetchLike } from '../bring/bring-http'
import { writeFileAtomic } from '../fs/atomic-write'

const MAX_REDIRECTS = 5
const MAX_BYTES = 20 * 1024 * 1024

/** Consignment numbers become file names: keep them to safe characters. */
export const labelFileName = (consignmentNumber: string, kind: 'label' | 'waybill'): string =>
  `${consignmentNumber.replace(/[^A-Za-z0-9_-]/g, '_')}${kind === 'waybill' ? '-waybill' : ''}.pdf`

/**
 * Downloads a label PDF into the labels folder. Redirects are followed by hand (at most five, http(s)
 * only) so it works the same over Electron's net.fetch, Node's fetch and the in-process simulator;
 * the body must really be a PDF. Label links carry access tokens, so they are never logged.
 */
export async function downloadLabel(fetch: FetchLike, url: string, labelsDir: string, fileName: string, timeoutMs = 20_000): Promise<string> {
  let current = url
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const u = new URL(current)
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new AppError('BRING_BAD_RESPONSE', 'The label link is not a web address.')
    let res: Response
    try {
      res = await fetch(current, { method: 'GET', headers: { Accept: 'application/pdf' }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
    } catch {
      throw new AppError('BRING_UNREACHABLE', "Can't download the label right now. It is saved with the shipment; try “Download label” again later.")
    }
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location')
      await res.body?.cancel()
      if (!location) throw new AppError('BRING_BAD_RESPONSE', 'The label link redirected nowhere.')
      current = new URL(location, current).toString()
      continue
    }
    if (!res.ok) throw new AppError('BRING_BAD_RESPONSE', `Bring did not hand out the label (HTTP ${res.status}).`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (bytes.length > MAX_BYTES) throw new AppError('BRING_BAD_RESPONSE', 'The label file is unexpectedly large; not saved.')
    if (!isPdf(bytes)) throw new AppError('BRING_BAD_RESPONSE', 'The label link did not return a PDF.')
    const target = path.join(labelsDir, fileName)
    await writeFileAtomic(target, bytes)
    return target
  }
  throw new AppError('BRING_BAD_RESPONSE', 'The label link redirected too many times.')
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-'
}

/**
 * The only way to a path for shell.openPath: a plain .pdf file name that resolves (symlinks too)
 * to a file directly inside the labels folder. Anything else is refused.
 */
export async function resolveLabelPath(labelsDir: string, fileName: string): Promise<string> {
  const refuse = (): never => {
    throw AppError.field('id', 'Fraktdesk only opens label files from its own labels folder.')
  }
  if (!/^[A-Za-z0-9_-]+\.(pdf|csv)$/.test(fileName)) refuse()
  const root = await fs.realpath(labelsDir)
  let real: string
  try {
    real = await fs.realpath(path.join(root, fileName))
  } catch {
    throw AppError.field('id', 'The label file is missing from the labels folder; download it again.')
  }
  if (path.dirname(real) !== root) refuse()
  return real
}
