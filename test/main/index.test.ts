import { beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createElectronMock, type ElectronMock } from '../helpers/electron-mock'
import { useTempDir } from '../helpers/temp-dir'
import { DB_FILE } from '../../src/main/services/store/damaged-database'

// The composition root with a mocked Electron: start-up problems must reach the user, never a silent exit.
const electron = vi.hoisted(() => ({}) as ElectronMock)
vi.mock('electron', () => electron)

async function startApp(userData: string): Promise<void> {
  let ready!: () => void
  const whenReady = new Promise<void>((r) => (ready = r))
  electron.app.whenReady = vi.fn(() => whenReady)
  electron.app.getPath = vi.fn(() => userData)
  await import('../../src/main/index')
  ready()
  // Let start-up run to its end (the dialog, or the window).
  await vi.waitFor(() => expect(electron.dialog.showErrorBox.mock.calls.length + electron.windows.length).toBeGreaterThan(0), { timeout: 10_000 })
}

describe('start-up that always reaches the user', () => {
  const tempDir = useTempDir()
  beforeEach(() => {
    vi.resetModules()
    Object.assign(electron, createElectronMock())
  })

  it('a userData it cannot use: an error dialog that says what failed and where, then exit 1 — no window, no silent hang', async () => {
    const notAFolder = path.join(await tempDir(), 'userData')
    await writeFile(notAFolder, 'a file where the folder should be')
    await startApp(notAFolder)
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, text] = electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string]
    expect(title).toBe('Fraktdesk could not start')
    expect(text).toContain(notAFolder)
    expect(text).toContain('Nothing was deleted')
    expect(electron.app.exit).toHaveBeenCalledWith(1)
    expect(electron.windows).toHaveLength(0)
  })

  it('a damaged database: the user chooses (here: start empty), the old file is kept, and the window opens', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), 'not a database'.repeat(100))
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'nb' }))
    electron.dialog.showMessageBox = vi.fn(async () => ({ response: 1, checkboxChecked: false }))
    await startApp(dir)
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    const [options] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; detail: string }]
    expect(options.buttons).toEqual(['Redd det som kan leses', 'Start med tom historikk'])
    expect(options.detail).toContain(`${DB_FILE}.damaged-`)
    expect(electron.windows).toHaveLength(1)
    // The window opens in the saved language: its first paint is Norwegian (the page prerendered in it).
    expect(electron.windows[0].loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[/\\]index\.nb\.html$/), { query: { lang: 'nb' } })
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled()
  })
})
