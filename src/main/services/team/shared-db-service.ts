import path from 'node:path'
import type { Db } from '../store/sqlite/db'
import type { SettingsStore } from '../settings/settings-store'
import type { SecretStore } from '../secrets/secret-store'
import { AppError } from '@shared/ipc/app-error'
import type { SharedDatabaseForm } from '@shared/domain/shared-database'
import { SHARED_DB_SECRET_ACCOUNT, deskNameOr, sharedDatabaseConfig, type SharedConnection } from './connection'
import { openSharedDatabase, SharedDatabaseError } from '../store/postgres/database'
import { copyAddressBookInto, copyHistoryInto } from './copy-history'
import type { LabelLinksSeal } from '../store/postgres/shipments-store'
import { localizePhrase } from '@shared/domain/phrases-nb'
import { checkPemFile } from '../security/pem-file'

/** Settings → Shared database: test, save (password to the keychain), leave, and copy this desk's history in. */
export function createSharedDbService(deps: { settings: SettingsStore; secretStore: SecretStore; connection: SharedConnection; localDb: Db; activeInThisRun: boolean; labelSeal?: LabelLinksSeal }) {
  const asFieldError = (err: unknown): AppError => (err instanceof SharedDatabaseError ? AppError.field('url', err.message) : (err as AppError))
  /** The CA file main's picker chose last (never a path from the window). */
  let chosenCa: string | null = null
  const caFileFor = (ca: SharedDatabaseForm['ca']): string => {
    if (ca === 'none') return ''
    if (ca === 'keep') return deps.settings.get().sharedDatabase.caFile
    if (!chosenCa) throw AppError.field('ca', 'Choose the CA file first.')
    return chosenCa
  }

  async function test(form: Pick<SharedDatabaseForm, 'url' | 'tls' | 'ca' | 'password'>): Promise<{ serverVersion: string }> {
    const caFile = caFileFor(form.ca)
    try {
      // Connecting also migrates: a server that is too old, or upgraded by a newer Fraktdesk, says so here.
      const shared = await openSharedDatabase(await sharedDatabaseConfig({ ...form, caFile }, deps.secretStore), { poolSize: 1 })
      await shared.close()
      return { serverVersion: shared.serverVersion }
    } catch (err) {
      throw asFieldError(err)
    }
  }

  return {
    async get() {
      const s = deps.settings.get().sharedDatabase
      const status = deps.activeInThisRun ? await deps.connection.status() : null
      const hasPassword = Boolean(await deps.secretStore.get(SHARED_DB_SECRET_ACCOUNT).catch(() => null))
      return {
        config: { url: s.url, tls: s.tls, caName: s.caFile ? path.basename(s.caFile) : '', deskName: s.deskName },
        hasPassword,
        deskName: deskNameOr(s.deskName),
        defaultDeskName: deskNameOr(''),
        active: deps.activeInThisRun,
        // The reason reads in the user's language, like the window around it.
        status: status && !status.connected ? { ...status, problem: localizePhrase(status.problem) } : status
      }
    },
    test,
    /** A CA file chosen in main's own picker, checked as a PEM certificate; kept for the next test or save. */
    async useCaFile(chosen: string): Promise<string> {
      await checkPemFile(chosen, 'certificate', 'ca')
      chosenCa = chosen
      return path.basename(chosen)
    },
    /** Checked before it is kept: a desk never switches to a database it cannot reach. Takes effect after a restart. */
    async save(form: SharedDatabaseForm): Promise<{ serverVersion: string; restartNeeded: boolean }> {
      const { serverVersion } = await test(form)
      if (form.password) await deps.secretStore.set(SHARED_DB_SECRET_ACCOUNT, form.password)
      await deps.settings.update({ sharedDatabase: { url: form.url, tls: form.tls, caFile: caFileFor(form.ca), deskName: form.deskName } })
      return { serverVersion, restartNeeded: true }
    },
    /** Back to this desk's own SQLite history (the shared database keeps everything). */
    async leave(): Promise<{ restartNeeded: boolean }> {
      await deps.settings.update({ sharedDatabase: { ...deps.settings.get().sharedDatabase, url: '' } })
      await deps.secretStore.delete(SHARED_DB_SECRET_ACCOUNT).catch(() => false)
      return { restartNeeded: true }
    },
    /** The history and the address book. Idempotent: what is already there (same shipment or request id, same recipient) is left alone. */
    async copyHistory(): Promise<{ copied: number; alreadyThere: number; addressBook: { copied: number; alreadyThere: number } }> {
      if (!deps.settings.get().sharedDatabase.url) throw new AppError('INVALID_INPUT', 'Choose and save a shared database first.')
      try {
        const shared = await deps.connection.database()
        const history = await copyHistoryInto(deps.localDb, shared.db, deps.connection.deskName(), deps.labelSeal)
        return { ...history, addressBook: await copyAddressBookInto(deps.localDb, shared.db, deps.connection.deskName()) }
      } catch (err) {
        throw asFieldError(err)
      }
    }
  }
}
export type SharedDbService = ReturnType<typeof createSharedDbService>
