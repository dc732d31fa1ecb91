/**
 * Bring's own refusal texts (its Booking API error catalogue, English) that a clerk meets most, in
 * Norwegian. A text not here is quoted as Bring wrote it («…»), never mixed into a Norwegian sentence.
 */
const bringNb: Record<string, string> = {
  'Weight is required': 'Vekt må oppgis',
  'Name must be provided': 'Navn må oppgis',
  'Address must be provided': 'Adresse må oppgis',
  'City must be provided': 'Poststed må oppgis',
  'Invalid product ID': 'Ugyldig tjeneste (produkt-ID)',
  'Invalid customer number': 'Ugyldig kundenummer',
  'Illegal product for country': 'Tjenesten kan ikke brukes til dette landet',
  'The shipment is too big to send with the given product': 'Sendingen er for stor for denne tjenesten',
  'The product is not available between the given addresses (outside coverage)': 'Tjenesten finnes ikke mellom disse adressene (utenfor dekningsområdet)',
  'The product is not available between the given countries': 'Tjenesten finnes ikke mellom disse landene',
  'The product is not available as express between the given addresses (outside coverage)': 'Tjenesten finnes ikke som ekspress mellom disse adressene (utenfor dekningsområdet)',
  'Failed because of product specific requirements': 'Avvist på grunn av krav til denne tjenesten',
  'Invalid country code': 'Ugyldig landkode',
  'Invalid customer number for sender country and product': 'Ugyldig kundenummer for avsenderlandet og tjenesten',
  'Multiple packages are not supported for this product': 'Denne tjenesten tar ikke flere kolli',
  'Invalid currency code, use ISO 4217 currency code': 'Ugyldig valutakode (bruk ISO 4217, f.eks. NOK)',
  'Missing required input for cash on delivery. amount, currency and account are required.': 'Oppkrav mangler opplysninger: beløp, valuta og konto må oppgis.',
  'Missing required input for cash on delivery. account type is required for Sweden.': 'Oppkrav mangler opplysninger: kontotype må oppgis for Sverige.',
  'Delivery option is invalid.': 'Leveringsvalget er ugyldig.',
  'Delivery option is not applicable for this product.': 'Leveringsvalget gjelder ikke for denne tjenesten.',
  'The customer does not have a return agreement for that country/product.': 'Kunden har ikke returavtale for dette landet eller denne tjenesten.',
  'Could not find a pickup point for the provided recipient': 'Fant ikke noe hentested for mottakeren',
  'Missing required UNNumber for Dangerous goods.': 'Farlig gods mangler UN-nummer.',
  'Missing required Commodity for Dangerous goods.': 'Farlig gods mangler varebeskrivelse.',
  'Missing required Weight for Dangerous goods.': 'Farlig gods mangler vekt.',
  'Dangerous Goods is not supported for given product': 'Denne tjenesten tar ikke farlig gods',
  'Invalid postal Code': 'Ugyldig postnummer',
  'Missing required message input for delivery indoor': 'Innbæring mangler beskjed til sjåføren',
  'The product is not available': 'Tjenesten er ikke tilgjengelig',
  'Missing both recipient phone number and mobile number.': 'Mottakeren mangler både telefon- og mobilnummer.',
  'Invalid Return Product ID': 'Ugyldig returtjeneste',
  'QR codes cannot be ordered for product': 'QR-kode kan ikke bestilles for denne tjenesten'
}

const norwegian = new Set(Object.values(bringNb))

/** Bring's text in Norwegian where the table knows it (each sentence), else quoted as Bring wrote it. */
export function bringTextNb(text: string): string {
  const t = text.trim()
  if (bringNb[t]) return bringNb[t]
  if (norwegian.has(t)) return t // Bring's own Norwegian (its answers carry a message per language)
  // Several of Bring's messages joined by spaces: translated only if every one is known.
  const parts = t.split(/(?<=[.!])\s+|\s{2,}/).filter(Boolean)
  if (parts.length > 1 && parts.every((p) => bringNb[p] || bringNb[p.replace(/\.$/, '')])) return parts.map((p) => bringNb[p] ?? `${bringNb[p.replace(/\.$/, '')]}.`).join(' ')
  return `«${t}»`
}
