import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The UI language from settings.json, read synchronously before Electron is ready: Chromium's own
 * widgets (the date field's dd.mm.åååå, spell checking) take their language from the `lang`
 * switch, which only counts before the app is ready. Anything unreadable means English; the
 * settings store does the real validation later.
 */
export function startupLanguage(userDataDir: string): 'en' | 'nb' {
  try {
    const parsed = JSON.parse(readFileSync(path.join(userDataDir, 'settings.json'), 'utf8')) as { language?: unknown }
    return parsed.language === 'nb' ? 'nb' : 'en'
  } catch {
    return 'en'
  }
}

/** Chromium locale names for the UI languages. */
export const chromiumLocale = { en: 'en-GB', nb: 'nb' } as const
