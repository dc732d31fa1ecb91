// Build time only (src/renderer/prerender-shell.ts runs it in Node): the shell as the window's first
// render shows it, before settings arrive, in one language. main.tsx hydrates it.
import { renderToString } from 'react-dom/server'
import i18n from './i18n'
import { AppRoot } from './app/AppRoot'
import type { Language } from '@shared/domain/settings'

export async function renderShell(language: Language): Promise<string> {
  await i18n.changeLanguage(language)
  return renderToString(<AppRoot />)
}
