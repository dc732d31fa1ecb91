import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { guessMapping, parseCsv, type CsvTable } from '../../../src/shared/domain/csv-import'
import { gramsToKg, looksLikeGrams, readExport, recogniseExport } from '../../../src/shared/domain/shop-exports'
import { checkRow, type BatchDefaults } from '../../../src/shared/domain/batches'

const table = (name: string) => parseCsv(readFileSync(path.resolve('test/fixtures/shop-exports', name))) as CsvTable
const defaults: BatchDefaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: '2026-12-08', weightKg: '', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
const sender = { name: 'Nordisk Te AS', addressLine: 'Testsvingen 12', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } }

describe('shop order exports, read with no mapping', () => {
  it('Shopify: recognised; one shipment per order (two-line orders once), the order number as reference, grams as kg, the zip without its apostrophe', () => {
    const t = table('shopify-orders.csv')
    expect(t.rows).toHaveLength(38)
    expect(recogniseExport(t.headers)).toBe('shopify')
    const { rows, lines } = readExport('shopify', t.headers, t.rows)
    expect(rows).toHaveLength(30)
    expect(rows[0]).toEqual({ name: 'Kari Nordmann', addressLine: 'Bryggen 12', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', phone: '+4791234567', email: 'kunde0@example.no', reference: '#1100', weightKg: '0.276' })
    expect(rows.map((r) => r.reference)).toEqual(Array.from({ length: 30 }, (_, i) => `#${1100 + i}`))
    expect(rows[1].postalCode).toBe('0150')
    // Order #1100 is on lines 2 and 3; #1101 starts on line 4.
    expect(lines.slice(0, 2)).toEqual([2, 4])
    // Every order books with the batch's defaults: the weights are parcels' weights (none "276 kg").
    for (const r of rows) expect(checkRow(defaults, r, sender as never, '00000000-0000-4000-8000-000000000001').ok).toBe(true)
    // Without recognition the old guess took the order number ("Name") for the recipient's name.
    expect(guessMapping(t.headers)[0]).toBe('name')
  })

  it('WooCommerce: recognised; first and last name joined, a company as the name with the person as contact, the customer note as delivery instructions', () => {
    const t = table('woocommerce-orders.csv')
    expect(recogniseExport(t.headers)).toBe('woocommerce')
    const { rows } = readExport('woocommerce', t.headers, t.rows)
    expect(rows).toHaveLength(12)
    expect(rows[0]).toMatchObject({ name: 'Kari Nordmann', addressLine: 'Bryggen 12', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', email: 'woo0@example.no', reference: '4990' })
    expect(rows[1].deliveryInstructions).toBe('Ring på')
    expect(rows[3]).toMatchObject({ name: 'Butikken AS', contactName: 'Per Olsen' })
    for (const r of rows) expect(checkRow({ ...defaults, weightKg: '1' }, r, sender as never, '00000000-0000-4000-8000-000000000001').ok).toBe(true)
  })

  it("Fraktdesk's own result export (English or Norwegian headers) maps itself; other files are not taken for one", () => {
    expect(recogniseExport(['Row', 'Recipient', 'Postal code', 'City', 'Reference', 'Consignment number', 'Tracking link', 'Status', 'Problem'])).toBe('fraktdesk')
    expect(recogniseExport(['Rad', 'Mottaker', 'Postnummer', 'Poststed', 'Referanse', 'Sendingsnummer', 'Sporingslenke', 'Status', 'Feil'])).toBe('fraktdesk')
    const { rows } = readExport('fraktdesk', ['Rad', 'Mottaker', 'Postnummer', 'Poststed', 'Referanse', 'Sendingsnummer', 'Sporingslenke', 'Status', 'Feil'], [['1', 'Kari', '5003', 'BERGEN', 'WEB-1', '', '', 'Feilet', 'x']])
    expect(rows).toEqual([{ name: 'Kari', postalCode: '5003', city: 'BERGEN', reference: 'WEB-1' }])
    expect(recogniseExport(['Navn', 'Adresse', 'Postnr', 'Poststed', 'Vekt (kg)'])).toBeNull()
  })

  it('an unknown file: a weight column in grams is noticed by its header or its values', () => {
    expect(looksLikeGrams('Vekt (g)', ['1', '2'])).toBe(true)
    expect(looksLikeGrams('Weight grams', ['1'])).toBe(true)
    expect(looksLikeGrams('Vekt (kg)', ['1844', '976'])).toBe(false)
    expect(looksLikeGrams('Vekt', ['1844', '976', '2300', '650'])).toBe(true)
    expect(looksLikeGrams('Vekt', ['1,5', '2', '12'])).toBe(false)
    expect(gramsToKg('1844')).toBe('1.844')
    expect(gramsToKg('abc')).toBe('abc')
  })
})
