#!/usr/bin/env node
// Builds src/shared/catalogue/bring-catalogue.json from Bring's published service data
// (../shared/bring-api/catalogue, from bring/developer-site). Run after that data changes;
// the unit tests check the committed file is up to date whenever the source folder is present.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const sourceDir = process.env.BRING_CATALOGUE_DIR ?? path.resolve(root, '../shared/bring-api/catalogue')
export const outFile = path.join(root, 'src/shared/catalogue/bring-catalogue.json')
export const limitsFile = path.join(root, 'src/shared/catalogue/product-limits.json')

const read = (f) => JSON.parse(readFileSync(path.join(sourceDir, f), 'utf8'))
const clean = (v) => (typeof v === 'string' && v.trim() !== '' && v.trim() !== '-' && v !== 'None' ? v.trim() : undefined)
const yes = (v) => v === 'Yes'

// Ids that appear in Bring's API documentation examples but not in the catalogue data, named as the docs name them.
const fromDocs = {
  '0345': { nameEn: 'Home Delivery Mailbox', family: 'Parcel Sweden', note: 'Named in the Shipping Guide API notice of 5 December 2025 (discontinued to/in Sweden from 1 January 2026).' }
}

export function buildCatalogue() {
  const bsg = read('services_bsg.json')
  const simple = read('service.json')
  const vasList = read('services_vas.json')
  const vasShort = read('vas.json')

  const products = {}
  for (const s of bsg) {
    const id = s.RequestCode
    products[id] ??= {
      id,
      code: s.ServiceCode,
      nameEn: s.ServiceName,
      family: s.ServiceFamily,
      type: clean(s.Type),
      booking: yes(s.Booking),
      shippingGuide: yes(s.ShippingGuide),
      listPrice: yes(s.ListPrice),
      agreementPrice: yes(s.AgreementPrice)
    }
  }
  for (const s of Object.values(simple)) {
    const id = s.apiId
    const p = (products[id] ??= { id, code: clean(s.code) ?? id, nameEn: clean(s.nameEn) ?? id, family: clean(s.serviceGroup) ?? '', booking: true, shippingGuide: true })
    if (clean(s.nameNo)) p.nameNb = clean(s.nameNo).replace(/\*$/, '')
    if (clean(s.usage)) p.usage = clean(s.usage)
    if (clean(s.maxWeight)) p.maxWeight = clean(s.maxWeight)
    if (clean(s.maxSize)) p.maxSize = clean(s.maxSize)
    if (clean(s.maxLWH)) p.maxLWH = clean(s.maxLWH)
  }
  for (const [id, doc] of Object.entries(fromDocs)) products[id] ??= { id, code: id, booking: true, shippingGuide: true, ...doc }

  const vas = {}
  for (const v of vasList) {
    const code = v.bookingCode
    vas[code] = {
      code,
      shippingGuideCode: v.shippingGuideCode,
      nameEn: v.vasName,
      nameNb: clean(v.vasNameNorwegian) ?? vasShort[code]?.descNo,
      description: clean(v.description),
      incompatibleWith: v.incompatibleVases,
      products: [...new Set(v.supportedServices.map((s) => s.productionCode))]
    }
  }
  return { source: 'bring/developer-site data/ (see ../shared/bring-api/catalogue/README.md)', products, vas }
}

const number = (text, pattern) => {
  const m = text ? pattern.exec(text) : null
  return m ? Number(m[1].replace(',', '.')) : undefined
}

/**
 * The catalogue's limits per product, small enough for the booking schema to check every form with
 * (the full catalogue stays out of the window's first chunk): domestic-only services (from Norway to
 * Norway), and the published weight and size limits ("35 kg", "240 cm long", "L+W+H: 360 cm").
 */
export function buildProductLimits(products = buildCatalogue().products) {
  const limits = {}
  for (const p of Object.values(products)) {
    const l = {
      domesticOnly: / Norway domestic$/.test(p.family ?? '') || undefined,
      maxWeightKg: number(p.maxWeight, /^([\d.,]+) kg$/),
      maxLengthCm: number(p.maxSize, /^([\d.,]+) cm long$/),
      maxSumCm: number(p.maxLWH, /^L\+W\+H: ([\d.,]+) cm$/)
    }
    const set = Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))
    if (Object.keys(set).length > 0) limits[p.id] = set
  }
  return limits
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const catalogue = buildCatalogue()
  writeFileSync(outFile, JSON.stringify(catalogue, null, 1) + '\n')
  writeFileSync(limitsFile, JSON.stringify(buildProductLimits(catalogue.products), null, 1) + '\n')
  console.log(`wrote ${path.relative(root, outFile)} and ${path.relative(root, limitsFile)}`)
}
