import type { RowField, RowValues } from './batches'

/**
 * Order exports Fraktdesk reads with no mapping at all, recognised by their headers:
 * - Shopify's orders export (Shopify admin → Orders → Export, "CSV for Excel, Numbers or other
 *   spreadsheet programs"): one line per line item, the order's fields on its first line only; "Name"
 *   is the order number (#1100); Shopify writes a postal code with a leading apostrophe so spreadsheets
 *   keep its zeros; "Total Weight", where the export has it, is in grams.
 * - WooCommerce orders as the order-export extensions write them by default (WooCommerce's own
 *   "Customer / Order CSV Export" and the plugins that copy its column names): snake_case columns
 *   (`order_number`, `shipping_first_name`, `shipping_address_1`, `shipping_postcode`, …), one line per order.
 * - Fraktdesk's own batch result export (either language), so a result file read back maps itself.
 */
export type ShopExportFormat = 'shopify' | 'woocommerce' | 'fraktdesk'

const norm = (h: string): string => h.trim().toLowerCase()

const signatures: Record<ShopExportFormat, string[][]> = {
  shopify: [['name', 'shipping name', 'shipping address1', 'shipping zip', 'shipping city']],
  woocommerce: [['shipping_first_name', 'shipping_address_1', 'shipping_postcode', 'shipping_city']],
  fraktdesk: [
    ['row', 'recipient', 'postal code', 'city', 'reference', 'consignment number', 'status'],
    ['rad', 'mottaker', 'postnummer', 'poststed', 'referanse', 'sendingsnummer', 'status']
  ]
}

/** Which known export a header row is, or null. */
export function recogniseExport(headers: string[]): ShopExportFormat | null {
  const have = new Set(headers.map(norm))
  for (const [format, sets] of Object.entries(signatures) as [ShopExportFormat, string[][]][]) {
    if (sets.some((set) => set.every((h) => have.has(h)))) return format
  }
  return null
}

type Cells = (name: string) => string

/** Grams as kilograms, as the row's weight cell writes them ("1844" → "1.844"); an unreadable cell is kept for the check to name. */
export function gramsToKg(cell: string): string {
  const t = cell.trim().replace(/\s/g, '')
  if (!/^\d+([.,]\d+)?$/.test(t)) return cell
  return String(Math.round(Number(t.replace(',', '.'))) / 1000)
}

const withoutApostrophe = (zip: string): string => zip.trim().replace(/^'+/, '')

/** A person or a company, as Bring wants it: the company as the name with the person as its contact. */
function named(company: string, person: string): Pick<RowValues, 'name' | 'contactName'> {
  return company ? { name: company, contactName: person || undefined } : { name: person }
}

const readers: Record<ShopExportFormat, (get: Cells) => RowValues> = {
  shopify: (get) => ({
    ...named(get('shipping company'), get('shipping name')),
    addressLine: get('shipping address1') || get('shipping street'),
    addressLine2: get('shipping address2'),
    postalCode: withoutApostrophe(get('shipping zip')),
    city: get('shipping city'),
    countryCode: get('shipping country'),
    phone: get('shipping phone') || get('phone') || get('billing phone'),
    email: get('email'),
    reference: get('name'),
    weightKg: get('total weight') ? gramsToKg(get('total weight')) : ''
  }),
  woocommerce: (get) => ({
    ...named(get('shipping_company'), [get('shipping_first_name'), get('shipping_last_name')].filter(Boolean).join(' ')),
    addressLine: get('shipping_address_1'),
    addressLine2: get('shipping_address_2'),
    postalCode: get('shipping_postcode'),
    city: get('shipping_city'),
    countryCode: get('shipping_country'),
    phone: get('shipping_phone') || get('billing_phone'),
    email: get('billing_email'),
    reference: get('order_number') || get('order_number_formatted') || get('order_id'),
    deliveryInstructions: get('customer_note')
  }),
  fraktdesk: (get) => ({
    name: get('recipient') || get('mottaker'),
    postalCode: get('postal code') || get('postnummer'),
    city: get('city') || get('poststed'),
    reference: get('reference') || get('referanse')
  })
}

/** The column that says which order a line belongs to: lines with the same value are one shipment. */
const orderColumn: Record<ShopExportFormat, string | null> = { shopify: 'name', woocommerce: 'order_number', fraktdesk: null }

/**
 * A known export's lines as batch rows: one row per order (an order on several lines is one shipment,
 * its address from the line that has one), the order number as the reference, weights in kilograms.
 * `lines` maps each row to the file line its order starts on (as a spreadsheet numbers it: the header is line 1).
 */
export function readExport(format: ShopExportFormat, headers: string[], rows: string[][], fileLines: number[] = rows.map((_, i) => i + 2)): { rows: RowValues[]; lines: number[] } {
  const index = new Map(headers.map((h, i) => [norm(h), i] as const))
  const cellsOf =
    (cells: string[]): Cells =>
    (name) => {
      const i = index.get(name)
      return i === undefined ? '' : (cells[i] ?? '').trim()
    }
  const out: RowValues[] = []
  const lines: number[] = []
  const byOrder = new Map<string, number>()
  const key = orderColumn[format]
  rows.forEach((cells, i) => {
    const get = cellsOf(cells)
    const order = key ? get(key) : ''
    const values = clean(readers[format](get))
    const at = order ? byOrder.get(order) : undefined
    if (at === undefined) {
      if (order) byOrder.set(order, out.length)
      out.push(values)
      lines.push(fileLines[i])
      return
    }
    // A further line of the same order: it only fills what the order's first line left empty.
    for (const [f, v] of Object.entries(values) as [RowField, string][]) if (!out[at][f]) out[at][f] = v
  })
  return { rows: out, lines }
}

const clean = (v: RowValues): RowValues => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '').map(([k, x]) => [k, (x as string).slice(0, 200)])) as RowValues

/**
 * A weight column that is in grams: its header says g/gram(s), or (a header that names no unit) its values
 * look like grams (every one a whole number and most over 100, which no parcel weighs in kilograms). A
 * header that says kg is taken at its word.
 */
export function looksLikeGrams(header: string, values: string[]): boolean {
  const h = norm(header).replace(/[()[\]]/g, ' ')
  if (/\b(kg|kilo\w*)\b/.test(h)) return false // the file says kilograms: taken at its word
  if (/\b(g|gr|gram\w*)\b/.test(h)) return true
  const numbers = values.map((v) => v.trim()).filter(Boolean)
  if (numbers.length === 0 || !numbers.every((v) => /^\d+$/.test(v))) return false
  return numbers.filter((v) => Number(v) > 100).length >= Math.ceil(numbers.length * 0.8)
}
