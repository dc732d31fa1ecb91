/**
 * Channel names only, free of zod, so the sandboxed preload (which cannot require npm packages)
 * can build window.api from them. contract.ts is checked against this list at compile time.
 */
export const channels = [
  'app:info',
  'app:openLogFolder',
  'app:copyDiagnostics',
  'settings:get',
  'settings:set',
  'mode:set',
  'credentials:status',
  'credentials:save',
  'credentials:clear',
  'connection:check',
  'customers:list',
  'shell:openExternal',
  'quote:run',
  'quote:lastInput',
  'drafts:bookingSet',
  'drafts:bookingGet',
  'booking:submit',
  'shipments:list',
  'shipments:count',
  'shipments:get',
  'shipments:resolve',
  'shipments:retry',
  'labels:download',
  'labels:open',
  'tracking:open',
  'pickups:options',
  'pickups:order',
  'pickups:list',
  'pickups:modify',
  'pickups:cancel',
  'pickups:today',
  'addressBook:list',
  'addressBook:count',
  'addressBook:save',
  'addressBook:delete',
  'addressBook:import',
  'addressBook:addFromShipments',
  'addressBook:defaultSender',
  'recipients:suggest',
  'batches:list',
  'batches:get',
  'batches:create',
  'batches:createFrom',
  'batches:appendRows',
  'batches:updateRow',
  'batches:setDefaults',
  'batches:start',
  'batches:stop',
  'batches:delete',
  'batches:openLabels',
  'batches:openResult',
  'imports:mappingGet',
  'backups:list',
  'backups:now',
  'backups:pick',
  'backups:restore',
  'imports:mappingSet'
] as const

export type Channel = (typeof channels)[number]

/** Events main pushes to the window (long work: a running batch). Payload schemas are in contract.ts. */
export const eventNames = ['batch:progress'] as const
export type EventName = (typeof eventNames)[number]
