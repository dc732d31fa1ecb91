import { z } from 'zod'
import { sharedDatabaseFormSchema } from '../domain/shared-database'
import type { Channel, EventName } from './channels'
import { modeSchema } from '../domain/mode'
import { settingsPatchSchema, settingsSchema } from '../domain/settings'
import { credentialsStatusSchema, saveCredentialsSchema } from '../domain/credentials'
import { customerListSchema, customerSchema } from '../domain/customers'
import { quoteInputSchema, quoteResultSchema } from '../domain/quote'
import { bookingDraftSchema } from '../domain/drafts'
import { pickupOptionsQuerySchema, pickupOptionsSchema, pickupOrderFormSchema, pickupRecordSchema, todaysShipmentsSchema } from '../domain/pickup'
import { bookingFormSchema, shipmentDetailSchema, shipmentFilterSchema,
  shipmentFilterQuerySchema, shipmentSummarySchema } from '../domain/booking'
import { noticeSchema } from '../domain/notices'
import { deliveryAnnotationQuerySchema, deliveryAnnotationSchema, deliveryRecordQuerySchema, deliveryRecordSchema } from '../domain/delivery-record'
import { pickupPointQuerySchema, pickupPointsAnswerSchema, postalCodeAnswerSchema, postalCodeQuerySchema } from '../domain/addresses'
import { addressEntryInputSchema, addressEntrySchema, addressFilterQuerySchema, addressFilterSchema, recipientSuggestionSchema } from '../domain/address-book'
import { IMPORT_CHUNK, MAX_BATCH_ROWS, fileLinesSchema, batchDefaultsSchema, batchDetailSchema, batchProgressSchema, batchRowFilterSchema, batchRowsPageSchema, batchSummarySchema, newBatchSchema, rowFields, rowValuesSchema } from '../domain/batches'
import { safeText } from '../domain/fields'
import { labelPrintSchema, printJobProgressSchema, printOutcomeSchema, printerListSchema } from '../domain/printing'
import { packageTrackingSchema, trackingStateSchema } from '../domain/tracking'
import { inventoryRowSchema, receiverConfigViewSchema, receiverSettingsSchema, receiverStatusSchema, storedWarehouseMessageSchema, warehouseFilterQuerySchema, warehouseFilterSchema } from '../domain/warehousing'

const none = z.undefined()
const importResultSchema = z.object({ added: z.number(), skipped: z.number() })
const byId = z.object({ id: z.string().uuid() }).strict()

const backupSchema = z.object({ name: z.string(), createdAt: z.string(), sizeBytes: z.number(), shipments: z.number() })

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: modeSchema,
  platform: z.string(),
  paths: z.object({ userData: z.string(), labels: z.string(), logs: z.string() }),
  /** Shown once in the shell, e.g. "settings file was corrupt and was reset". */
  notices: z.array(noticeSchema),
  /** Team mode: the shared database's connection (null: this desk keeps its own file). */
  sharedHealth: z.lazy(() => sharedHealthSchema).nullable().default(null)
})

export const sharedHealthSchema = z.union([z.object({ state: z.literal('connected') }), z.object({ state: z.literal('lost'), since: z.string(), problem: z.string().max(500), nextTryAt: z.string().nullable() })])

/** The one source of IPC truth: every channel with its input and output schema. */
export const contract = {
  'app:info': { input: none, output: appInfoSchema },
  'app:openLogFolder': { input: none, output: z.object({ opened: z.boolean() }) },
  /** Version, OS, mode, counts and the last 200 log lines (scrubbed) onto the clipboard, for support. */
  'app:copyDiagnostics': { input: none, output: z.object({ copied: z.boolean(), lines: z.number() }) },
  'settings:get': { input: none, output: settingsSchema },
  'settings:set': { input: settingsPatchSchema, output: settingsSchema },
  'mode:set': {
    input: z.object({ mode: modeSchema, confirmLive: z.boolean().optional() }).strict(),
    output: settingsSchema
  },
  'credentials:status': { input: none, output: credentialsStatusSchema },
  'credentials:save': { input: saveCredentialsSchema, output: credentialsStatusSchema },
  'credentials:clear': { input: none, output: credentialsStatusSchema },
  'connection:check': {
    input: none,
    output: z.object({ customers: z.array(customerSchema), checkedAt: z.string() })
  },
  'customers:list': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: customerListSchema
  },
  'shell:openExternal': {
    input: z.object({ url: z.string().url() }).strict(),
    output: z.object({ opened: z.boolean() })
  },
  'quote:run': {
    input: z.object({ input: quoteInputSchema, refresh: z.boolean().default(false) }).strict(),
    output: quoteResultSchema
  },
  'quote:lastInput': { input: none, output: quoteInputSchema.nullable() },
  'drafts:bookingSet': { input: bookingDraftSchema.nullable(), output: z.object({ saved: z.boolean() }) },
  'drafts:bookingGet': { input: none, output: bookingDraftSchema.nullable() },
  'booking:submit': {
    input: z.object({ form: bookingFormSchema, confirmLive: z.boolean().optional() }).strict(),
    output: shipmentDetailSchema
  },
  'shipments:list': { input: shipmentFilterSchema, output: z.object({ items: z.array(shipmentSummarySchema) }) },
  'shipments:count': { input: shipmentFilterQuerySchema, output: z.object({ total: z.number(), totalExact: z.boolean() }) },
  'shipments:get': { input: byId, output: shipmentDetailSchema },
  'shipments:resolve': {
    input: z
      .object({
        id: z.string().uuid(),
        booked: z.boolean(),
        consignmentNumber: z.string().trim().regex(/^[A-Za-z0-9]{6,35}$/, 'Enter the consignment number from Mybring').optional(),
        /** Not booked: send it again now, in the same step (else it waits to be sent). */
        sendAgain: z.boolean().optional(),
        confirmLive: z.boolean().optional()
      })
      .strict()
      .refine((v) => !v.booked || v.consignmentNumber, { path: ['consignmentNumber'], message: 'Enter the consignment number from Mybring' }),
    output: shipmentDetailSchema
  },
  'shipments:retry': { input: byId.extend({ confirmLive: z.boolean().optional() }), output: shipmentDetailSchema },
  'labels:download': { input: byId, output: shipmentDetailSchema },
  'labels:open': { input: byId, output: z.object({ opened: z.boolean() }) },
  'tracking:open': { input: byId, output: z.object({ opened: z.boolean() }) },
  'pickups:options': { input: pickupOptionsQuerySchema, output: pickupOptionsSchema },
  'pickups:order': { input: z.object({ form: pickupOrderFormSchema, confirmLive: z.boolean().optional() }).strict(), output: pickupRecordSchema },
  'pickups:list': { input: none, output: z.array(pickupRecordSchema) },
  'pickups:modify': { input: byId.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a date') }), output: pickupRecordSchema },
  'pickups:cancel': { input: byId, output: pickupRecordSchema },
  'pickups:today': { input: none, output: z.array(todaysShipmentsSchema) },
  'addresses:postalCode': { input: postalCodeQuerySchema, output: postalCodeAnswerSchema },
  'addresses:pickupPoints': { input: pickupPointQuerySchema, output: pickupPointsAnswerSchema },
  'printing:printers': { input: none, output: printerListSchema },
  'printing:testPage': { input: z.object({ printId: z.string().uuid().optional() }).strict().optional(), output: printOutcomeSchema },
  /** Shipments' labels as one job, in the order given; `again`: the clerk said print what was printed before. */
  'printing:shipments': { input: z.object({ ids: z.array(z.string().uuid()).min(1).max(500), again: z.boolean().optional(), printId: z.string().uuid().optional() }).strict(), output: printOutcomeSchema },
  'printing:batch': { input: byId.extend({ again: z.boolean().optional(), printId: z.string().uuid().optional() }).strict(), output: z.object({ outcome: printOutcomeSchema, missingRows: z.array(z.number()), noLinkRows: z.array(z.number()) }) },
  /** The labels of the shipments a pickup was ordered for, as one job (booking order). */
  'printing:pickup': { input: byId.extend({ again: z.boolean().optional(), printId: z.string().uuid().optional() }).strict(), output: printOutcomeSchema },
  /** The same labels as one PDF in the viewer (no label printer). */
  'labels:openPickup': { input: byId, output: z.object({ opened: z.boolean(), pages: z.number() }) },
  'printing:history': { input: byId, output: z.array(labelPrintSchema) },
  /** After checking Mybring (Pickups): ordered (Bring's number if known), or not — then wait, or order again now, as the same pickup. */
  'pickups:resolve': {
    input: byId
      .extend({ ordered: z.boolean(), shipmentNumber: z.string().trim().regex(/^[A-Za-z0-9]{4,35}$/, 'Enter the pickup number from Mybring').optional(), orderAgain: z.boolean().optional(), confirmLive: z.boolean().optional() })
      .strict(),
    output: pickupRecordSchema
  },
  /** A pickup that was not sent, refused, or checked and not there, ordered again as the same pickup (its shipments stay its own). */
  'pickups:retry': { input: byId.extend({ confirmLive: z.boolean().optional() }).strict(), output: pickupRecordSchema },
  'addressBook:list': { input: addressFilterSchema, output: z.object({ items: z.array(addressEntrySchema) }) },
  'addressBook:count': { input: addressFilterQuerySchema, output: z.object({ total: z.number(), totalExact: z.boolean() }) },
  'addressBook:save': { input: z.object({ id: z.string().uuid().optional(), entry: addressEntryInputSchema }).strict(), output: addressEntrySchema },
  'addressBook:delete': { input: byId, output: z.object({ deleted: z.boolean() }) },
  /** Import in chunks (an IPC call is capped at 1 MB); duplicates of existing entries are skipped. */
  'addressBook:import': { input: z.object({ entries: z.array(addressEntryInputSchema).min(1).max(IMPORT_CHUNK) }).strict(), output: importResultSchema },
  'addressBook:addFromShipments': { input: z.object({ ids: z.array(z.string().uuid()).min(1).max(500) }).strict(), output: importResultSchema },
  'addressBook:defaultSender': { input: none, output: addressEntrySchema.nullable() },
  'recipients:suggest': { input: z.object({ query: safeText(100) }).strict(), output: z.array(recipientSuggestionSchema) },
  'batches:list': { input: none, output: z.array(batchSummarySchema) },
  'batches:get': { input: byId, output: batchDetailSchema },
  /** A page of a batch's table (the window never holds a big batch whole). */
  'batches:rows': { input: byId.extend({ filter: batchRowFilterSchema, offset: z.number().int().min(0).max(MAX_BATCH_ROWS), limit: z.number().int().min(1).max(500) }), output: batchRowsPageSchema },
  'batches:create': { input: newBatchSchema.extend({ rows: newBatchSchema.shape.rows.max(IMPORT_CHUNK) }).strict(), output: batchDetailSchema },
  /** A batch of known recipients: address-book entries or the recipients of earlier shipments. */
  'batches:createFrom': {
    input: z.object({ name: safeText(80).min(1), source: z.enum(['addressBook', 'shipments']), ids: z.array(z.string().uuid()).min(1).max(IMPORT_CHUNK) }).strict(),
    output: batchDetailSchema
  },
  /** The rest of an import, a chunk at a time: answers with the batch's counts (not every row again: a file's import would send them over and over). */
  'batches:appendRows': { input: byId.extend({ rows: z.array(rowValuesSchema).min(1).max(IMPORT_CHUNK), lines: fileLinesSchema.optional() }), output: batchSummarySchema },
  'batches:updateRow': { input: z.object({ rowId: z.string().uuid(), values: rowValuesSchema }).strict(), output: batchDetailSchema },
  /** "It is right": a row held only for an unusual value ("check this") is confirmed as it is. */
  'batches:confirmRow': { input: z.object({ rowId: z.string().uuid() }).strict(), output: batchDetailSchema },
  'batches:setDefaults': { input: byId.extend({ defaults: batchDefaultsSchema }), output: batchDetailSchema },
  /** `rest`: a cancelled batch is final; only this explicit choice sends the rows it did not send. */
  'batches:start': { input: byId.extend({ confirmLive: z.boolean().optional(), rest: z.boolean().optional() }), output: batchDetailSchema },
  'batches:stop': { input: byId.extend({ how: z.enum(['pause', 'cancel']) }), output: batchDetailSchema },
  'batches:delete': { input: byId, output: z.object({ deleted: z.boolean() }) },
  /** Merges the booked rows' labels into one PDF (row order) and opens it. */
  /** missingRows: the label could not be had now; noLinkRows: marked booked by hand, Bring gave no label link (Mybring has it). */
  'batches:openLabels': { input: byId, output: z.object({ opened: z.boolean(), pages: z.number(), missingRows: z.array(z.number()), noLinkRows: z.array(z.number()).default([]) }) },
  /** Writes the result CSV (row, recipient, consignment, tracking link, status, error) and opens it. */
  'batches:openResult': { input: byId.extend({ headers: z.array(safeText(40)).length(9), statuses: z.record(z.string(), safeText(60)) }), output: z.object({ opened: z.boolean() }) },
  'warehouse:list': { input: warehouseFilterSchema, output: z.object({ items: z.array(storedWarehouseMessageSchema) }) },
  'warehouse:count': { input: warehouseFilterQuerySchema, output: z.object({ total: z.number(), totalExact: z.boolean() }) },
  'warehouse:get': { input: byId, output: storedWarehouseMessageSchema.extend({ raw: z.string() }) },
  'warehouse:inventory': { input: none, output: z.array(inventoryRowSchema) },
  'warehouse:rejected': { input: none, output: z.array(z.object({ id: z.string(), receivedAt: z.string(), reason: z.string(), contentType: z.string() })) },
  /** A message saved as a file (e-mail, SFTP drop), through the same parser and store as the receiver. */
  'warehouse:import': { input: z.object({ name: safeText(200), text: z.string().min(1, 'The file is empty').max(450_000, 'At most 450 kB per file') }).strict(), output: z.object({ stored: z.boolean(), duplicate: z.boolean(), kind: z.string().optional(), reason: z.string().optional() }) },
  'receiver:get': { input: none, output: z.object({ config: receiverConfigViewSchema, hasSecret: z.boolean(), status: receiverStatusSchema }) },
  /** Never a file: the certificate and key are main's own choice (receiver:pickFile). */
  'receiver:configure': { input: receiverSettingsSchema, output: receiverStatusSchema },
  /** A new password or API key: kept in the OS keychain, returned this once to show and send to Bring. */
  'receiver:generateSecret': { input: none, output: z.object({ auth: z.enum(['basic', 'apiKey']), user: z.string(), secret: z.string() }) },
  /** The certificate or key file, chosen in main's file picker and kept there (checked as PEM); the window learns its name only. */
  'receiver:pickFile': { input: z.object({ which: z.enum(['certFile', 'keyFile']) }).strict(), output: z.object({ name: z.string().nullable() }) },
  'tracking:get': {
    input: byId,
    output: z
      .object({
        state: trackingStateSchema,
        stateSince: z.string(),
        /** The last successful check; null: not checked yet. */
        checkedAt: z.string().nullable(),
        nextDue: z.string().nullable(),
        lastError: z.string().nullable(),
        /** When Bring last could not answer (null after a success). */
        errorAt: z.string().nullable(),
        /** Since when Bring no longer has tracking data (the last known state is kept). */
        goneAt: z.string().nullable(),
        needsAttention: z.boolean(),
        handled: z.object({ state: trackingStateSchema, at: z.string(), note: z.string() }).nullable(),
        packages: z.array(packageTrackingSchema),
        price: z.number().nullable(),
        currency: z.string().nullable()
      })
      .nullable()
  },
  /** The clerk has dealt with a shipment that needs attention (a note optional): it leaves the list until its state moves on. */
  'tracking:handle': { input: byId.extend({ note: safeText(200).default('') }).strict(), output: z.object({ handled: z.boolean() }) },
  /** "Refresh now" for one shipment or the visible list. */
  'tracking:refresh': { input: z.object({ ids: z.array(z.string().uuid()).min(1).max(500) }).strict(), output: z.object({ checked: z.number(), changed: z.array(z.string()) }) },
  /** How many shipments need attention (the sidebar count). */
  'tracking:attention': { input: none, output: z.object({ count: z.number() }) },
  'tracking:spend': {
    input: none,
    output: z.array(
      z.object({ month: z.string(), customerNumber: z.string(), productId: z.string(), shipments: z.number(), priced: z.number(), unpriced: z.number(), total: z.number(), currency: z.string(), quoted: z.number(), quotedTotal: z.number(), actualForQuoted: z.number() })
    )
  },
  /** The spend report as a CSV for the accountant (headers in the user's language), saved in the labels folder and opened. */
  'tracking:spendCsv': { input: z.object({ headers: z.array(safeText(40)).length(10) }).strict(), output: z.object({ opened: z.boolean(), file: z.string() }) },
  /** The delivery record (Shipments → Delivery record) for a period of months, in the mode the desk is in. */
  'deliveryRecord:report': { input: deliveryRecordQuerySchema, output: deliveryRecordSchema },
  /** The same as a CSV (headers in the user's language), saved in the labels folder and opened. */
  'deliveryRecord:csv': { input: z.object({ from: z.string().regex(/^\d{4}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}$/), headers: z.array(safeText(40)).length(11) }).strict(), output: z.object({ opened: z.boolean(), file: z.string() }) },
  /** This shop's own record next to Bring's promise: per service, to that place, over the last year (null: too few shipments). */
  'deliveryRecord:annotate': { input: deliveryAnnotationQuerySchema, output: z.record(z.string(), deliveryAnnotationSchema.nullable()) },
  'clipboard:copy': { input: z.object({ text: z.string().max(2000) }).strict(), output: z.object({ copied: z.boolean() }) },
  'backups:list': { input: none, output: z.object({ folder: z.string(), items: z.array(backupSchema) }) },
  /** "Back up now": main asks for a folder (a USB stick, a network share) and writes a checked copy there. */
  'backups:now': { input: none, output: z.object({ saved: z.boolean(), file: z.string().optional(), shipments: z.number().optional() }) },
  /** "Restore from a file…": main asks for the file and says what it holds, before anything changes. */
  'backups:pick': { input: none, output: z.object({ picked: z.boolean(), backup: backupSchema.optional() }) },
  /** Restores at the next start (the current database is moved aside, never deleted) and restarts. */
  'backups:restore': { input: z.object({ name: z.string().max(200) }).strict(), output: z.object({ staged: z.boolean() }) },
  'imports:mappingGet': { input: z.object({ headers: z.array(safeText(200)).max(200) }).strict(), output: z.array(z.enum(rowFields).nullable()).nullable() },
  'imports:mappingSet': { input: z.object({ headers: z.array(safeText(200)).max(200), mapping: z.array(z.enum(rowFields).nullable()).max(200) }).strict(), output: z.object({ saved: z.boolean() }) },
  /** Settings → Shared database (team mode): the saved choice, and how the connection of this run is doing. */
  'sharedDb:get': {
    input: none,
    output: z.object({
      /** The CA file by name only. */
      config: z.object({ url: z.string(), tls: z.boolean(), caName: z.string(), deskName: z.string() }),
      hasPassword: z.boolean(),
      deskName: z.string(),
      /** The computer's name: the desk name when none is given. */
      defaultDeskName: z.string(),
      active: z.boolean(),
      status: z.union([z.object({ connected: z.literal(true), serverVersion: z.string() }), z.object({ connected: z.literal(false), problem: z.string() })]).nullable()
    })
  },
  'sharedDb:test': { input: sharedDatabaseFormSchema, output: z.object({ serverVersion: z.string() }) },
  'sharedDb:save': { input: sharedDatabaseFormSchema, output: z.object({ serverVersion: z.string(), restartNeeded: z.boolean() }) },
  'sharedDb:leave': { input: none, output: z.object({ restartNeeded: z.boolean() }) },
  'sharedDb:copyHistory': { input: none, output: z.object({ copied: z.number(), alreadyThere: z.number(), addressBook: z.object({ copied: z.number(), alreadyThere: z.number() }) }) },
  /** Main's own file picker; main keeps the chosen CA file (checked as a PEM certificate) for the next test or save, the window learns its name. */
  'sharedDb:pickCaFile': { input: none, output: z.object({ name: z.string().nullable() }) },
} satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>

/** Events main pushes to the window, each with its payload schema (main checks before sending). */
export const events = {
  'batch:progress': batchProgressSchema,
  /** Shipments whose tracking state changed (the window refreshes what it shows). */
  'tracking:changed': z.object({ shipmentIds: z.array(z.string()).max(500) }),
  /** Another desk booked or changed a shipment in the shared database (team mode). */
  'shipments:changed': z.object({ shipmentId: z.string().max(100), desk: z.string().max(100), status: z.string().max(40) }),
  /** Team mode: the shared database was lost (and when the desk tries again), or is back. */
  'shared:health': sharedHealthSchema,
  /** Another desk changed a batch, the address book, a pickup, or received a warehouse message (team mode). */
  'shared:changed': z.object({ table: z.enum(['batches', 'address_book', 'pickups', 'warehouse_messages']), id: z.string().max(100), desk: z.string().max(100) }),
  /** A print started with a `printId`: sent, queued at the printer, printing (its end is the call's answer). */
  'printing:job': printJobProgressSchema,
  /** Something the user should know that background work found after start-up (a damaged history file, labels fetched again). */
  'app:notice': noticeSchema
} satisfies Record<EventName, z.ZodType>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export type Contract = typeof contract
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>

// Compile-time check that channels.ts and the contract name the same set.
type Missing = Exclude<Channel, keyof Contract> | Exclude<keyof Contract, Channel>
const _sameChannels: [Missing] extends [never] ? true : never = true
void _sameChannels
