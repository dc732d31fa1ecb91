import { describe, expect, it } from 'vitest'
import { applyMapping, guessMapping, headerSetKey, parseCsv, type CsvTable } from '../../../src/shared/domain/csv-import'
import { checkRow, MAX_BATCH_ROWS } from '../../../src/shared/domain/batches'
import { partySchema } from '../../../src/shared/domain/booking'
import { osloDate } from '../../../src/shared/domain/fields'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
/** Windows-1252 bytes of Latin-1 text (æøå are single bytes there). */
const cp1252 = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))
const table = (bytes: Uint8Array): CsvTable => {
  const t = parseCsv(bytes)
  if ('key' in t) throw new Error(`expected a table, got ${t.key}`)
  return t
}

describe('CSV import', () => {
  it('reads a Norwegian Excel export: ";" separator, UTF-8 BOM, decimal commas', () => {
    const t = table(utf8('\uFEFFNavn;Adresse;Postnr;Poststed;Vekt (kg)\r\nKari Nordmann;Bryggen 1;5003;Bergen;2,5\r\n'))
    expect(t).toMatchObject({ encoding: 'utf-8', delimiter: ';', headers: ['Navn', 'Adresse', 'Postnr', 'Poststed', 'Vekt (kg)'] })
    expect(t.rows).toEqual([['Kari Nordmann', 'Bryggen 1', '5003', 'Bergen', '2,5']])
  })

  it('reads "," files with quoted fields holding commas, quotes and line breaks', () => {
    const t = table(utf8('name,address,zip,city,weight\n"Nordmann, Kari","Storgata 1, 2. etg","0150",Oslo,"2,5"\n"Ola ""Bestemor"" Hansen","Line\nbreak",5003,Bergen,1\n'))
    expect(t.delimiter).toBe(',')
    expect(t.rows[0]).toEqual(['Nordmann, Kari', 'Storgata 1, 2. etg', '0150', 'Oslo', '2,5'])
    expect(t.rows[1][0]).toBe('Ola "Bestemor" Hansen')
    expect(t.rows[1][1]).toBe('Line\nbreak')
  })

  it('reads Windows-1252 files (Excel on Windows) with æøå intact', () => {
    const t = table(cp1252('Navn;Poststed\nBjørn Ærlig;Bærum\n'))
    expect(t.encoding).toBe('windows-1252')
    expect(t.rows[0]).toEqual(['Bjørn Ærlig', 'Bærum'])
  })

  it('refuses what is not a usable CSV with a reason: empty, header only, binary junk, too many rows', () => {
    expect(parseCsv(new Uint8Array())).toEqual({ key: 'empty' })
    expect(parseCsv(utf8('\n\n'))).toEqual({ key: 'empty' })
    expect(parseCsv(utf8('Navn;Adresse\n'))).toEqual({ key: 'noRows' })
    expect(parseCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]))).toEqual({ key: 'binary' })
    const big = `Navn;Postnr\n${'Kari;5003\n'.repeat(MAX_BATCH_ROWS + 1)}`
    expect(parseCsv(utf8(big))).toEqual({ key: 'tooManyRows', params: { rows: 100_001, max: 100_000 } })
  })

  it('reads a 100,000-row file whole, telling how far it has come', () => {
    const lines = ['Navn;Adresse;Postnr;Poststed']
    for (let i = 1; i <= 100_000; i++) lines.push(`Kunde ${i};"Storgata ${i}; oppgang B";5003;BERGEN`)
    const seen: number[] = []
    const t = parseCsv(utf8(lines.join('\r\n')), (f) => seen.push(f))
    if ('key' in t) throw new Error(t.key)
    expect(t.rows).toHaveLength(100_000)
    expect(t.rows[99_999]).toEqual(['Kunde 100000', 'Storgata 100000; oppgang B', '5003', 'BERGEN'])
    expect(t.lines[99_999]).toBe(100_001)
    expect(seen.length).toBeGreaterThan(2)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(1)
  })

  it('guesses columns from Norwegian and English headers, each field once, unknown columns ignored', () => {
    expect(guessMapping(['Navn', 'Adresse', 'Postnr', 'Poststed', 'Telefon', 'E-post', 'Ordrenr', 'Vekt (kg)', 'Antall kolli', 'Farge'])).toEqual([
      'name', 'addressLine', 'postalCode', 'city', 'phone', 'email', 'reference', 'weightKg', 'packageCount', null
    ])
    expect(guessMapping(['Recipient name', 'Address line 1', 'Address line 2', 'ZIP', 'City', 'Country', 'Mobile', 'Name'])).toEqual([
      'name', 'addressLine', 'addressLine2', 'postalCode', 'city', 'countryCode', 'phone', null
    ])
    expect(guessMapping(['foo', 'bar'])).toEqual([null, null])
    expect(headerSetKey(['Navn', ' Postnr '])).toBe(headerSetKey(['navn', 'postnr']))
  })

  it('maps rows to fields and checks them with the booking schema: decimal comma weight is fine, a bad postal code is named', () => {
    const t = table(utf8('Navn;Adresse;Postnr;Poststed;Vekt\nKari;Bryggen 1;5003;Bergen;2,5\nOla;Storgata 1;50O3;Oslo;1\n'))
    const rows = applyMapping(t.rows, guessMapping(t.headers))
    expect(rows[0]).toEqual({ name: 'Kari', addressLine: 'Bryggen 1', postalCode: '5003', city: 'Bergen', weightKg: '2,5' })
    const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
    const sender = partySchema.parse({ name: 'Shop', addressLine: 'Gate 1', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } })
    const ok = checkRow(defaults, rows[0], sender, crypto.randomUUID())
    expect(ok.ok && ok.form.packages[0].weightInKg).toBe(2.5)
    const bad = checkRow(defaults, rows[1], sender, crypto.randomUUID())
    expect(bad.ok).toBe(false)
    expect(!bad.ok && Object.keys(bad.problems)).toEqual(['postalCode'])
  })

  it('a row gives the values its services need in their own columns; what no column holds is asked for under its services', () => {
    const t = table(utf8('Navn;Adresse;Postnr;Poststed;Vekt;Tjeneste;Tilleggstjenester;Varsle e-post;Beskjed til sjåfør\nKari;Bryggen 1;5003;Bergen;2;5000;1095;kari@example.no;\nOla;Storgata 1;5003;Bergen;2;5000;1095;;\nPer;Gate 2;5003;Bergen;2;BUSINESS_PARCEL;0039;;Bak huset\nLise;Gate 3;5003;Bergen;2;5100;1245;;\n'))
    const rows = applyMapping(t.rows, guessMapping(t.headers))
    const defaults = { customerNumber: '5', productId: '5800', senderId: null, shippingDate: osloDate(), weightKg: '', lengthCm: '30', widthCm: '20', heightCm: '10', goodsDescription: '' }
    const sender = partySchema.parse({ name: 'Shop', addressLine: 'Gate 1', postalCode: '0150', city: 'OSLO', countryCode: 'NO', contact: { phoneNumber: '+4712345678' } })
    const [notified, notNotified, indoor, dangerous] = rows.map((r) => checkRow(defaults, r, sender, crypto.randomUUID()))
    expect(notified.ok && notified.form.serviceDetails.notificationEmail).toBe('kari@example.no')
    expect(!notNotified.ok && notNotified.problems).toEqual({ notifyEmail: ['Notification to a third party needs an e-mail address or a mobile number'] })
    expect(indoor.ok && indoor.form.serviceDetails.deliveryIndoorMessage).toBe('Bak huset')
    expect(!dangerous.ok && dangerous.problems.services).toEqual(['Dangerous goods need at least one line: UN number, goods and weight'])
  })
})

describe('each row knows its line in the file, as a spreadsheet numbers it', () => {
  it('the header is line 1; a blank line counts; an address on two lines inside quotes is one row', () => {
    const text = 'Navn;Adresse;Postnr\r\nKari;Bryggen 1;5003\r\n\r\nOla;"Storgata 1\r\nbakgården";0150\r\nPer;Torget 2;7010\r\n'
    const t = parseCsv(new TextEncoder().encode(text)) as Exclude<ReturnType<typeof parseCsv>, { key: string }>
    expect(t.rows.map((r) => r[0])).toEqual(['Kari', 'Ola', 'Per'])
    expect(t.lines).toEqual([2, 4, 5])
  })
})
