import { AppError } from '@shared/ipc/app-error'
import { parseWarehouseMessage } from '../services/warehousing/gs1'
import type { HandlersOf } from './invoke'

/** Raw bodies shown in the window are cut here (the full one stays in the database). */
const RAW_SHOWN = 200_000

export const warehouseHandlers: HandlersOf<
  'warehouse:list' | 'warehouse:count' | 'warehouse:get' | 'warehouse:inventory' | 'warehouse:rejected' | 'warehouse:import' | 'receiver:get' | 'receiver:configure' | 'receiver:generateSecret' | 'receiver:pickFile',
  'stores' | 'receiver' | 'pickers' | 'logger'
> = {
  'warehouse:list': async (filter, { stores }) => stores.warehouse.list(filter),
  'warehouse:count': async (filter, { stores }) => stores.warehouse.count(filter),
  async 'warehouse:get'({ id }, { stores }) {
    const m = await stores.warehouse.get(id)
    if (!m) throw AppError.field('id', 'No such warehouse message.')
    return { ...m, raw: m.raw.slice(0, RAW_SHOWN) }
  },
  'warehouse:inventory': async (_input, { stores }) => stores.warehouse.inventory(),
  'warehouse:rejected': async (_input, { stores }) => stores.warehouse.rejected(),
  async 'warehouse:import'({ name, text }, { stores, logger }) {
    const format = text.trimStart().startsWith('{') ? 'json' : 'xml'
    const parsed = parseWarehouseMessage(text, format)
    if (!parsed.ok) {
      await stores.warehouse.reject(parsed.reason, text, format === 'json' ? 'application/json' : 'application/xml')
      return { stored: false, duplicate: false, reason: parsed.reason }
    }
    const { duplicate } = await stores.warehouse.store(parsed.message, text, format === 'json' ? 'application/json' : 'application/xml')
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
  }
}
