import { currentValidationLanguage } from './validation-messages'

/**
 * Norwegian for the schemas' own English messages ("Name is required", "Give length, width and
 * height"…), keyed by the English text, gettext-style: the schemas stay readable, and both places
 * that show zod messages (the renderer's form resolver, main's INVALID_INPUT field errors) pass
 * them through `localizePhrase`. Messages built from a field label follow the patterns below.
 */
const sentences: Record<string, string> = {
  'Postal code is required': 'Postnummer må fylles ut',
  'Use a two-letter country code, e.g. NO': 'Bruk en landkode på to bokstaver, f.eks. NO',
  'Enter a valid e-mail address': 'Skriv en gyldig e-postadresse',
  'Enter a phone number, e.g. +4791234567': 'Skriv et telefonnummer, f.eks. +4791234567',
  'Weight must be more than 0 kg': 'Vekten må være over 0 kg',
  'At most 1000 kg per package': 'Høyst 1000 kg per kolli',
  'Whole centimetres': 'Hele centimeter',
  'Whole centimetres, please': 'Hele centimeter, takk',
  'At least 1 cm': 'Minst 1 cm',
  'At most 1000 cm': 'Høyst 1000 cm',
  'At least 1': 'Minst 1',
  'Net weight must be more than 0': 'Nettovekten må være over 0',
  'Value must be more than 0': 'Verdien må være over 0',
  'Three-letter currency code, e.g. NOK': 'Valutakode på tre bokstaver, f.eks. NOK',
  'Two-letter country code': 'Landkode på to bokstaver',
  'Choose a customer number': 'Velg et kundenummer',
  'Choose a service': 'Velg en tjeneste',
  'Add at least one package': 'Legg til minst ett kolli',
  'At most 99 packages per shipment': 'Høyst 99 kolli per sending',
  'At most 30 packages per quote': 'Høyst 30 kolli per prisforespørsel',
  'Choose a shipping date': 'Velg en sendedato',
  'Choose a pickup date': 'Velg en hentedato',
  'Choose a date': 'Velg en dato',
  'Add at least one customs line': 'Legg til minst én tollinje',
  'At most 99 customs lines': 'Høyst 99 tollinjer',
  "Bring requires the sender's phone number for this service": 'Bring krever avsenderens telefonnummer for denne tjenesten',
  'Give length, width and height': 'Oppgi lengde, bredde og høyde',
  'Give length, width and height, or a volume': 'Oppgi lengde, bredde og høyde, eller et volum',
  'Choose an incoterm rule for Cargo International': 'Velg en incoterm-regel for Cargo International',
  'Parcels from Norway to abroad need a customs declaration': 'Pakker fra Norge til utlandet trenger en tolldeklarasjon',
  'Choose at least one customer number': 'Velg minst ett kundenummer',
  'Enter a postal code': 'Skriv et postnummer',
  'Enter a valid postal code': 'Skriv et gyldig postnummer',
  'Whole numbers only': 'Bare hele tall',
  'Cannot be negative': 'Kan ikke være negativt',
  'How many packages or pallets should Bring pick up?': 'Hvor mange kolli eller paller skal Bring hente?',
  'Cargo pickup needs the number of packages': 'Cargo-henting trenger antall kolli',
  'Cargo pickup needs the total weight': 'Cargo-henting trenger totalvekten',
  'Cargo pickup needs the total volume': 'Cargo-henting trenger totalvolumet',
  'Enter your Mybring API user (usually your e-mail)': 'Skriv Mybring-API-brukeren din (vanligvis e-postadressen)',
  // Cash on delivery, customs (importer, IOSS, consent)
  'The amount must be more than 0': 'Beløpet må være over 0',
  'At most 1 000 000': 'Høyst 1 000 000',
  'At most two decimals': 'Høyst to desimaler',
  'Enter the 11-digit account number the money is paid into': 'Skriv kontonummeret (11 sifre) pengene skal betales til',
  'A KID is 2–25 digits': 'En KID er 2–25 sifre',
  'IM followed by 10 digits': 'IM etterfulgt av 10 sifre',
  'Cash on delivery needs the amount and the account number': 'Postoppkrav trenger beløp og kontonummer',
  'Confirm that the customs information is accurate and the parcel holds no dangerous or prohibited goods': 'Bekreft at tollopplysningene er riktige og at pakken ikke inneholder farlig gods eller forbudte varer',
  'An IOSS number is IM followed by 10 digits': 'Et IOSS-nummer er IM etterfulgt av 10 sifre',
  'An IOSS number only goes with a sale of goods': 'Et IOSS-nummer kan bare brukes ved salg av varer',
  'IOSS only applies to recipients in the EU': 'IOSS gjelder bare mottakere i EU',
  'Bring does not take an IOSS number together with a sender reference: remove one of them': 'Bring tar ikke IOSS-nummer sammen med avsenderreferanse: fjern en av dem',
  // Address book, batches
  'Notes: at most 500 characters': 'Notater: høyst 500 tegn',
  'At most 200 characters per cell': 'Høyst 200 tegn per celle',
  'Give the batch a name': 'Gi bunken et navn',
  'The batch has no rows': 'Bunken har ingen rader',
  'At most 5000 rows per batch: split the file': 'Høyst 5000 rader per bunke: del opp filen',
  'Number of packages: a whole number, 1–99': 'Antall kolli: et helt tall, 1–99',
  'Choose a sender for the batch (Settings or a sender profile)': 'Velg avsender for bunken (Innstillinger eller en avsenderprofil)',
  // Shared database (team mode)
  'The shared database address is not a URL like postgres://user@host:5432/database.': 'Adressen til den felles databasen må se slik ut: postgres://bruker@server:5432/database.',
  'The shared database address must start with postgres://': 'Adressen til den felles databasen må begynne med postgres://',
  'Leave the password out of the address: Fraktdesk keeps it in the keychain.': 'Ta passordet ut av adressen: Fraktdesk lagrer det i nøkkelringen.',
  'The shared database refused the user name or password.': 'Den felles databasen avviste brukernavnet eller passordet.',
  'The server does not offer TLS. Turn TLS on at the server, or turn it off here only on a network you trust.': 'Serveren tilbyr ikke TLS. Slå på TLS på serveren, eller slå det av her bare på et nettverk dere stoler på.',
  'The server’s TLS certificate is not trusted. Choose the CA file that signed it.': 'Serverens TLS-sertifikat er ikke klarert. Velg CA-filen som signerte det.',
  'Choose and save a shared database first.': 'Velg og lagre en felles database først.',
  'Give the address, e.g. postgres://fraktdesk@server:5432/fraktdesk': 'Skriv adressen, f.eks. postgres://fraktdesk@server:5432/fraktdesk',
  'The address starts with postgres://, e.g. postgres://fraktdesk@server:5432/fraktdesk': 'Adressen begynner med postgres://, f.eks. postgres://fraktdesk@server:5432/fraktdesk',
  // Settings: connection, attention, warehouse receiver
  'Enter the API key from Mybring': 'Skriv inn API-nøkkelen fra Mybring',
  'The API key has only letters, digits and dashes: copy it again from Mybring': 'API-nøkkelen har bare bokstaver, sifre og bindestreker: kopier den på nytt fra Mybring',
  'At least 1 day': 'Minst 1 dag',
  'At most 30 days': 'Høyst 30 dager',
  'Use a port from 1024 to 65535': 'Bruk en port fra 1024 til 65535',
  'Letters, digits, . _ - only': 'Bare bokstaver, sifre og . _ -',
  'Listening on the network needs HTTPS: choose a certificate and key first': 'Å lytte på nettverket krever HTTPS: velg sertifikat og nøkkel først'
}

const labels: Record<string, string> = {
  Name: 'Navn',
  Address: 'Adresse',
  'Address line 2': 'Adresselinje 2',
  'Postal code': 'Postnummer',
  City: 'Poststed',
  Reference: 'Referanse',
  'Delivery instructions': 'Leveringsinstrukser',
  'Organisation number': 'Organisasjonsnummer',
  'Contact name': 'Kontaktperson',
  'E-mail': 'E-post',
  'Goods description': 'Varebeskrivelse',
  'Package reference': 'Kollireferanse',
  'Return service': 'Returtjeneste',
  'Order reference': 'Ordrereferanse',
  'Pickup point': 'Hentested',
  'Tariff code': 'Tolltariffnummer',
  'Company name': 'Firmanavn',
  Street: 'Gate'
}

const patterns: [RegExp, (m: RegExpMatchArray) => string | undefined][] = [
  [/^(.+) is required$/, (m) => labels[m[1]] && `${labels[m[1]]} må fylles ut`],
  [/^(.+): at most (\d+) characters$/, (m) => labels[m[1]] && `${labels[m[1]]}: høyst ${m[2]} tegn`],
  [/^Bring does not offer (\w+) pickup in ([A-Z]{2})$/, (m) => `Bring tilbyr ikke ${m[1]}-henting i ${m[2]}`],
  [/^A postal code in ([A-Z]{2}) looks like (.+)$/, (m) => `Et postnummer i ${m[1]} ser slik ut: ${m[2]}`],
  [/^The shared database at (.+) cannot be reached \((.+)\)\. Check the address and that the server is running\.$/, (m) => `Får ikke kontakt med den felles databasen på ${m[1]} (${m[2]}). Sjekk adressen og at serveren kjører.`],
  [/^The database in the address does not exist on (.+)\.$/, (m) => `Databasen i adressen finnes ikke på ${m[1]}.`],
  [/^The CA file (.+) could not be read\.$/, (m) => `CA-filen ${m[1]} kunne ikke leses.`],
  [/^The server runs PostgreSQL (.+); Fraktdesk needs 13 or newer\.$/, (m) => `Serveren kjører PostgreSQL ${m[1]}; Fraktdesk trenger 13 eller nyere.`],
  [/^The shared database was upgraded by a newer Fraktdesk \((.+)\)\. Update Fraktdesk on this desk\.$/, (m) => `Den felles databasen er oppgradert av en nyere Fraktdesk (${m[1]}). Oppdater Fraktdesk på dette pakkebordet.`],
  [/^The shared database answered: (.+)$/, (m) => `Den felles databasen svarte: ${m[1]}`],
  [
    /^The booking could not be saved in the (shared|history) database, so nothing was sent to Bring\. Try again when it is reachable\.(?: (.+))?$/,
    (m) => `Bookingen kunne ikke lagres i ${m[1] === 'shared' ? 'den felles databasen' : 'historikkdatabasen'}, så ingenting ble sendt til Bring. Prøv igjen når den er tilgjengelig.${m[2] ? ` ${localizePhrase(m[2], 'nb')}` : ''}`
  ]
]

/** The message in the given (or current validation) language; unknown English text stays as it is. */
export function localizePhrase(text: string, lang: string = currentValidationLanguage()): string {
  if (lang !== 'nb') return text
  if (sentences[text]) return sentences[text]
  for (const [re, nb] of patterns) {
    const m = text.match(re)
    const out = m && nb(m)
    if (out) return out
  }
  return text
}

/** Every English sentence with a translation, for the test that finds untranslated messages. */
export const translatedSentences = Object.keys(sentences)
