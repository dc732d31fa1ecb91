import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'
import type { WarehouseMessage } from '@shared/domain/warehousing'

/**
 * GS1 XML 3.3 (or the same tree as JSON) from Bring Warehousing, reduced to what the Warehouse screen
 * uses. Namespaces are dropped (Bring's prefixes vary), every repeatable element is read as a list
 * whether it came once or many times, and the parts used are checked with zod. A well-formed message
 * of another type is kept as "unrecognised", never refused.
 */
export type ParseResult = { ok: true; message: WarehouseMessage } | { ok: false; reason: string }

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, parseAttributeValue: false, trimValues: true })

type Node = Record<string, unknown>
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v])
const node = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {})
const text = (v: unknown): string | undefined => {
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined
  if (v && typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text'])
  return undefined
}
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((cur, key) => node(Array.isArray(cur) ? cur[0] : cur)[key], v)

const quantity = z.string().regex(/^-?\d+(\.\d+)?$/, 'a quantity must be a number').transform(Number)

/** Article number: the supplier's own (what the shop knows) before the GTIN. */
function article(item: unknown): { article: string; gtin?: string; description?: string } {
  const ids = asArray(at(item, 'additionalTradeItemIdentification')).map(text).filter(Boolean) as string[]
  const gtin = text(at(item, 'gtin'))
  return { article: ids[0] ?? gtin ?? '?', gtin, description: text(at(item, 'tradeItemDescription')) }
}

function shipTo(party: unknown): WarehouseMessage['shipTo'] {
  const a = node(at(party, 'address'))
  const name = text(a.name)
  if (!name) return undefined
  const channels = asArray(at(party, 'contact', 'communicationChannel'))
  const channel = (code: string) => text(channels.map(node).find((c) => text(c.communicationChannelCode) === code)?.communicationValue)
  return { name, addressLine: text(a.streetAddressOne) ?? '', postalCode: text(a.postalCode) ?? '', city: text(a.city) ?? '', countryCode: text(a.countryCode) ?? 'NO', phone: channel('TELEPHONE'), email: channel('EMAIL'), customer: text(at(party, 'additionalPartyIdentification')) }
}

function header(message: Node): { instanceId?: string; createdAt?: string } {
  const doc = at(message, 'StandardBusinessDocumentHeader', 'DocumentIdentification')
  return { instanceId: text(at(doc, 'InstanceIdentifier')), createdAt: text(at(doc, 'CreationDateAndTime')) }
}

const lines = (items: unknown[], qtyKey: string) =>
  items.map((l) => {
    const q = quantity.safeParse(text(at(l, qtyKey)) ?? '')
    if (!q.success) throw new Error(`line ${text(at(l, 'lineItemNumber')) ?? '?'}: ${q.error.issues[0].message}`)
    return { ...article(at(l, 'transactionalTradeItem')), quantity: q.data }
  })

const readers: Record<string, (m: Node) => WarehouseMessage> = {
  despatchAdviceMessage(m) {
    const d = node(m.despatchAdvice)
    return {
      kind: 'order',
      ...header(m),
      documentId: text(at(d, 'despatchAdviceIdentification', 'entityIdentification')),
      orderNumber: text(at(d, 'purchaseOrder', 'entityIdentification')),
      status: 'DESPATCHED',
      eventAt: text(at(d, 'despatchInformation', 'actualShipDateTime')) ?? text(d.creationDateTime),
      shipTo: shipTo(d.shipTo),
      trackingNumbers: asArray(at(d, 'despatchAdviceTransportInformation', 'transportReference'))
        .map((r) => text(at(r, 'entityIdentification')))
        .concat(asArray(d.despatchAdviceLogisticUnit).map((u) => text(at(u, 'logisticUnitIdentification', 'sscc'))))
        .filter((t): t is string => Boolean(t)),
      lines: lines(asArray(d.despatchAdviceLogisticUnit).flatMap((u) => asArray(node(u).despatchAdviceLineItem)), 'despatchedQuantity')
    }
  },
  warehousingOutboundNotificationMessage(m) {
    const d = node(m.warehousingOutboundNotification)
    return {
      kind: 'order',
      ...header(m),
      documentId: text(at(d, 'warehousingOutboundNotificationIdentification', 'entityIdentification')),
      orderNumber: text(at(d, 'warehousingOutboundInstruction', 'entityIdentification')),
      status: text(d.warehousingOutboundStatusCode) ?? 'UPDATED',
      eventAt: text(d.creationDateTime),
      shipTo: shipTo(d.shipTo),
      trackingNumbers: [],
      lines: lines(asArray(d.warehousingOutboundNotificationLineItem), 'confirmedQuantity')
    }
  },
  inventoryReportMessage(m) {
    const r = node(m.inventoryReport)
    const activity = text(r.inventoryReportTypeCode) === 'INVENTORY_ACTIVITY'
    const items = asArray(r.inventoryItemLocationInformation).flatMap((loc) => {
      const item = article(at(loc, 'transactionalTradeItem'))
      const specs = activity
        ? asArray(node(loc).inventoryActivityLineItem).map((l) => ({ q: text(at(l, 'inventoryActivityQuantitySpecification', 'quantityOfUnits')), reason: text(at(l, 'inventoryActivityReasonCode')) }))
        : asArray(node(loc).inventoryStatusLineItem).map((l) => ({ q: text(at(l, 'inventoryStatusQuantitySpecification', 'quantityOfUnits')), reason: undefined }))
      return specs.map((s) => {
        const q = quantity.safeParse(s.q ?? '')
        if (!q.success) throw new Error(`article ${item.article}: ${q.error.issues[0].message}`)
        return { ...item, quantity: q.data, reason: s.reason }
      })
    })
    return { kind: activity ? 'adjustment' : 'inventory', ...header(m), documentId: text(at(r, 'inventoryReportIdentification', 'entityIdentification')), eventAt: text(r.creationDateTime), trackingNumbers: [], lines: items }
  }
}

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

/** Parses a pushed body by its content type; the reason of a refusal is short and names the problem. */
export function parseWarehouseMessage(body: string, contentType: 'xml' | 'json'): ParseResult {
  let root: Node
  if (contentType === 'xml') {
    // GS1 messages never carry a DTD; refusing one rules out entity expansion tricks.
    if (/<!DOCTYPE/i.test(body)) return { ok: false, reason: 'DOCTYPE is not allowed' }
    const valid = XMLValidator.validate(body)
    if (valid !== true) return { ok: false, reason: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }
    root = node(parser.parse(body))
  } else {
    let forbidden: string | null = null
    try {
      // Keys that name an object's machinery are never GS1 elements: refused with a plain reason.
      root = node(JSON.parse(body, (key, value: unknown) => (forbiddenKeys.has(key) ? ((forbidden ??= key), undefined) : value)))
    } catch {
      return { ok: false, reason: 'not valid JSON' }
    }
    if (forbidden) return { ok: false, reason: `the JSON key “${forbidden}” is not allowed` }
  }
  const rootName = Object.keys(root).find((k) => !k.startsWith('?') && !k.startsWith('@'))
  if (!rootName) return { ok: false, reason: 'empty message' }
  const read = Object.hasOwn(readers, rootName) ? readers[rootName] : undefined
  if (!read) return { ok: true, message: { kind: 'unrecognised', ...header(node(root[rootName])), rootElement: rootName, trackingNumbers: [], lines: [] } }
  try {
    return { ok: true, message: { ...read(node(root[rootName])), rootElement: rootName } }
  } catch (err) {
    return { ok: false, reason: `${rootName}: ${(err as Error).message}` }
  }
}
