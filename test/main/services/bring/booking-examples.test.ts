// Bring's booking example for every additional service (vendored from ../shared/bring-api/booking-examples/vas):
// the request builder, given the form values the example implies, puts the same fragment in the same place.
// A new example file without a mapping here fails.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { bookingFormSchema } from '../../../../src/shared/domain/booking'
import { buildBookingRequest } from '../../../../src/main/services/bring/booking'
import { domesticForm } from '../../../helpers/booking-form'
import { exampleForms as forms } from '../../../helpers/service-examples'

const dir = path.resolve(__dirname, '../../../fixtures/bring/booking-examples/vas')

/** An example as published: most are a fragment ("key": value) with trailing commas allowed. */
function readExample(file: string): Record<string, unknown> {
  const text = readFileSync(path.join(dir, file), 'utf8').trim().replace(/,(\s*[}\]])/g, '$1')
  return JSON.parse(text.startsWith('{') ? text : `{${text}}`) as Record<string, unknown>
}

/** Replaces each placeholder path of the example (dot path) with the built value at the same path. */
function withPlaceholders(example: unknown, built: unknown, paths: string[] = []): unknown {
  const copy = structuredClone(example) as Record<string, unknown>
  for (const p of paths) {
    const keys = p.split('.')
    let from = built as Record<string, unknown>
    let to = copy
    for (const k of keys.slice(0, -1)) {
      from = from?.[k] as Record<string, unknown>
      to = to[k] as Record<string, unknown>
    }
    to[keys.at(-1)!] = from?.[keys.at(-1)!]
  }
  return copy
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

describe("Bring's booking example for each additional service", () => {
  it('has a form mapping for every example file (a new example without one fails here)', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(files.map((f) => f.replace(/\.json$/, '')).filter((id) => !forms[id])).toEqual([])
  })

  it.each(files.map((f) => [f.replace(/\.json$/, ''), f]))('%s: the request carries the example’s fragment in the same place', (id, file) => {
    const mapping = forms[id]
    const { serviceDetails, ...rest } = mapping.values as { serviceDetails?: object }
    const form = bookingFormSchema.parse({ ...domesticForm(), ...rest, additionalServices: [id], serviceDetails: { ...serviceDetails } })
    const consignment = buildBookingRequest(form, 'test').consignments[0] as Record<string, unknown> & { product: Record<string, unknown>; parties: Record<string, unknown> }
    const example = readExample(file)
    if ('consignments' in example) {
      // A whole booking (1288): its consignment's fields and product's additional services.
      const c = (example.consignments as Record<string, unknown>[])[0]
      const { product, ...fields } = c as { product: Record<string, unknown> }
      for (const [k, v] of Object.entries(fields)) expect(consignment[k], k).toEqual(v)
      expect(consignment.product.additionalServices).toEqual(product.additionalServices)
      return
    }
    const [key, fragment] = Object.entries(example)[0]
    switch (key) {
      case 'additionalServices':
        expect(consignment.product.additionalServices).toEqual(withPlaceholders(fragment, consignment.product.additionalServices, mapping.placeholders))
        break
      case 'product':
        // Delivery attempts: product.services.deliveryOption, and no additional service entry.
        expect(consignment.product.services).toEqual((fragment as { services: unknown }).services)
        expect(consignment.product.additionalServices).toBeUndefined()
        break
      case 'pickupPoint':
        expect(consignment.parties.pickupPoint).toEqual(withPlaceholders(fragment, consignment.parties.pickupPoint, mapping.placeholders))
        expect(['NO', 'SE', 'DK', 'FI']).toContain((consignment.parties.pickupPoint as { countryCode: string }).countryCode)
        expect(consignment.product.additionalServices).toBeUndefined()
        break
      default:
        // A consignment field (customerSpecifiedDeliveryDateTime), not an additional service.
        expect(consignment[key]).toEqual(fragment)
        expect(consignment.product.additionalServices).toBeUndefined()
    }
  })
})

describe('what Quote and Book offer', () => {
  it('every additional service offered for any product in the catalogue is one the request builder can place', async () => {
    const { catalogueProductIds } = await import('../../../../src/shared/catalogue/products')
    const { servicesForProducts } = await import('../../../../src/shared/catalogue/additional-services')
    const { bookingServiceRule } = await import('../../../../src/shared/catalogue/booking-services')
    const offered = servicesForProducts(catalogueProductIds(), 'en')
    expect(offered.length).toBeGreaterThan(40)
    expect(offered.filter((v) => !bookingServiceRule(v.code)).map((v) => v.code)).toEqual([])
    // Every offered service also books: a form with it (and the values it needs) builds a request without losing it.
    for (const v of offered) {
      const values = forms[v.code]?.values ?? {}
      const { serviceDetails, ...rest } = values as { serviceDetails?: object }
      const parsed = bookingFormSchema.safeParse({ ...domesticForm(), ...rest, additionalServices: [v.code], serviceDetails: { ...serviceDetails } })
      expect(parsed.success, `${v.code}: ${parsed.error?.issues.map((i) => i.message).join('; ')}`).toBe(true)
      const c = buildBookingRequest(parsed.data!, 'test').consignments[0] as Record<string, unknown> & { product: { additionalServices?: { id: string }[]; services?: unknown }; parties: Record<string, unknown> }
      const placed = c.product.additionalServices?.some((e) => e.id === v.code) || c.product.services || c.parties.pickupPoint || c.customerSpecifiedDeliveryDateTime
      expect(placed, v.code).toBeTruthy()
    }
  })

  it('calls 1073 "Pickup from mailbox" (Bring’s catalogue says just "Pickup")', async () => {
    const { vasName } = await import('../../../../src/shared/catalogue/additional-services')
    expect([vasName('1073', 'en'), vasName('1073', 'nb')]).toEqual(['Pickup from mailbox', 'Henting i postkassen'])
  })
})
