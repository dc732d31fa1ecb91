import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { catalogueProduct, catalogueProductIds, describeProduct } from '../../../src/shared/catalogue/products'

// Bring's published service data and its Customer Info example, vendored (see test/fixtures/bring/README.md): these run in any clone.
const fixtures = path.resolve(__dirname, '../../fixtures/bring')

// Every product id in the Customer Info and Booking API docs' example responses.
const docExampleIds = [
  '3570', '3584', '4850', '5000', '5600', '5800', '9000', '9300', '9600', '9650', 'BUSINESS_HALFPALLET',
  'BUSINESS_PALLET', 'BUSINESS_PARCEL', 'BUSINESS_PARCEL_BULK', 'BUSINESS_QUARTERPALLET', 'EXPRESS_NORDIC_0900',
  'EXPRESS_NORDIC_0900_BULK', 'HOME_DELIVERY_PARCEL', 'PICKUP_PARCEL', 'PICKUP_PARCEL_BULK', '0345'
]

describe('product catalogue', () => {
  it.each(docExampleIds)('names %s with a human name and description', (id) => {
    const p = describeProduct(id, 'en')
    expect(p.known).toBe(true)
    expect(p.name).not.toBe(id)
    expect(p.description.length).toBeGreaterThan(3)
  })

  it('uses Norwegian names where Bring publishes them', () => {
    expect(describeProduct('5800', 'nb').name).toBe('Pakke til hentested')
    expect(describeProduct('5800', 'en').name).toBe('Pickup parcel')
  })

  it('describes a product in Norwegian in a Norwegian window, though Bring publishes groups and limits in English', () => {
    expect(describeProduct('5800', 'en').description).toBe('Parcel Norway domestic · max 35 kg, 240 cm long, L+W+H: 360 cm')
    expect(describeProduct('5800', 'nb').description).toBe('Pakke Norge innenlands · maks 35 kg, 240 cm lang, L+B+H: 360 cm')
    expect(describeProduct('3570', 'nb').description).toContain('Hvis du har en RFID-skriver')
  })

  it('every service group and usage note in the catalogue has its Norwegian words', () => {
    for (const id of catalogueProductIds()) {
      const p = catalogueProduct(id)!
      const nb = describeProduct(id, 'nb').description
      if (p.family) expect(nb, id).not.toContain(p.family)
      if (p.usage) expect(nb, id).not.toContain(p.usage)
      expect(nb, id).not.toMatch(/\b(max|long|code)\b|L\+W\+H/)
    }
  })

  it('returns unknown ids as-is, flagged, never dropped', () => {
    expect(describeProduct('0344', 'en')).toEqual({ id: '0344', name: '0344', description: '', known: false })
  })

  it('the committed catalogue matches Bring’s published data', async () => {
    process.env.BRING_CATALOGUE_DIR = path.join(fixtures, 'catalogue')
    // @ts-expect-error -- plain .mjs build script, no types
    const { buildCatalogue, buildProductLimits, outFile, limitsFile } = await import('../../../scripts/build-catalogue.mjs')
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toEqual(buildCatalogue())
    expect(JSON.parse(readFileSync(limitsFile, 'utf8'))).toEqual(buildProductLimits())
  })

  it('covers every product id listed in the Customer Info example', () => {
    const example = JSON.parse(readFileSync(path.join(fixtures, 'customer-info-response.example.json'), 'utf8')) as { customers: { products: string[] }[] }
    const ids = example.customers.flatMap((c) => c.products)
    expect(ids.length).toBeGreaterThan(15)
    const unknown = [...new Set(ids)].filter((id) => !describeProduct(id, 'en').known)
    // 0344 appears in Bring's example but in none of Bring's published service data; shown as-is.
    expect(unknown).toEqual(['0344'])
  })
})
