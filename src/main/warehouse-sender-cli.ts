// `npm run warehouse:send -- <receiver url> <api key | user:password>`: plays Bring Warehousing
// against a running receiver — a despatch advice (XML), an inventory report (JSON), the first one
// again (a duplicate), a malformed body and one with a wrong key — and prints each answer.
import { sampleDespatchAdvice, sampleInventoryJson } from './services/warehousing/samples'

async function main(): Promise<void> {
  const [url, credential] = process.argv.slice(2)
  if (!url || !credential) {
    console.log('usage: npm run warehouse:send -- <receiver url> <api key | user:password>')
    process.exit(2)
  }
  const auth = (c: string): Record<string, string> => (c.includes(':') ? { Authorization: `Basic ${Buffer.from(c).toString('base64')}` } : { 'X-API-KEY': c })
  const stamp = Date.now()
  const despatch = sampleDespatchAdvice({ instanceId: `SIM-DESADV-${stamp}`, orderNumber: `WEB-${stamp % 100000}`, trackingNumber: process.env.TRACKING ?? '70438101000000000' })
  const sends: [string, string, string, Record<string, string>][] = [
    ['despatch advice (XML)', despatch, 'application/xml', auth(credential)],
    ['inventory report (JSON)', sampleInventoryJson(`SIM-INV-${stamp}`), 'application/json', auth(credential)],
    ['the despatch advice again (duplicate)', despatch, 'application/xml', auth(credential)],
    ['malformed XML', '<despatchAdviceMessage><unclosed></despatchAdviceMessage>', 'application/xml', auth(credential)],
    ['wrong credentials', despatch, 'application/xml', auth('wrong-key')]
  ]
  for (const [what, body, type, headers] of sends) {
    const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': type, ...headers } })
    console.log(`${what}: HTTP ${res.status} ${(await res.text()).replace(/\s+/g, ' ').slice(0, 160)}`)
  }
}

void main()
