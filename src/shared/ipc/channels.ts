/**
 * Channel names only, free of zod, so the sandboxed preload (which cannot require npm packages)
 * can build window.api from them. contract.ts is checked against this list at compile time. Grouped by
 * the handler file in src/main/ipc that answers them (a channel's prefix names its feature).
 */
export const channels = [
  // app.ipc.ts: the app itself, links, the clipboard
  'app:info',
  'app:openLogFolder',
  'app:copyDiagnostics',
  'shell:openExternal',
  'clipboard:copy',
  // settings.ipc.ts, credentials.ipc.ts, customers.ipc.ts: settings, the Bring API user and its customer numbers
  'settings:get',
  'settings:set',
  'mode:set',
  'credentials:status',
  'credentials:save',
  'credentials:clear',
  'connection:check',
  'customers:list',
  // quote.ipc.ts
  'quote:run',
  'quote:lastInput',
  // booking.ipc.ts: the Book screen and its draft
  'drafts:bookingSet',
  'drafts:bookingGet',
  'booking:submit',
  // shipments.ipc.ts: the history, a shipment's card and its label
  'shipments:list',
  'shipments:count',
  'shipments:get',
  'shipments:resolve',
  'shipments:retry',
  'labels:download',
  'labels:open',
  // tracking.ipc.ts
  'tracking:open',
  'tracking:get',
  'tracking:refresh',
  'tracking:handle',
  'tracking:attention',
  'tracking:spend',
  'tracking:spendCsv',
  'deliveryRecord:report',
  'deliveryRecord:csv',
  'deliveryRecord:annotate',
  // addresses.ipc.ts: postal code → city, pickup points near a recipient
  'addresses:postalCode',
  'addresses:pickupPoints',
  // printing.ipc.ts: labels to this desk's label printer
  'printing:printers',
  'printing:testPage',
  'printing:shipments',
  'printing:batch',
  'printing:pickup',
  'labels:openPickup',
  'printing:history',
  // pickups.ipc.ts
  'pickups:options',
  'pickups:order',
  'pickups:list',
  'pickups:modify',
  'pickups:cancel',
  'pickups:today',
  'pickups:resolve',
  'pickups:retry',
  // address-book.ipc.ts
  'addressBook:list',
  'addressBook:count',
  'addressBook:save',
  'addressBook:delete',
  'addressBook:import',
  'addressBook:addFromShipments',
  'addressBook:defaultSender',
  'recipients:suggest',
  // batches.ipc.ts: batches and the CSV import's remembered mappings
  'batches:list',
  'batches:get',
  'batches:rows',
  'batches:create',
  'batches:createFrom',
  'batches:appendRows',
  'batches:updateRow',
  'batches:confirmRow',
  'batches:setDefaults',
  'batches:start',
  'batches:stop',
  'batches:delete',
  'batches:openLabels',
  'batches:openResult',
  'imports:mappingGet',
  'imports:mappingSet',
  // backups.ipc.ts
  'backups:list',
  'backups:now',
  'backups:pick',
  'backups:restore',
  // warehouse.ipc.ts: Bring Warehousing's messages and the receiver that takes them
  'warehouse:list',
  'warehouse:count',
  'warehouse:get',
  'warehouse:inventory',
  'warehouse:rejected',
  'warehouse:import',
  'receiver:get',
  'receiver:configure',
  'receiver:generateSecret',
  'receiver:pickFile',
  // shared-db.ipc.ts: team mode's shared database
  'sharedDb:get',
  'sharedDb:test',
  'sharedDb:save',
  'sharedDb:leave',
  'sharedDb:copyHistory',
  'sharedDb:pickCaFile'
] as const

export type Channel = (typeof channels)[number]

/** Events main pushes to the window (long work: a running batch). Payload schemas are in contract.ts. */
export const eventNames = ['batch:progress', 'tracking:changed', 'shipments:changed', 'shared:changed', 'shared:health', 'printing:job', 'app:notice'] as const
export type EventName = (typeof eventNames)[number]
