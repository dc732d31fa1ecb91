// A Fraktdesk main process that books, orders pickups, runs small batches and saves settings, as fast as Bring lets it, until it is killed.
// Built and started by kill-loop.test.ts; prints "ready" once its services are composed.
import { createAppDeps } from '../../src/main/create-deps'
import { socketReportingFetch } from '../../src/main/services/bring/hand-off-probe'
import { createDispatcher } from '../../src/main/ipc/invoke'
import { handlers } from '../../src/main/ipc/handlers'
import { createMemorySecretStore } from '../../src/main/services/secrets/memory-secret-store'
import { createLogger } from '../../src/main/services/log/logger'
import { domesticForm } from '../helpers/booking-form'
import { nextWorkday, pickupFormValues } from '../helpers/pickup-form'
import { testAccount } from '../helpers/app-core'
import { readFileSync } from 'node:fs'
import { resolveByPath } from '../helpers/resolve-paths'

const deps = await createAppDeps({
  userDataDir: process.env.CHILD_USER_DATA!,
  secretStore: createMemorySecretStore(),
  fetch: socketReportingFetch(),
  baseUrl: process.env.CHILD_BASE_URL,
  openExternal: async () => undefined,
  logger: createLogger({ write: () => undefined }, 'silent'),
  version: '0.0.0-kill-loop',
  timeoutMs: 2000
})
const invoke = createDispatcher(handlers, deps, () => true)
await invoke('credentials:save', { ...testAccount, sessionOnly: true }, 'x')
console.log('ready')
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', phoneNumber: '+4712345678' }
const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: domesticForm().shippingDate, weightKg: '1', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
// Resolve mode: first the shipments left unknown or not sent, each by its path in turn (what Mybring shows is
// the parent's file: request id -> consignment booked), then every batch's Book all; then the usual work.
if (process.env.CHILD_TRUTH) {
  const truth = new Map<string, string>(Object.entries(JSON.parse(readFileSync(process.env.CHILD_TRUTH, 'utf8')) as Record<string, string>))
  const call = (channel: string, input?: unknown) => invoke(channel, input, 'x')
  const open = [...(await deps.stores.shipments.list({ query: '', status: 'outcome_unknown', limit: 500, offset: 0 })).items, ...(await deps.stores.shipments.list({ query: '', status: 'not_sent', limit: 500, offset: 0 })).items]
  let path = Number(process.env.CHILD_PATH_SEED ?? 0)
  for (const s of open) {
    if (s.status === 'not_sent') await call('shipments:retry', { id: s.id })
    else await resolveByPath(call, deps.stores.shipments, truth, s.id, path++, s.batchId)
  }
  for (const b of await deps.stores.batches.list()) {
    await call('batches:start', { id: b.id })
    await deps.batches.settled(b.id)
  }
}
for (let i = 0; ; i++) {
  if (i % 7 === 0) await invoke('settings:set', { language: i % 2 ? 'nb' : 'en', defaultSender: sender }, 'x')
  if (i % 9 === 4) await invoke('pickups:order', { form: pickupFormValues({ pickupDate: nextWorkday() }) }, 'x')
  if (i % 5 === 2) {
    const rows = Array.from({ length: 4 }, (_, r) => ({ name: `Rad ${i}-${r}`, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN' }))
    const batch = await invoke('batches:create', { name: `Kill ${i}`, defaults, rows }, 'x')
    if (batch.ok) {
      const id = (batch.data as { id: string }).id
      await invoke('batches:start', { id }, 'x')
      await deps.batches.settled(id)
    }
  } else {
    await invoke('booking:submit', { form: domesticForm() }, 'x')
  }
}
