import { z } from 'zod'

/**
 * One-time messages from main to the shell (a reset settings file, labels fetched again), in both
 * UI languages. The window shows them through i18next (en.ts and nb.ts take them from here); main
 * uses the English for its log and the notice's text, so each sentence is written once per language.
 */
const en = {
  labelsFolderMoved: 'The labels folder was damaged (not a folder) and has been moved aside as {{file}}. Labels are downloaded again from the history.',
  backupRestored: 'The backup {{file}} was restored. The database you had before is kept as {{aside}}.',
  backupRefused: 'The backup {{file}} could not be restored: it is damaged or missing. Your current history was kept.',
  databaseRestoredFromBackup: 'The history database was damaged and has been moved aside as {{file}} (nothing was deleted). The backup {{backup}} was restored: {{count}} shipment(s).',
  databaseRecovered: 'The history database was damaged and has been moved aside as {{file}} (nothing was deleted). Recovered: {{count}} shipment(s), {{pickups}} pickup(s), {{addressBook}} address-book entries.',
  databaseReset: 'The history database was damaged and has been moved aside as {{file}} (nothing was deleted). Fraktdesk started with an empty history.',
  databaseDamagedFound: 'Fraktdesk’s check of the history file found damaged pages. Restart Fraktdesk: it offers to restore the latest backup or recover what it can (the damaged file is kept). Until then, what you book is saved as usual.',
  settingsReset: 'Your settings file could not be read and was reset to defaults. The old file was kept as {{file}}.',
  labelsRefetched_one: '{{count}} label of a shipment booked just before Fraktdesk last stopped was missing and has been downloaded again.',
  labelsRefetched_other: '{{count}} labels of shipments booked just before Fraktdesk last stopped were missing and have been downloaded again.',
  labelsStillMissing: '{{count}} labels were missing after Fraktdesk last stopped; {{stillMissing}} could not be downloaded yet. Open the shipment and use “Download label”.',
  batchesPaused_one: 'A batch was running when Fraktdesk stopped. It is paused: open Batches and choose “Book all” to book the rows not yet sent.',
  batchesPaused_other: '{{count}} batches were running when Fraktdesk stopped. They are paused: open Batches and choose “Book all” to book the rows not yet sent.'
}

/** Both languages, the same keys (the type makes a missing Norwegian text a compile error). */
export const noticeTexts: { en: typeof en; nb: typeof en } = {
  en,
  nb: {
    labelsFolderMoved: 'Etikettmappen var skadet (ikke en mappe) og er flyttet til side som {{file}}. Etikettene lastes ned på nytt fra historikken.',
    backupRestored: 'Sikkerhetskopien {{file}} ble gjenopprettet. Databasen du hadde før, er tatt vare på som {{aside}}.',
    backupRefused: 'Sikkerhetskopien {{file}} kunne ikke gjenopprettes: den er skadet eller mangler. Historikken du har nå, er beholdt.',
    databaseRestoredFromBackup: 'Historikkdatabasen var skadet og er flyttet til side som {{file}} (ingenting er slettet). Sikkerhetskopien {{backup}} ble hentet inn igjen: {{count}} sending(er).',
    databaseRecovered: 'Historikkdatabasen var skadet og er flyttet til side som {{file}} (ingenting er slettet). Reddet: {{count}} sending(er), {{pickups}} henting(er), {{addressBook}} oppføringer i adresseboken.',
    databaseReset: 'Historikkdatabasen var skadet og er flyttet til side som {{file}} (ingenting er slettet). Fraktdesk startet med tom historikk.',
    databaseDamagedFound: 'Fraktdesk har sjekket historikkfilen og funnet skadede sider. Start Fraktdesk på nytt: den tilbyr å hente inn den siste sikkerhetskopien eller redde det som kan leses (den skadede filen tas vare på). Til da lagres det du booker som vanlig.',
    settingsReset: 'Innstillingsfilen kunne ikke leses og ble tilbakestilt. Den gamle filen er tatt vare på som {{file}}.',
    labelsRefetched_one: '{{count}} etikett for en sending booket rett før Fraktdesk sist stoppet manglet og er lastet ned på nytt.',
    labelsRefetched_other: '{{count}} etiketter for sendinger booket rett før Fraktdesk sist stoppet manglet og er lastet ned på nytt.',
    batchesPaused_one: 'En bunke var i gang da Fraktdesk stoppet. Den er satt på pause: åpne Bunker og velg «Book alle» for å booke radene som ikke er sendt.',
    batchesPaused_other: '{{count}} bunker var i gang da Fraktdesk stoppet. De er satt på pause: åpne Bunker og velg «Book alle» for å booke radene som ikke er sendt.',
    labelsStillMissing: '{{count}} etiketter manglet etter at Fraktdesk sist stoppet; {{stillMissing}} kunne ikke lastes ned ennå. Åpne sendingen og bruk «Last ned etikett».'
  }
}

type NoticeText = keyof typeof en
/** A notice's key: plural forms (`_one`/`_other`) share one. */
export type NoticeKey = NoticeText extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never
export type NoticeParams = Record<string, string | number>

export const noticeSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** The English text, for logs and a window that does not know the key. */
  text: z.string()
})
export type Notice = z.infer<typeof noticeSchema>

const plural = new Intl.PluralRules('en')

/** The notice with its English text, filled in from the table (plural by `count`, as i18next picks it). */
export function notice(key: NoticeKey, params: NoticeParams = {}): Notice {
  const table = noticeTexts.en as Record<string, string>
  const form = typeof params.count === 'number' ? `${key}_${plural.select(params.count)}` : key
  const template = table[form] ?? table[`${key}_other`] ?? table[key]
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
  return { key, params, text }
}
