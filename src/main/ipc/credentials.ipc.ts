import type { HandlersOf } from './invoke'

/** The API key only ever flows in; status says whether one exists, never what it is. */
export const credentialsHandlers: HandlersOf<'credentials:status' | 'credentials:save' | 'credentials:clear', 'credentials'> = {
  'credentials:status': async (_input, { credentials }) => credentials.status(),
  'credentials:save': async (input, { credentials }) => credentials.save(input),
  'credentials:clear': async (_input, { credentials }) => credentials.clear()
}
