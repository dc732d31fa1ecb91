export const en = {
  nav: {
    quote: 'Quote',
    book: 'Book',
    shipments: 'Shipments',
    pickups: 'Pickups',
    customers: 'Customers',
    settings: 'Settings',
    shortcut: 'Ctrl+{{n}}'
  },
  mode: {
    sandbox: 'Sandbox — practice with the built-in Bring simulator. Nothing is sent to Bring.',
    test: 'Bring test — real Bring API with the test indicator. Nothing is shipped or invoiced.',
    live: 'Bring live — real shipments at real cost.',
    sandboxShort: 'Sandbox',
    testShort: 'Bring test',
    liveShort: 'Bring live'
  },
  common: {
    loading: 'Loading…',
    save: 'Save',
    cancel: 'Cancel',
    refresh: 'Refresh',
    dismiss: 'Dismiss',
    retry: 'Try again',
    search: 'Search'
  },
  placeholder: {
    title: 'Not built yet',
    body: 'The {{screen}} screen is planned in issue #{{issue}} and has not been built yet. Nothing on this page works so far.'
  },
  settings: {
    title: 'Settings',
    connection: 'Bring connection',
    apiUid: 'Mybring API user',
    apiUidHelp: 'Usually the e-mail address you log in to Mybring with.',
    apiKey: 'API key',
    apiKeyHelp: 'Create one in Mybring under Account → API. Stored in your system keychain; Fraktdesk never shows it again.',
    apiKeyStored: 'A key is stored. Type a new one to replace it.',
    apiKeySessionOnly: 'A key is kept for this session only; it is forgotten when Fraktdesk quits.',
    apiKeyNone: 'No key stored.',
    sessionOnly: 'Use for this session only (do not store in the keychain)',
    keychainUnavailable: 'Your system keychain is not available, so Fraktdesk cannot store the key safely. You can use it for this session only; it is never written to disk.',
    saveCredentials: 'Save credentials',
    clearCredentials: 'Remove key',
    savedCredentials: 'Credentials saved. Fraktdesk now uses Bring test.',
    clientUrl: 'Client URL',
    clientUrlHelp: 'Your shop or company web address; Bring uses it to know who calls the API (optional).',
    mode: 'Mode',
    modeSandbox: 'Sandbox (built-in simulator, no account needed)',
    modeTest: 'Bring test (real API, test indicator on)',
    modeLive: 'Bring live (real shipments, real cost)',
    liveConfirmTitle: 'Switch to Bring live?',
    liveConfirmBody: 'In live mode every booking and pickup is real: Bring will collect parcels and invoice you. Test and sandbox shipments stay marked as such.',
    liveConfirm: 'Yes, switch to live',
    language: 'Language',
    general: 'General',
    checkConnection: 'Check connection',
    checking: 'Checking…',
    connectionOk_one: 'Connected. Bring lists {{count}} customer number: {{numbers}}.',
    connectionOk_other: 'Connected. Bring lists {{count}} customer numbers: {{numbers}}.',
    saved: 'Saved.'
  },
  customers: {
    title: 'Customers & services',
    searchPlaceholder: 'Filter customers and services…',
    number: 'Customer number',
    name: 'Name',
    country: 'Country',
    services: 'Services',
    servicesOf: 'Services for {{name}}',
    none: 'No customer numbers found.',
    noMatch: 'Nothing matches “{{q}}”.',
    unknownProduct: 'Not in Bring’s published catalogue',
    fetchedAt: 'Updated {{age}}',
    fromCache: 'from saved copy',
    stale: 'Showing the saved copy: {{reason}}',
    selectHint: 'Use ↑ ↓ to move between customers.'
  },
  notices: {
    title: 'Notice'
  }
}
export type Messages = typeof en
