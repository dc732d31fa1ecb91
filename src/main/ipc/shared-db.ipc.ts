import type { HandlersOf } from './invoke'

/** Settings → Shared database (team mode). */
export const sharedDbHandlers: HandlersOf<'sharedDb:get' | 'sharedDb:test' | 'sharedDb:save' | 'sharedDb:leave' | 'sharedDb:copyHistory' | 'sharedDb:pickCaFile', 'sharedDb' | 'relaunch' | 'pickers' | 'deliveryRecord' | 'logger'> = {
  'sharedDb:get': async (_input, { sharedDb }) => sharedDb.get(),
  'sharedDb:test': async (form, { sharedDb }) => sharedDb.test(form),
  // The history switches at start-up: restart once the choice is saved (the window shows why first).
  async 'sharedDb:save'(form, { sharedDb, relaunch }) {
    const saved = await sharedDb.save(form)
    setTimeout(relaunch, 1500)
    return saved
  },
  async 'sharedDb:leave'(_input, { sharedDb, relaunch }) {
    const left = await sharedDb.leave()
    setTimeout(relaunch, 1500)
    return left
  },
  async 'sharedDb:copyHistory'(_input, { sharedDb, deliveryRecord, logger }) {
    const copied = await sharedDb.copyHistory()
    // The copied shipments' tracking joins the team's delivery record (in the background).
    void deliveryRecord.backfill().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'delivery record not filled in after the copy'))
    return copied
  },
  /** Main's own file picker; main keeps the path, the window is told the name. */
  async 'sharedDb:pickCaFile'(_input, { pickers, sharedDb }) {
    const chosen = await pickers.file('pem')
    return { name: chosen ? await sharedDb.useCaFile(chosen) : null }
  }
}
