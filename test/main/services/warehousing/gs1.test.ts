import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseWarehouseMessage } from '../../../../src/main/services/warehousing/gs1'

const fixture = (name: string): string => readFileSync(path.resolve('test/fixtures/warehousing', name), 'utf8')

describe('GS1 3.3 messages from Bring Warehousing', () => {
  it('despatch advice: order number, status, ship-to, tracking numbers, lines with articles and quantities', () => {
    const r = parseWarehouseMessage(fixture('despatch-advice.xml'), 'xml')
    expect(r).toMatchObject({
      ok: true,
      message: {
        kind: 'order',
        instanceId: 'BW-DESADV-100234',
        orderNumber: 'WEB-1001',
        status: 'DESPATCHED',
        eventAt: '2026-11-27T13:40:00+01:00',
        shipTo: { name: 'Kari Nordmann', addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', phone: '+4791234567', email: 'kari@example.no', customer: 'CUST-884' },
        trackingNumbers: ['70438101234567890', '370704381000000016'],
        lines: [
          { article: 'TEA-GREEN-100', gtin: '07012345000011', description: 'Green tea 100 g', quantity: 2 },
          { article: 'CUP-WHITE', gtin: '07012345000028', description: 'Tea cup, white', quantity: 1 }
        ]
      }
    })
  })

  it('outbound notification: the order status in the warehouse', () => {
    const r = parseWarehouseMessage(fixture('outbound-notification.xml'), 'xml')
    expect(r).toMatchObject({ ok: true, message: { kind: 'order', orderNumber: 'WEB-1002', status: 'PICKED', lines: [{ article: 'TEA-GREEN-100', quantity: 3 }] } })
  })

  it('inventory report (status) and inventory adjustment (activity)', () => {
    expect(parseWarehouseMessage(fixture('inventory-report.xml'), 'xml')).toMatchObject({ ok: true, message: { kind: 'inventory', instanceId: 'BW-INVRPT-20261127', lines: [{ article: 'TEA-GREEN-100', quantity: 120 }, { article: 'CUP-WHITE', quantity: 36 }] } })
    expect(parseWarehouseMessage(fixture('inventory-adjustment.xml'), 'xml')).toMatchObject({ ok: true, message: { kind: 'adjustment', lines: [{ article: 'CUP-WHITE', quantity: -2, reason: 'DAMAGED' }] } })
  })

  it('the JSON equivalent reads the same way', () => {
    expect(parseWarehouseMessage(fixture('despatch-advice.json'), 'json')).toMatchObject({ ok: true, message: { kind: 'order', orderNumber: 'WEB-1003', trackingNumbers: ['70438101234567999'], lines: [{ article: 'TEA-GREEN-100', quantity: 4 }] } })
  })

  it('a well-formed message of another type is kept as unrecognised; malformed ones are refused with a reason', () => {
    expect(parseWarehouseMessage('<?xml version="1.0"?><ns:receivingAdviceMessage xmlns:ns="urn:x"><a>1</a></ns:receivingAdviceMessage>', 'xml')).toMatchObject({ ok: true, message: { kind: 'unrecognised', rootElement: 'receivingAdviceMessage' } })
    expect(parseWarehouseMessage('<order><unclosed></order>', 'xml')).toMatchObject({ ok: false, reason: expect.stringMatching(/^not well-formed XML/) })
    expect(parseWarehouseMessage('{"despatchAdviceMessage": ', 'json')).toEqual({ ok: false, reason: 'not valid JSON' })
    expect(parseWarehouseMessage('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'xml')).toEqual({ ok: false, reason: 'DOCTYPE is not allowed' })
    const badQty = fixture('despatch-advice.xml').replace('measurementUnitCode="EA">2<', 'measurementUnitCode="EA">two<')
    expect(parseWarehouseMessage(badQty, 'xml')).toEqual({ ok: false, reason: 'despatchAdviceMessage: line 1: a quantity must be a number' })
  })
})
