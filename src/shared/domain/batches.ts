import { z } from 'zod'
import { bookingFormSchema, shipmentStatusSchema, type BookingFormValues, type Party } from './booking'
import { calendarDate, code, safeText } from './fields'
import { modeSchema } from './mode'
import { recordErrorSchema } from './record-error'
import { bookingServiceRule } from '../catalogue/booking-services'

/** The columns a batch row (and a CSV import) can fill; everything else comes from the batch defaults. */
export const rowFields = [
  'name',
  'addressLine',
  'addressLine2',
  'postalCode',
  'city',
  'countryCode',
  'contactName',
  'phone',
  'email',
  'reference',
  'deliveryInstructions',
  'weightKg',
  'lengthCm',
  'widthCm',
  'heightCm',
  'packageCount',
  'goodsDescription',
  'productId',
  'customerNumber',
  // What a shipment (not an address) needs: add-ons by their Booking API codes, and a one-line customs
  // declaration for parcels leaving Norway (value, currency, origin, tariff code, kind, the sender's consent).
  'services',
  // The values some services need, one column each (Bring's booking examples): a message for the driver
  // (delivery indoors, unattended or desktop delivery), the third party to notify, the chosen pickup point.
  'driverMessage',
  'notifyEmail',
  'notifyMobile',
  'pickupPointId',
  'customsValue',
  'customsCurrency',
  'customsOrigin',
  'customsCode',
  'customsNature',
  'customsConsent'
] as const
export type RowField = (typeof rowFields)[number]

/** The fields only a shipment has: an address-book import leaves them out. */
export const shipmentOnlyFields: readonly RowField[] = ['services', 'driverMessage', 'notifyEmail', 'notifyMobile', 'pickupPointId', 'customsValue', 'customsCurrency', 'customsOrigin', 'customsCode', 'customsNature', 'customsConsent']
/** The customs declaration's fields: shown together when any of them needs fixing. */
export const customsFields: readonly RowField[] = ['customsValue', 'customsCurrency', 'customsOrigin', 'customsCode', 'customsNature', 'customsConsent']

/**
 * Most rows a batch (or one import) holds: a big shop's order export. 100,000 shipments are about an hour and
 * a half at Bring's 18 per second; the window reads such a batch a page at a time (BATCH_PAGE).
 */
export const MAX_BATCH_ROWS = 100_000

/** Rows per read of a batch's table: what the window holds around what it shows, never the whole batch. */
export const BATCH_PAGE = 100

/** Rows per IPC call when importing: well under the 1 MB / 50,000-value cap of one call. */
export const IMPORT_CHUNK = 500

/** Raw text as it came from the file or the row editor: checked by the booking schema, never trusted. */
export const rowValuesSchema = z.partialRecord(z.enum(rowFields), z.string().max(200, 'At most 200 characters per cell'))
export type RowValues = z.infer<typeof rowValuesSchema>

/** What every row of a batch shares unless the row says otherwise. */
export const batchDefaultsSchema = z.object({
  /** May be empty when every row brings its own (rows without one are then marked on the row). */
  customerNumber: code(40),
  productId: code(40),
  /** A sender profile from the address book; none: the sender in Settings. */
  senderId: z.string().uuid().nullable().default(null),
  shippingDate: calendarDate('Choose a shipping date'),
  weightKg: z.string().max(20).default(''),
  lengthCm: z.string().max(20).default(''),
  widthCm: z.string().max(20).default(''),
  heightCm: z.string().max(20).default(''),
  goodsDescription: z.string().max(200).default('')
})
export type BatchDefaults = z.output<typeof batchDefaultsSchema>

/** A row's state: invalid/ready before sending, then the status of the shipment it became. */
export const batchRowStatusSchema = z.union([z.enum(['invalid', 'ready']), shipmentStatusSchema])
export type BatchRowStatus = z.infer<typeof batchRowStatusSchema>

export const batchRowSchema = z.object({
  id: z.string(),
  rowNo: z.number().int(),
  values: rowValuesSchema,
  status: batchRowStatusSchema,
  /** Field-by-field problems (row field or "_" for the row) of rows that cannot be sent as they are. */
  problems: z.record(z.string(), z.array(z.string())),
  shipmentId: z.string().nullable(),
  consignmentNumber: z.string().nullable(),
  error: recordErrorSchema.nullable()
})
export type BatchRow = z.infer<typeof batchRowSchema>

export const batchCountsSchema = z.object({
  total: z.number().int(),
  invalid: z.number().int(),
  ready: z.number().int(),
  inFlight: z.number().int(),
  booked: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  notSent: z.number().int(),
  /** Of the invalid rows, those held only for an unusual value ("check this"): confirmed or fixed by the clerk. */
  toCheck: z.number().int().default(0)
})
export type BatchCounts = z.infer<typeof batchCountsSchema>

export const batchRunStateSchema = z.enum(['idle', 'running', 'paused', 'cancelled', 'done'])
export type BatchRunState = z.infer<typeof batchRunStateSchema>

export const batchSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  mode: modeSchema,
  runState: batchRunStateSchema,
  counts: batchCountsSchema
})
export type BatchSummary = z.infer<typeof batchSummarySchema>

/** Which rows the batch table shows: all, those that need the clerk (refused, unknown, not sent), those to check. */
export const batchRowFilterSchema = z.enum(['all', 'attention', 'check'])
export type BatchRowFilter = z.infer<typeof batchRowFilterSchema>

export const batchDetailSchema = batchSummarySchema.extend({
  defaults: batchDefaultsSchema,
  /** The first BATCH_PAGE rows in file order (all of a batch that small); the rest are read a page at a time. */
  rows: z.array(batchRowSchema),
  /** The first rows whose outcome is unknown, each to resolve in place (counts.unknown says how many there are). */
  unknownRows: z.array(batchRowSchema).default([]),
  /** The fields the batch's first rows fill: the row editor shows those (and any field with a problem). */
  usedFields: z.array(z.enum(rowFields)).default([]),
  /** File names (inside the labels folder) of the merged label PDF and the result CSV, once made. */
  labelsPdf: z.string().nullable(),
  resultCsv: z.string().nullable(),
  /** This desk is booking it now (in team mode another desk may be too, or instead). */
  runningHere: z.boolean().default(false),
  /** Pause or Cancel was asked for here while bookings were on their way: they land, then it stops. */
  stopping: z.enum(['pause', 'cancel']).nullable().default(null),
  /** Why the batch stopped by itself (Bring or the shared database could not be reached). */
  stopReason: recordErrorSchema.nullable().default(null)
})
export type BatchDetail = z.infer<typeof batchDetailSchema>

/**
 * One page of a batch's table under a filter. How many rows the filter holds comes from the batch's counts
 * (read with the batch): counting again for each page cost 40 ms at 100,000 rows.
 */
export const batchRowsPageSchema = z.object({ rows: z.array(batchRowSchema), offset: z.number().int() })
export type BatchRowsPage = z.infer<typeof batchRowsPageSchema>

export const batchProgressSchema = z.object({
  batchId: z.string(),
  runState: batchRunStateSchema,
  counts: batchCountsSchema,
  /** Bookings per second over the last few seconds. */
  rate: z.number(),
  secondsLeft: z.number().nullable(),
  stopping: z.enum(['pause', 'cancel']).nullable().default(null)
})
export type BatchProgress = z.infer<typeof batchProgressSchema>

/**
 * Each row's line in its file, as a spreadsheet numbers it (the header is line 1): the batch numbers its
 * rows so, and every message about a row names the line the clerk finds in the file. Rising, one per row.
 */
export const fileLinesSchema = z.array(z.number().int().min(1).max(10_000_000)).refine((l) => l.every((n, i) => i === 0 || n > l[i - 1]), 'File lines must rise row by row')

export const newBatchSchema = z.object({
  name: safeText(80).min(1, 'Give the batch a name'),
  defaults: batchDefaultsSchema,
  rows: z.array(rowValuesSchema).min(1, 'The batch has no rows').max(MAX_BATCH_ROWS, `At most ${MAX_BATCH_ROWS} rows per batch: split the file`),
  /** Checked against `rows` by the batch service (one line per row). */
  lines: fileLinesSchema.optional()
})
export type NewBatch = z.input<typeof newBatchSchema>

const rowPaths: Record<string, RowField> = {
  'recipient.name': 'name',
  'recipient.addressLine': 'addressLine',
  'recipient.addressLine2': 'addressLine2',
  'recipient.postalCode': 'postalCode',
  'recipient.city': 'city',
  'recipient.countryCode': 'countryCode',
  'recipient.contact.name': 'contactName',
  'recipient.contact.phoneNumber': 'phone',
  'recipient.contact.email': 'email',
  'recipient.reference': 'reference',
  'recipient.additionalAddressInfo': 'deliveryInstructions',
  productId: 'productId',
  customerNumber: 'customerNumber',
  additionalServices: 'services',
  'serviceDetails.deliveryIndoorMessage': 'driverMessage',
  'serviceDetails.unattendedDeliveryMessage': 'driverMessage',
  'serviceDetails.desktopDeliveryMessage': 'driverMessage',
  'serviceDetails.notificationEmail': 'notifyEmail',
  'serviceDetails.notificationMobile': 'notifyMobile',
  pickupPointId: 'pickupPointId',
  customs: 'customsValue',
  'customs.natureOfTransaction': 'customsNature',
  'customs.consent': 'customsConsent',
  'customs.lines': 'customsValue'
}
const customsLinePaths: Record<string, RowField> = { tarriffLineAmount: 'customsValue', currency: 'customsCurrency', countryOfOrigin: 'customsOrigin', customsArticleNumber: 'customsCode', goodsDescription: 'goodsDescription', itemNetWeightInKg: 'weightKg', quantity: 'packageCount' }
const packagePaths: Record<string, RowField> = { weightInKg: 'weightKg', lengthInCm: 'lengthCm', widthInCm: 'widthCm', heightInCm: 'heightCm', goodsDescription: 'goodsDescription' }

/** Where a booking-schema problem belongs on the row; unknown paths (e.g. the sender) go to "_". */
export function rowFieldFor(path: PropertyKey[]): RowField | '_' {
  const key = path.map(String).join('.')
  if (rowPaths[key]) return rowPaths[key]
  if (path[0] === 'packages' && path.length >= 3) return packagePaths[String(path[2])] ?? '_'
  if (key === 'packages') return 'packageCount'
  if (path[0] === 'customs' && path[1] === 'lines' && path.length >= 4) return customsLinePaths[String(path[3])] ?? 'customsValue'
  // The values a row's services need (cash on delivery, messages, contacts, a pickup point …): under its services.
  if (path[0] === 'cashOnDelivery' || path[0] === 'additionalServices' || path[0] === 'serviceDetails' || path[0] === 'pickupPointId') return 'services'
  return '_'
}

const or = (v: string | undefined, fallback: string): string => (v !== undefined && v.trim() !== '' ? v : fallback)

/** A row's recipient columns as a party (unchecked); the country defaults to Norway. */
export function rowParty(values: RowValues) {
  return {
    name: values.name ?? '',
    addressLine: values.addressLine ?? '',
    addressLine2: values.addressLine2,
    postalCode: values.postalCode ?? '',
    city: values.city ?? '',
    countryCode: or(values.countryCode, 'NO'),
    reference: values.reference,
    additionalAddressInfo: values.deliveryInstructions,
    contact: { name: values.contactName, phoneNumber: values.phone, email: values.email }
  }
}

/** A known party (address book, history) and what was used for it as a batch row. */
export function partyRow(p: Party, preferred: { customerNumber?: string; productId?: string; packages?: { weightInKg: number; lengthInCm?: number; widthInCm?: number; heightInCm?: number; goodsDescription?: string }[] }): RowValues {
  const pkg = preferred.packages?.[0]
  const row: RowValues = {
    name: p.name,
    addressLine: p.addressLine,
    addressLine2: p.addressLine2,
    postalCode: p.postalCode,
    city: p.city,
    countryCode: p.countryCode,
    contactName: p.contact.name,
    phone: p.contact.phoneNumber,
    email: p.contact.email,
    reference: p.reference,
    deliveryInstructions: p.additionalAddressInfo,
    customerNumber: preferred.customerNumber,
    productId: preferred.productId,
    weightKg: pkg ? String(pkg.weightInKg) : undefined,
    lengthCm: pkg?.lengthInCm !== undefined ? String(pkg.lengthInCm) : undefined,
    widthCm: pkg?.widthInCm !== undefined ? String(pkg.widthInCm) : undefined,
    heightCm: pkg?.heightInCm !== undefined ? String(pkg.heightInCm) : undefined,
    goodsDescription: pkg?.goodsDescription,
    packageCount: preferred.packages && preferred.packages.length > 1 ? String(preferred.packages.length) : undefined
  }
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== '')) as RowValues
}

/** One row with the batch defaults filled in: the booking form it books as (not yet checked). */
export function rowFormValues(defaults: BatchDefaults, values: RowValues, sender: Party | null, clientRequestId: string): BookingFormValues {
  const count = or(values.packageCount, '1')
  const pkg = {
    weightInKg: or(values.weightKg, defaults.weightKg),
    lengthInCm: or(values.lengthCm, defaults.lengthCm),
    widthInCm: or(values.widthCm, defaults.widthCm),
    heightInCm: or(values.heightCm, defaults.heightCm),
    goodsDescription: or(values.goodsDescription, defaults.goodsDescription)
  }
  const n = /^\d{1,3}$/.test(count.trim()) ? Number(count.trim()) : Number.NaN
  const services = (values.services ?? '').split(/[\s,;]+/).filter(Boolean)
  return {
    clientRequestId,
    customerNumber: or(values.customerNumber, defaults.customerNumber),
    productId: or(values.productId, defaults.productId),
    additionalServices: services,
    serviceDetails: rowServiceDetails(values, services),
    pickupPointId: values.pickupPointId,
    ...rowCustoms(values, pkg),
    sender: (sender ?? {}) as Party,
    recipient: rowParty(values),
    // An unreadable count leaves no package, so the schema says why; 0 or 100+ do the same.
    packages: Number.isInteger(n) && n >= 1 ? Array.from({ length: Math.min(n, 100) }, () => ({ ...pkg })) : [],
    shippingDate: defaults.shippingDate,
    shippingTime: '12:00'
  }
}

/**
 * The service values a row's columns give: its driver message goes to whichever of its services takes
 * one. Values no row column holds (dangerous goods lines, LQ weight …) are asked for by the schema,
 * under the row's services.
 */
function rowServiceDetails(values: RowValues, services: string[]): BookingFormValues['serviceDetails'] {
  const messageField = (['deliveryIndoorMessage', 'unattendedDeliveryMessage', 'desktopDeliveryMessage'] as const).filter((f) => services.some((id) => bookingServiceRule(id)?.field === f))
  return {
    ...Object.fromEntries(messageField.map((f) => [f, values.driverMessage])),
    notificationEmail: values.notifyEmail,
    notificationMobile: values.notifyMobile
  } as BookingFormValues['serviceDetails']
}

/** How a row's consent cell reads as given (a CSV may say yes, ja, x or 1). */
export const rowConsented = (cell: string | undefined): boolean => ['yes', 'ja', 'true', '1', 'x'].includes((cell ?? '').trim().toLowerCase())

/** A row's one-line customs declaration, when it has one (any customs cell filled): the booking schema checks it. */
function rowCustoms(values: RowValues, pkg: { weightInKg: string; goodsDescription: string }): Pick<BookingFormValues, 'customs'> {
  if (!customsFields.some((f) => (values[f] ?? '').trim() !== '')) return {}
  const nature = or(values.customsNature, 'SALE_OF_GOODS').trim().toUpperCase().replace(/\s+/g, '_')
  return {
    customs: {
      natureOfTransaction: nature as NonNullable<BookingFormValues['customs']>['natureOfTransaction'],
      lines: [{ goodsDescription: pkg.goodsDescription, quantity: 1, itemNetWeightInKg: pkg.weightInKg, tarriffLineAmount: values.customsValue ?? '', currency: or(values.customsCurrency, 'NOK'), countryOfOrigin: or(values.customsOrigin, 'NO'), customsArticleNumber: values.customsCode }],
      consent: rowConsented(values.customsConsent)
    }
  }
}

/** The row checked with the booking form's own schema: the form it books as, or its problems by row field. */
export function checkRow(
  defaults: BatchDefaults,
  values: RowValues,
  sender: Party | null,
  clientRequestId: string
): { ok: true; form: z.output<typeof bookingFormSchema> } | { ok: false; problems: Record<string, string[]> } {
  const count = (values.packageCount ?? '').trim()
  if (count !== '' && !/^\d{1,3}$/.test(count)) return { ok: false, problems: { packageCount: ['Number of packages: a whole number, 1–99'] } }
  if (!sender) return { ok: false, problems: { _: ['Choose a sender for the batch (Settings or a sender profile)'] } }
  const parsed = bookingFormSchema.safeParse(rowFormValues(defaults, values, sender, clientRequestId))
  if (parsed.success) return { ok: true, form: parsed.data }
  const problems: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const field = rowFieldFor(issue.path)
    const message = field === '_' && issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message
    const list = (problems[field] ??= [])
    if (!list.includes(message)) list.push(message)
  }
  return { ok: false, problems }
}
