import { AppError } from '@shared/ipc/app-error'
import { parseWarehouseMessage } from '../services/warehousing/gs1'
import type { Handlers } from './invoke'

/** Raw bodies shown in the window are cut here (the full one stays in the database). */
const RAW_SHOWN = 200_000

export const warehouseHandlers: Pick<
  Handlers,
  'warehouse:list' | 'warehouse:count' | 'warehouse:get' | 'warehouse:inventory' | 'warehouse:rejected' | 'warehouse:import' | 'receiver:get' | 'receiver:configure' | 'receiver:generateSecret' | 'receiver:pickFile' | 'clipboard:copy'
> = {
  'warehouse:list': async (filter, { warehouse }) => warehouse.list(filter),
  'warehouse:count': async (filter, { warehouse }) => warehouse.count(filter),
  async 'warehouse:get'({ id }, { warehouse }) {
    const m = await warehouse.get(id)
    if (!m) throw AppError.field('id', 'No such warehouse message.')
    return { ...m, raw: m.raw.slice(0, RAW_SHOWN) }
  },
  'warehouse:inventory': async (_input, { warehouse }) => warehouse.inventory(),
  'warehouse:rejected': async (_input, { warehouse }) => warehouse.rejected(),
  async 'warehouse:import'({ name, text }, { warehouse, logger }) {
    const format = text.trimStart().startsWith('{') ? 'json' : 'xml'
    const parsed = parseWarehouseMessage(text, format)
    if (!parsed.ok) {
      await warehouse.reject(parsed.reason, text, format === 'json' ? 'application/json' : 'application/xml')
      return { stored: false, duplicate: false, reason: parsed.reason }
    }
    const { duplicate } = await warehouse.store(parsed.message, text, format === 'json' ? 'application/json' : 'application/xml')
    logger.info({ file: name, kind: parsed.message.kind, duplicate }, 'warehouse message imported from a file')
    return { stored: !duplicate, duplicate, kind: parsed.message.kind }
  },
  'receiver:get': async (_input, { receiver }) => ({ config: receiver.view(), hasSecret: receiver.hasSecret(), status: await receiver.status() }),
  'receiver:configure': async (config, { receiver }) => receiver.configure(config),
  'receiver:generateSecret': async (_input, { receiver }) => receiver.generateSecret(),
  /** Main's own file picker; main keeps the path, the window is told the name. */
  async 'receiver:pickFile'({ which }, { pickers, receiver }) {
    const chosen = await pickers.file('pem')
    return { name: chosen ? await receiver.useFile(which, chosen) : null }
  },
  async 'clipboard:copy'({ text }, { copyToClipboard }) {
    await copyToClipboard(text)
    return { copied: true }
  }
}
