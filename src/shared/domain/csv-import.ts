import Papa from 'papaparse'
import { MAX_BATCH_ROWS, rowFields, type RowField, type RowValues } from './batches'

/**
 * Past this a file is refused before it is read: 100,000 orders of a shop's export with all its columns
 * (Shopify writes some 70) come to about 60 MB.
 */
export const MAX_CSV_BYTES = 200 * 1024 * 1024

/** Rows between two progress reports while reading. */
const PROGRESS_EVERY = 5000

export type CsvProblem =
  | { key: 'empty' }
  | { key: 'binary' }
  | { key: 'tooLarge'; params: { mb: number } }
  | { key: 'tooManyRows'; params: { rows: number; max: number } }
  | { key: 'noRows' }

export interface CsvTable {
  encoding: 'utf-8' | 'windows-1252'
  delimiter: string
  headers: string[]
  rows: string[][]
  /** Each row's line as a spreadsheet numbers it (the header is line 1; blank lines count, as a spreadsheet shows them). */
  lines: number[]
}

/**
 * Text of a spreadsheet export: UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252
 * (what Excel on Windows writes as "CSV"), so "Bærum" reads right either way.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } | CsvProblem {
  if (bytes.length === 0) return { key: 'empty' }
  if (bytes.length > MAX_CSV_BYTES) return { key: 'tooLarge', params: { mb: MAX_CSV_BYTES / 1024 / 1024 } }
  // A NUL byte never occurs in text: this is a picture, a zip (xlsx) or another binary file.
  if (bytes.subarray(0, 65536).includes(0)) return { key: 'binary' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}

/**
 * Header row and data rows; the separator (";", "," or tab) is whichever the file uses. Read row by row so
 * a big file can say how far it has come (`onProgress`: 0–1); a big file is read in a worker.
 */
export function parseCsv(bytes: Uint8Array, onProgress?: (fraction: number) => void): CsvTable | CsvProblem {
  const decoded = decodeCsv(bytes)
  if ('key' in decoded) return decoded
  // Blank lines are kept while numbering, so each row knows the line a spreadsheet shows it on.
  const text = decoded.text.replace(/(\r?\n)+$/, '')
  const data: string[][] = []
  let delimiter = ''
  Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: false,
    step: (row) => {
      data.push(row.data)
      delimiter ||= row.meta.delimiter
      if (data.length % PROGRESS_EVERY === 0) onProgress?.(row.meta.cursor / text.length)
    }
  })
  onProgress?.(1)
  const [headerRow, ...all] = data
  if (!headerRow || headerRow.every((h) => h.trim() === '')) return { key: 'empty' }
  const rows: string[][] = []
  const lines: number[] = []
  all.forEach((cells, i) => {
    if (!cells.some((c) => c.trim() !== '')) return
    rows.push(cells)
    lines.push(i + 2)
  })
  if (rows.length === 0) return { key: 'noRows' }
  if (rows.length > MAX_BATCH_ROWS) return { key: 'tooManyRows', params: { rows: rows.length, max: MAX_BATCH_ROWS } }
  return { encoding: decoded.encoding, delimiter, headers: headerRow.map((h) => h.trim()), rows, lines }
}

// Header words in Norwegian and English, as webshops (WooCommerce, Shopify, Mybring) export them.
const headerWords: Record<RowField, string[]> = {
  name: ['navn', 'name', 'mottaker', 'mottakernavn', 'recipient', 'recipient name', 'firma', 'firmanavn', 'company', 'fullt navn', 'full name', 'kunde', 'kundenavn', 'customer name'],
  addressLine: ['adresse', 'address', 'gateadresse', 'street', 'street address', 'adresse 1', 'adresselinje 1', 'address 1', 'address line 1', 'address1', 'leveringsadresse', 'shipping address'],
  addressLine2: ['adresse 2', 'adresselinje 2', 'address 2', 'address line 2', 'address2', 'c o'],
  postalCode: ['postnr', 'postnummer', 'post nr', 'postal code', 'postcode', 'post code', 'zip', 'zip code', 'zipcode'],
  city: ['poststed', 'sted', 'by', 'city', 'town', 'postal place'],
  countryCode: ['land', 'landkode', 'country', 'country code', 'countrycode'],
  contactName: ['kontaktperson', 'kontakt', 'contact', 'contact name', 'contact person', 'attention', 'att'],
  phone: ['telefon', 'tlf', 'telefonnummer', 'mobil', 'mobilnummer', 'mobiltelefon', 'phone', 'phone number', 'mobile', 'telephone', 'tel'],
  email: ['e post', 'epost', 'e postadresse', 'email', 'e mail', 'mail', 'email address'],
  reference: ['referanse', 'ref', 'reference', 'ordrenr', 'ordrenummer', 'ordre', 'order', 'order number', 'order no', 'order id', 'bestillingsnummer'],
  deliveryInstructions: ['leveringsinstruks', 'leveringsinstruksjon', 'leveringsinstruksjoner', 'leveringsbeskjed', 'delivery instructions', 'instructions', 'beskjed', 'melding', 'note'],
  weightKg: ['vekt', 'vekt kg', 'weight', 'weight kg', 'kg', 'bruttovekt', 'gross weight'],
  lengthCm: ['lengde', 'lengde cm', 'length', 'length cm'],
  widthCm: ['bredde', 'bredde cm', 'width', 'width cm'],
  heightCm: ['høyde', 'hoyde', 'høyde cm', 'height', 'height cm'],
  packageCount: ['antall', 'antall kolli', 'kolli', 'antall pakker', 'pakker', 'packages', 'parcels', 'number of packages', 'count', 'qty', 'quantity'],
  goodsDescription: ['innhold', 'varebeskrivelse', 'beskrivelse', 'varer', 'contents', 'goods', 'goods description', 'description'],
  productId: ['tjeneste', 'produkt', 'produktkode', 'service', 'product', 'product code', 'service code'],
  customerNumber: ['kundenummer', 'kundenr', 'customer number', 'customer no', 'customer id'],
  services: ['tilleggstjenester', 'tilleggstjeneste', 'additional services', 'vas'],
  driverMessage: ['beskjed til sjåfør', 'beskjed til sjafor', 'melding til sjåfør', 'driver message', 'message for the driver', 'message to driver'],
  notifyEmail: ['varsle e post', 'varslings e post', 'notify email', 'notification email', 'third party email'],
  notifyMobile: ['varsle mobil', 'varslingsmobil', 'notify mobile', 'notification mobile', 'third party mobile'],
  pickupPointId: ['hentested', 'hentested id', 'hentestednummer', 'pickup point', 'pickup point id', 'service point', 'servicepoint id'],
  customsValue: ['tollverdi', 'customs value', 'declared value', 'varens verdi'],
  customsCurrency: ['valuta', 'currency'],
  customsOrigin: ['opprinnelsesland', 'country of origin', 'origin'],
  customsCode: ['tolltariffnummer', 'varenummer toll', 'hs kode', 'hs code', 'tariff code'],
  customsNature: ['forsendelsestype', 'nature of transaction'],
  customsConsent: ['tollbekreftelse', 'customs consent']
}

const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .normalize('NFC')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const lookup = new Map<string, RowField>(rowFields.flatMap((f) => headerWords[f].map((w) => [w, f] as const)))

/** What each column probably holds, from its header; a field is given to one column only (the first). */
export function guessMapping(headers: string[]): (RowField | null)[] {
  const taken = new Set<RowField>()
  return headers.map((h) => {
    const n = normaliseHeader(h)
    const field = lookup.get(n) ?? lookup.get(n.replace(/\s+/g, ' ').split(' ').slice(0, 2).join(' ')) ?? null
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

/** Same headers (order and spelling aside from case and spaces) = same file layout: the remembered mapping applies. */
export function headerSetKey(headers: string[]): string {
  return headers.map(normaliseHeader).join('|')
}

/** Rows as field values under a mapping (column index → field or null for "ignore"). */
export function applyMapping(rows: string[][], mapping: (RowField | null)[]): RowValues[] {
  return rows.map((cells) => {
    const values: RowValues = {}
    mapping.forEach((field, i) => {
      const v = (cells[i] ?? '').trim()
      if (field && v !== '') values[field] = v.slice(0, 200)
    })
    return values
  })
}

/** The fields a row cannot be booked without; the mapping step says which are still missing. */
export const requiredRowFields: RowField[] = ['name', 'addressLine', 'postalCode', 'city']
