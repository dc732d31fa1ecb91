import type { Messages } from './en'

export const nb: Messages = {
  nav: {
    quote: 'Pris',
    book: 'Book',
    shipments: 'Sendinger',
    pickups: 'Henting',
    customers: 'Kunder',
    settings: 'Innstillinger',
    shortcut: 'Ctrl+{{n}}'
  },
  mode: {
    sandbox: 'Sandkasse — øv med den innebygde Bring-simulatoren. Ingenting sendes til Bring.',
    test: 'Bring test — ekte Bring-API med testindikator. Ingenting sendes eller faktureres.',
    live: 'Bring live — ekte sendinger til ekte kostnad.',
    sandboxShort: 'Sandkasse',
    testShort: 'Bring test',
    liveShort: 'Bring live'
  },
  common: {
    loading: 'Laster …',
    save: 'Lagre',
    cancel: 'Avbryt',
    refresh: 'Oppdater',
    dismiss: 'Lukk',
    retry: 'Prøv igjen',
    search: 'Søk'
  },
  placeholder: {
    title: 'Ikke laget ennå',
    body: 'Skjermen {{screen}} er planlagt i sak #{{issue}} og er ikke laget ennå. Ingenting på denne siden virker foreløpig.'
  },
  settings: {
    title: 'Innstillinger',
    connection: 'Bring-tilkobling',
    apiUid: 'Mybring API-bruker',
    apiUidHelp: 'Vanligvis e-postadressen du logger inn i Mybring med.',
    apiKey: 'API-nøkkel',
    apiKeyHelp: 'Lag en i Mybring under Konto → API. Lagres i systemets nøkkelring; Fraktdesk viser den aldri igjen.',
    apiKeyStored: 'En nøkkel er lagret. Skriv inn en ny for å bytte.',
    apiKeySessionOnly: 'En nøkkel brukes bare i denne økten og glemmes når Fraktdesk avsluttes.',
    apiKeyNone: 'Ingen nøkkel lagret.',
    sessionOnly: 'Bruk bare i denne økten (ikke lagre i nøkkelringen)',
    keychainUnavailable: 'Systemets nøkkelring er ikke tilgjengelig, så Fraktdesk kan ikke lagre nøkkelen trygt. Du kan bruke den i denne økten; den skrives aldri til disk.',
    saveCredentials: 'Lagre innlogging',
    clearCredentials: 'Fjern nøkkel',
    savedCredentials: 'Innlogging lagret. Fraktdesk bruker nå Bring test.',
    clientUrl: 'Klient-URL',
    clientUrlHelp: 'Nettadressen til butikken eller firmaet; Bring bruker den til å se hvem som kaller API-et (valgfritt).',
    mode: 'Modus',
    modeSandbox: 'Sandkasse (innebygd simulator, ingen konto trengs)',
    modeTest: 'Bring test (ekte API, testindikator på)',
    modeLive: 'Bring live (ekte sendinger, ekte kostnad)',
    liveConfirmTitle: 'Bytte til Bring live?',
    liveConfirmBody: 'I live-modus er hver booking og henting ekte: Bring henter pakker og fakturerer deg. Test- og sandkassesendinger forblir merket.',
    liveConfirm: 'Ja, bytt til live',
    language: 'Språk',
    general: 'Generelt',
    checkConnection: 'Test tilkobling',
    checking: 'Tester …',
    connectionOk_one: 'Tilkoblet. Bring viser {{count}} kundenummer: {{numbers}}.',
    connectionOk_other: 'Tilkoblet. Bring viser {{count}} kundenumre: {{numbers}}.',
    saved: 'Lagret.'
  },
  customers: {
    title: 'Kunder og tjenester',
    searchPlaceholder: 'Filtrer kunder og tjenester …',
    number: 'Kundenummer',
    name: 'Navn',
    country: 'Land',
    services: 'Tjenester',
    servicesOf: 'Tjenester for {{name}}',
    none: 'Fant ingen kundenumre.',
    noMatch: 'Ingenting passer «{{q}}».',
    unknownProduct: 'Ikke i Brings publiserte katalog',
    fetchedAt: 'Oppdatert {{age}}',
    fromCache: 'fra lagret kopi',
    stale: 'Viser lagret kopi: {{reason}}',
    selectHint: 'Bruk ↑ ↓ for å bytte kunde.'
  },
  notices: {
    title: 'Merk'
  }
}
