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
  'This batch was cancelled. Choose “Book the rest” to send the rows it did not send, or make a new batch.': 'Denne bunken ble avbrutt. Velg «Book resten» for å sende radene den ikke sendte, eller lag en ny bunke.',
  'This shipment was marked booked by hand with the number from Mybring, so Bring gave Fraktdesk no label for it. Print its label in Mybring.':
    'Denne sendingen ble merket som booket for hånd med nummeret fra Mybring, så Bring ga ikke Fraktdesk noen etikett for den. Skriv ut etiketten i Mybring.',
  'Checked in Mybring: this pickup was not registered. It can be ordered again.': 'Sjekket i Mybring: denne hentingen ble ikke registrert. Den kan bestilles på nytt.',
  'This pickup is not waiting to be ordered again.': 'Denne hentingen venter ikke på å bli bestilt på nytt.',
  'Only pickups with an unknown outcome can be resolved by hand.': 'Bare hentinger med ukjent utfall kan avklares for hånd.',
  'Choose the CA file first.': 'Velg CA-filen først.',
  'The file could not be read.': 'Filen kunne ikke leses.',
  'This is not a PEM certificate (-----BEGIN CERTIFICATE-----).': 'Dette er ikke et PEM-sertifikat (-----BEGIN CERTIFICATE-----).',
  'This is not a PEM private key (-----BEGIN PRIVATE KEY-----).': 'Dette er ikke en privat PEM-nøkkel (-----BEGIN PRIVATE KEY-----).',
  'Checked in Mybring: it was not booked. It can be sent again.': 'Sjekket i Mybring: den ble ikke booket. Den kan sendes på nytt.',
  'This service only delivers within Norway: choose a service for the recipient’s country': 'Denne tjenesten leverer bare innenlands i Norge: velg en tjeneste for mottakerens land',
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
  // Main's errors in fixed words (the dispatcher passes them through localizePhrase)
  'Add your Mybring API user and API key before leaving Sandbox.': 'Legg inn Mybring-API-brukeren og API-nøkkelen før du går ut av Sandkassen.',
  'Another desk took this booking over while this desk was held up, so it was not sent from here.': 'Et annet pakkebord tok over denne bookingen mens dette pakkebordet sto fast, så den ble ikke sendt herfra.',
  'Bring only lets apps change mailbox pickups. For a pickup at a business address, contact Bring customer service.': 'Bring lar apper endre bare postkassehentinger. For henting på en bedriftsadresse, kontakt Brings kundeservice.',
  'Can\'t download the label right now. It is saved with the shipment; try “Download label” again later.': 'Får ikke lastet ned etiketten nå. Den er lagret med sendingen; prøv «Last ned etikett» igjen senere.',
  'Choose a backup from the list or pick a backup file first.': 'Velg en sikkerhetskopi i listen eller velg en sikkerhetskopifil først.',
  'Fraktdesk produced data it could not check. Nothing was changed by showing it.': 'Fraktdesk laget data den ikke kunne kontrollere. Ingenting ble endret ved å vise dem.',
  'Fraktdesk only opens https links to Bring, Mybring and Posten.': 'Fraktdesk åpner bare https-lenker til Bring, Mybring og Posten.',
  'Fraktdesk stopped before this pickup was ordered.': 'Fraktdesk stoppet før denne hentingen ble bestilt.',
  'Fraktdesk stopped while this pickup was being ordered.': 'Fraktdesk stoppet mens denne hentingen ble bestilt.',
  'Fraktdesk stopped before this booking was sent.': 'Fraktdesk stoppet før denne bookingen ble sendt.',
  'Fraktdesk stopped while this booking was being sent.': 'Fraktdesk stoppet mens denne bookingen ble sendt.',
  'Marked as not booked after checking Mybring.': 'Merket som ikke booket etter kontroll i Mybring.',
  'Fraktdesk only opens label files from its own labels folder.': 'Fraktdesk åpner bare etikettfiler fra sin egen etikettmappe.',
  'Mailbox pickups are ordered with the booking (additional service 1073).': 'Postkassehenting bestilles sammen med bookingen (tilleggstjeneste 1073).',
  'No label saved for this shipment yet. Use “Download label”.': 'Ingen etikett er lagret for denne sendingen ennå. Bruk «Last ned etikett».',
  'No labels to print yet: no row of this batch has been booked with a label.': 'Ingen etiketter å skrive ut ennå: ingen rad i bunken er booket med etikett.',
  'No rows are waiting to be booked: fix the invalid rows, or resolve the unknown ones.': 'Ingen rader venter på booking: rett de ugyldige radene, eller avklar de med ukjent utfall.',
  'No such batch row.': 'Raden finnes ikke i bunken.',
  'No such batch.': 'Bunken finnes ikke.',
  'No such pickup.': 'Hentingen finnes ikke.',
  'No such shipment.': 'Sendingen finnes ikke.',
  'No such warehouse message.': 'Lagermeldingen finnes ikke.',
  'None of these entries exist any more.': 'Ingen av disse oppføringene finnes lenger.',
  'None of these shipments exist any more.': 'Ingen av disse sendingene finnes lenger.',
  'Nothing was sent to Bring: its address (BRING_API_BASE_URL) is not a valid URL.': 'Ingenting ble sendt til Bring: adressen (BRING_API_BASE_URL) er ikke en gyldig URL.',
  'One choice per column, please.': 'Ett valg per kolonne, takk.',
  'Only shipments with an unknown outcome can be resolved by hand.': 'Bare sendinger med ukjent utfall kan avklares for hånd.',
  'Pause or cancel the batch before deleting it.': 'Sett bunken på pause eller avbryt den før du sletter den.',
  'Pause the batch before changing its defaults.': 'Sett bunken på pause før du endrer standardvalgene.',
  'Rows can only be added before the batch is booked.': 'Rader kan bare legges til før bunken er booket.',
  'Something went wrong while ordering the pickup.': 'Noe gikk galt da hentingen ble bestilt.',
  'Switching to Bring live books real shipments at real cost. Confirm to continue.': 'Med Bring live bookes ekte sendinger til ekte kostnad. Bekreft for å fortsette.',
  'The OS keychain is not available, so the receiver’s secret cannot be kept safely.': 'Systemets nøkkelring er ikke tilgjengelig, så mottakerens hemmelighet kan ikke lagres trygt.',
  'The label file is missing from the labels folder; download it again.': 'Etikettfilen mangler i etikettmappen; last den ned på nytt.',
  'The label file is unexpectedly large; not saved.': 'Etikettfilen er uventet stor; den ble ikke lagret.',
  'The label link did not return a PDF.': 'Etikettlenken ga ikke en PDF.',
  'The label link is not a web address.': 'Etikettlenken er ikke en nettadresse.',
  'The label link redirected nowhere.': 'Etikettlenken viderekoblet ikke til noe sted.',
  'The label link redirected too many times.': 'Etikettlenken viderekoblet for mange ganger.',
  'The system keychain is not available, so the key can\'t be stored safely. Choose “Use for this session only” to keep it in memory until you quit.': 'Systemets nøkkelring er ikke tilgjengelig, så nøkkelen kan ikke lagres trygt. Velg «Bruk bare i denne økten» for å holde den i minnet til du avslutter.',
  'The system keychain refused to store the key (it may be locked). Unlock it and try again, or choose “Use for this session only”.': 'Systemets nøkkelring ville ikke lagre nøkkelen (den kan være låst). Lås den opp og prøv igjen, eller velg «Bruk bare i denne økten».',
  'The “Needs attention” filter is not available with the shared database yet.': 'Filteret «Trenger oppfølging» er ikke tilgjengelig med felles database ennå.',
  'This address-book entry no longer exists.': 'Denne oppføringen i adresseboken finnes ikke lenger.',
  'This file is damaged or not a Fraktdesk backup; it cannot be restored.': 'Filen er skadet eller ikke en sikkerhetskopi fra Fraktdesk; den kan ikke gjenopprettes.',
  'This is a real shipment at real cost. Confirm to book it with Bring live.': 'Dette er en ekte sending til ekte kostnad. Bekreft for å booke den hos Bring live.',
  'This orders a real pickup from Bring, at real cost. Confirm to continue.': 'Dette bestiller en ekte henting fra Bring, til ekte kostnad. Bekreft for å fortsette.',
  'This pickup is no longer active.': 'Denne hentingen er ikke lenger aktiv.',
  'This pickup is no longer waiting to be ordered, so it was not sent.': 'Denne hentingen venter ikke lenger på bestilling, så den ble ikke sendt.',
  'This row has been sent to Bring; it can no longer be changed here.': 'Denne raden er sendt til Bring; den kan ikke lenger endres her.',
  'This shipment has no label link.': 'Denne sendingen har ingen etikettlenke.',
  'This shipment has no tracking link yet.': 'Denne sendingen har ingen sporingslenke ennå.',
  'This shipment is not waiting to be sent again.': 'Denne sendingen venter ikke på å bli sendt på nytt.',
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

/** The cause before a piece of advice, in Norwegian, with the space that separates them. */
const lead = (cause: string): string => (cause ? `${localizePhrase(cause, 'nb')} ` : '')

const modeNames: Record<string, string> = { sandbox: 'Sandkasse', test: 'Bring test', live: 'Bring live' }

const patterns: [RegExp, (m: RegExpMatchArray) => string | undefined][] = [
  [/^(.+) is required$/, (m) => labels[m[1]] && `${labels[m[1]]} må fylles ut`],
  [/^(.+): at most (\d+) characters$/, (m) => labels[m[1]] && `${labels[m[1]]}: høyst ${m[2]} tegn`],
  // A cause followed by the advice for a booking or pickup that was not sent or whose outcome is unknown.
  [/^(.*?) ?Nothing of this order reached Bring, so it is safe to order it again\.$/s, (m) => `${lead(m[1])}Ingenting av denne bestillingen nådde Bring, så det er trygt å bestille den på nytt.`],
  [/^(.*?) ?Bring may or may not have registered this pickup\. Check Mybring \(Pickups\) before ordering again; if it is not there, say so and order it again\.$/s, (m) => `${lead(m[1])}Bring kan ha registrert denne hentingen eller ikke. Sjekk Mybring (Henting) før du bestiller igjen; er den ikke der, si fra og bestill den på nytt.`],
  [/^(.*?) ?Bring may or may not have registered this pickup: the answer never arrived\. Check Mybring \(Pickups\) before ordering again; if it is not there, order it again\.$/s, (m) => `${lead(m[1])}Bring kan ha registrert denne hentingen eller ikke: svaret kom aldri fram. Sjekk Mybring (Henting) før du bestiller igjen; er den ikke der, bestill den på nytt.`],
  [/^(.*?) ?Nothing of this booking reached Bring, so it is safe to send it again\.$/s, (m) => `${lead(m[1])}Ingenting av denne bookingen nådde Bring, så den kan trygt sendes på nytt.`],
  [/^(.*?) ?Bring may or may not have booked this shipment: the answer never arrived\. Check Mybring \(or tracking\) for a shipment to this recipient, then mark it booked with its consignment number, or send it again\.$/s, (m) => `${lead(m[1])}Bring kan ha booket denne sendingen eller ikke: svaret kom aldri fram. Se etter en sending til denne mottakeren i Mybring (eller sporing), og merk den som booket med sendingsnummeret, eller send den på nytt.`],
  [/^(.*?) ?Bring may or may not have booked this shipment\. Check Mybring \(or tracking\) for a shipment to this recipient, then mark it booked with its consignment number, or say it was not booked and send it again\.$/s, (m) => `${lead(m[1])}Bring kan ha booket denne sendingen eller ikke. Se etter en sending til denne mottakeren i Mybring (eller sporing), og merk den som booket med sendingsnummeret, eller si at den ikke ble booket og send den på nytt.`],
  [/^(.+) is already in the address book \(same name, address and postal code\)\.$/, (m) => `${m[1]} finnes allerede i adresseboken (samme navn, adresse og postnummer).`],
  [/^Bring did not hand out the label \(HTTP (\d+)\)\.$/, (m) => `Bring ga ikke ut etiketten (HTTP ${m[1]}).`],
  [/^Bring has no active pickup with shipment number (.+)\. It may already be cancelled, or it was not booked with mailbox pickup\.$/, (m) => `Bring har ingen aktiv henting med sendingsnummer ${m[1]}. Den kan allerede være kansellert, eller den ble ikke booket med postkassehenting.`],
  [/^Bring refused the booking: (.*)$/s, (m) => `Bring avviste bookingen: ${m[1]}`],
  [/^Bring refused the request\.(.*)$/s, (m) => `Bring avviste forespørselen.${m[1]}`],
  [/^Bring's answer could not be used: (.+) (is missing|is not valid)\.$/, (m) => `Svaret fra Bring kunne ikke brukes: ${m[1] === 'the response' ? 'svaret' : m[1]} ${m[2] === 'is missing' ? 'mangler' : 'er ugyldig'}.`],
  [/^Customer number (.+) is not one of yours\. Refresh the Customers screen\.$/, (m) => `Kundenummer ${m[1]} er ikke et av deres. Oppdater skjermen Kunder.`],
  [/^The backup could not be written to (.+?): (.+)$/s, (m) => `Sikkerhetskopien kunne ikke skrives til ${m[1]}: ${m[2]}`],
  [/^The file could not be opened: (.+)$/s, (m) => `Filen kunne ikke åpnes: ${m[1]}`],
  [/^The label could not be opened: (.+)$/s, (m) => `Etiketten kunne ikke åpnes: ${m[1]}`],
  [/^The log folder could not be opened: (.+)$/s, (m) => `Loggmappen kunne ikke åpnes: ${m[1]}`],
  [/^This batch was made in (\w+) mode\. Switch back to that mode to book it\.$/, (m) => `Denne bunken ble laget i modusen ${modeNames[m[1]] ?? m[1]}. Bytt tilbake til den modusen for å booke den.`],
  [/^This pickup was started in (\w+) mode\. Switch back to that mode to order it again\.$/, (m) => `Denne hentingen ble startet i modusen ${modeNames[m[1]] ?? m[1]}. Bytt tilbake til den modusen for å bestille den på nytt.`],
  [/^This shipment was started in (\w+) mode\. Switch back to that mode to send it again\.$/, (m) => `Denne sendingen ble startet i modusen ${modeNames[m[1]] ?? m[1]}. Bytt tilbake til den modusen for å sende den på nytt.`],
  [/^At most ([\d.]+) kg per package with this service$/, (m) => `Høyst ${m[1].replace('.', ',')} kg per kolli med denne tjenesten`],
  [/^The longest side may be at most (\d+) cm with this service$/, (m) => `Den lengste siden kan være høyst ${m[1]} cm med denne tjenesten`],
  [/^Length \+ width \+ height may be at most (\d+) cm with this service$/, (m) => `Lengde + bredde + høyde kan være høyst ${m[1]} cm med denne tjenesten`],
  [/^No labels to print here: the booked rows were marked booked by hand, and Bring gave no label link for them\. Print their labels in Mybring \(rows (.+)\)\.$/, (m) => `Ingen etiketter å skrive ut her: de bookede radene ble merket som booket for hånd, og Bring ga ingen etikettlenke for dem. Skriv ut etikettene i Mybring (rad ${m[1]}).`],
  [/^Bring booked this shipment \(consignment ([^)]+)\), but the shared database could not be reached to record it\. This desk keeps it and writes it there as soon as the database is back; do not book it again\.$/, (m) => `Bring booket denne sendingen (sendingsnummer ${m[1]}), men fikk ikke kontakt med den felles databasen for å registrere den. Dette pakkebordet tar vare på den og skriver den dit så snart databasen er tilbake; ikke book den på nytt.`],
  [/^The shared database went away (before this booking was sent|while this booking was being sent)\. (.+)$/s, (m) => `${m[1].startsWith('before') ? 'Den felles databasen forsvant før denne bookingen ble sendt.' : 'Den felles databasen forsvant mens denne bookingen ble sendt.'} ${localizePhrase(m[2], 'nb')}`],
  [/^The shared database cannot be reached right now, so this could not be done\. Fraktdesk reconnects by itself; check that the database server and the network are up\.$/, () => 'Får ikke kontakt med den felles databasen akkurat nå, så dette kunne ikke gjøres. Fraktdesk kobler til igjen av seg selv; sjekk at databaseserveren og nettverket er oppe.'],
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
