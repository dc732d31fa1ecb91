import type { DamagedChoice, DamagedDatabase } from '../store/sqlite/damaged-database'

type Lang = 'en' | 'nb'

/** Plain words for the native dialogs shown before any window exists (no i18next in main). */
/**
 * The question asked when the history cannot be used: the latest good backup first (with its date and
 * how many shipments it holds), then what can still be read (with how much that is), then start empty.
 * `choices` maps each button to its answer, in the order shown.
 */
export function damagedDatabaseDialog(d: DamagedDatabase, lang: Lang) {
  const nb = lang === 'nb'
  const when = d.latestBackup ? new Date(d.latestBackup.createdAt).toLocaleString(nb ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) : ''
  const choices: DamagedChoice[] = d.latestBackup ? ['restore', 'recover', 'empty'] : ['recover', 'empty']
  const label: Record<DamagedChoice, string> = nb
    ? { restore: `Hent inn siste sikkerhetskopi (${when}, ${d.latestBackup?.shipments ?? 0} sendinger)`, recover: `Redd det som kan leses (${d.readable.shipments} sendinger)`, empty: 'Start med tom historikk' }
    : { restore: `Restore the latest backup (${when}, ${d.latestBackup?.shipments ?? 0} shipments)`, recover: `Recover what can be read (${d.readable.shipments} shipments)`, empty: 'Start with an empty history' }
  return nb
    ? {
        title: 'Historikken kan ikke leses',
        message: 'Fraktdesk sin database med sendinger og adressebok er skadet.',
        detail: `Filen er flyttet til side (ikke slettet):\n${d.movedTo}\n\nÅrsak: ${d.reason}\n\n${d.latestBackup ? 'Sikkerhetskopien er kontrollert og kan hentes inn. ' : ''}Fraktdesk kan også redde det som fortsatt kan leses over i en ny fil, eller starte med tom historikk.`,
        buttons: choices.map((c) => label[c]),
        choices
      }
    : {
        title: 'The history cannot be read',
        message: 'Fraktdesk’s database of shipments and address book is damaged.',
        detail: `The file has been moved aside (not deleted):\n${d.movedTo}\n\nReason: ${d.reason}\n\n${d.latestBackup ? 'The backup has been checked and can be restored. ' : ''}Fraktdesk can also copy whatever can still be read into a new file, or start with an empty history.`,
        buttons: choices.map((c) => label[c]),
        choices
      }
}

/** When composing the app fails (a full disk, a folder it may not write): what failed, where, and what to do. */
export function startupFailureDialog(err: unknown, userDataDir: string, lang: Lang) {
  const reason = err instanceof Error ? err.message : String(err)
  const diskProblem = /ENOSPC|EACCES|EPERM|EROFS|readonly|read-only|disk/i.test(reason)
  return lang === 'nb'
    ? {
        title: 'Fraktdesk kunne ikke starte',
        text: `Fraktdesk kunne ikke starte: ${reason}\n\nDataene dine ligger i:\n${userDataDir}\nIngenting er slettet.\n\n${diskProblem ? 'Sjekk at disken ikke er full og at du har skrivetilgang til mappen, og start Fraktdesk på nytt.' : 'Start Fraktdesk på nytt. Hvis feilen kommer igjen, send denne meldingen og loggfilen i mappen over til den som hjelper deg.'}`
      }
    : {
        title: 'Fraktdesk could not start',
        text: `Fraktdesk could not start: ${reason}\n\nYour data is in:\n${userDataDir}\nNothing was deleted.\n\n${diskProblem ? 'Check that the disk is not full and that you can write to this folder, then start Fraktdesk again.' : 'Start Fraktdesk again. If this happens again, send this message and the log file in the folder above to whoever helps you.'}`
      }
}
