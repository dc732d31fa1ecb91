import { z } from 'zod'
import { safeText } from './fields'

/** What Fraktdesk reads from a Bring Warehousing message (the raw body is kept too). */
export const warehouseKinds = ['order', 'inventory', 'adjustment', 'unrecognised'] as const
export const warehouseLineSchema = z.object({
  article: z.string(),
  gtin: z.string().optional(),
  description: z.string().optional(),
  quantity: z.number(),
  reason: z.string().optional()
})
export const warehouseMessageSchema = z.object({
  kind: z.enum(warehouseKinds),
  rootElement: z.string().optional(),
  /** GS1 header InstanceIdentifier: the same message sent twice has the same one. */
  instanceId: z.string().optional(),
  createdAt: z.string().optional(),
  documentId: z.string().optional(),
  orderNumber: z.string().optional(),
  status: z.string().optional(),
  eventAt: z.string().optional(),
  shipTo: z
    .object({ name: z.string(), addressLine: z.string(), postalCode: z.string(), city: z.string(), countryCode: z.string(), phone: z.string().optional(), email: z.string().optional(), customer: z.string().optional() })
    .optional(),
  trackingNumbers: z.array(z.string()),
  lines: z.array(warehouseLineSchema)
})
export type WarehouseMessage = z.infer<typeof warehouseMessageSchema>

export const storedWarehouseMessageSchema = warehouseMessageSchema.extend({
  id: z.string(),
  receivedAt: z.string(),
  requestId: z.string(),
  contentType: z.string(),
  /** A shipment in the history with one of the message's tracking numbers. */
  shipmentId: z.string().nullable()
})
export type StoredWarehouseMessage = z.infer<typeof storedWarehouseMessageSchema>

export const warehouseFilterQuerySchema = z.object({ query: safeText(100).default(''), kind: z.enum(warehouseKinds).optional(), status: safeText(40).optional() })
export const warehouseFilterSchema = warehouseFilterQuerySchema.extend({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
export type WarehouseFilterQuery = z.infer<typeof warehouseFilterQuerySchema>
export type WarehouseFilter = z.infer<typeof warehouseFilterSchema>

export const inventoryRowSchema = z.object({ article: z.string(), gtin: z.string().nullable(), description: z.string().nullable(), quantity: z.number(), updatedAt: z.string(), adjustments: z.array(z.object({ at: z.string(), delta: z.number(), reason: z.string().nullable() })) })
export type InventoryRow = z.infer<typeof inventoryRowSchema>

/** The receiver's settings (not secret); the password or API key lives in the OS keychain. */
/** What the window may set: never a file. The certificate and key are chosen in main's own file picker. */
export const receiverSettingsSchema = z
  .object({
    enabled: z.boolean().default(false),
    port: z.number().int().min(1024, 'Use a port from 1024 to 65535').max(65535, 'Use a port from 1024 to 65535').default(8443),
    /** 127.0.0.1 unless the user chose to listen on the network, knowing what that exposes. */
    host: z.enum(['127.0.0.1', '0.0.0.0']).default('127.0.0.1'),
    auth: z.enum(['basic', 'apiKey']).default('apiKey'),
    user: z.string().trim().max(64).regex(/^[A-Za-z0-9._-]*$/, 'Letters, digits, . _ - only').default('bring'),
    /** Forget the chosen certificate and key (back to plain HTTP on 127.0.0.1, behind a proxy or tunnel). */
    forgetTls: z.boolean().optional()
  })
  .strict()
export type ReceiverSettings = z.input<typeof receiverSettingsSchema>

/** Listening on the network needs HTTPS: a rule over the settings and the files main holds. */
export const networkNeedsTls = (c: { host: string; certFile: string; keyFile: string }): boolean => c.host === '127.0.0.1' || Boolean(c.certFile && c.keyFile)

/** The receiver's stored configuration (userData/receiver.json): the settings plus the PEM files main's picker chose. */
export const receiverConfigSchema = z.object({
  enabled: z.boolean().default(false),
  port: z.number().int().min(1024).max(65535).default(8443),
  host: z.enum(['127.0.0.1', '0.0.0.0']).default('127.0.0.1'),
  auth: z.enum(['basic', 'apiKey']).default('apiKey'),
  user: z.string().trim().max(64).regex(/^[A-Za-z0-9._-]*$/).default('bring'),
  /** PEM files for HTTPS (Bring calls HTTPS only); without them plain HTTP, on 127.0.0.1 only (behind a proxy or tunnel). */
  certFile: z.string().max(1000).default(''),
  keyFile: z.string().max(1000).default('')
})
/** What the window is shown: the files by name only. */
export const receiverConfigViewSchema = receiverConfigSchema.omit({ certFile: true, keyFile: true }).extend({ certName: z.string(), keyName: z.string() })
export type ReceiverConfig = z.output<typeof receiverConfigSchema>

export const receiverStatusSchema = z.object({
  listening: z.boolean(),
  url: z.string().nullable(),
  error: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  counts: z.object({ stored: z.number(), rejected: z.number(), duplicates: z.number(), unauthorized: z.number() })
})
export type ReceiverStatus = z.infer<typeof receiverStatusSchema>
