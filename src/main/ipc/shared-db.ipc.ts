import type { Handlers } from './invoke'

/** Settings → Shared database (team mode). */
export const sharedDbHandlers: Pick<Handlers, 'sharedDb:get' | 'sharedDb:test' | 'sharedDb:save' | 'sharedDb:leave' | 'sharedDb:copyHistory' | 'sharedDb:pickCaFile'> = {
  'sharedDb:get': async (_input, { sharedDb }) => sharedDb.get(),
  'sharedDb:test': async (form, { sharedDb }) => sharedDb.test(form),
  'sharedDb:save': async (form, { sharedDb }) => sharedDb.save(form),
  'sharedDb:leave': async (_input, { sharedDb }) => sharedDb.leave(),
  'sharedDb:copyHistory': async (_input, { sharedDb }) => sharedDb.copyHistory(),
  'sharedDb:pickCaFile': async (_input, { pickers }) => ({ path: await pickers.file() })
}
