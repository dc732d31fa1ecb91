import type { Language } from './domain/settings'

/**
 * The built window has one page per UI language, each with the shell already rendered in that
 * language (src/renderer/prerender-shell.ts): the window shows its sidebar before any JavaScript runs.
 * Main loads the page for the settings' language and trusts IPC from these pages only.
 */
export const appPages: Record<Language, string> = { en: 'index.html', nb: 'index.nb.html' }
