import { beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createElectronMock, type ElectronMock } from '../helpers/electron-mock'
import { useTempDir } from '../helpers/temp-dir'
import { DB_FILE } from '../../src/main/services/store/sqlite/damaged-database'

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
}

/** Start-up has run to its end: the error dialog, or the services composed (their clean-up is registered). */
const startupDone = () => vi.waitFor(() => expect(electron.dialog.showErrorBox.mock.calls.length + electron.app.on.mock.calls.filter(([e]) => e === 'will-quit').length).toBeGreaterThan(0), { timeout: 10_000 })

describe('start-up that always reaches the user', () => {
  const tempDir = useTempDir()
  beforeEach(() => {
    vi.resetModules()
    Object.assign(electron, createElectronMock())
  })

  it('a userData it cannot use: an error dialog that says what failed and where, then exit 1 — no silent hang', async () => {
    const notAFolder = path.join(await tempDir(), 'userData')
    await writeFile(notAFolder, 'a file where the folder should be')
    await startApp(notAFolder)
    await startupDone()
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, text] = electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string]
    expect(title).toBe('Fraktdesk could not start')
    expect(text).toContain(notAFolder)
    expect(text).toContain('Nothing was deleted')
    expect(electron.app.exit).toHaveBeenCalledWith(1)
    // The window had opened at once (its shell); exit(1) takes it down with the app.
    expect(electron.windows).toHaveLength(1)
  })

  it('a damaged database: the user chooses (here: start empty), the old file is kept, and the window opens', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), 'not a database'.repeat(100))
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'nb' }))
    electron.dialog.showMessageBox = vi.fn(async () => ({ response: 1, checkboxChecked: false }))
    await startApp(dir)
    await startupDone()
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    const [options] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; detail: string }]
    expect(options.buttons).toEqual(['Redd det som kan leses (0 sendinger)', 'Start med tom historikk'])
    expect(options.detail).toContain(`${DB_FILE}.damaged-`)
    expect(electron.windows).toHaveLength(1)
    // The window opens in the saved language: its first paint is Norwegian (the page prerendered in it).
    expect(electron.windows[0].loadFile).toHaveBeenCalledWith(expect.stringMatching(/renderer[/\\]index\.nb\.html$/), { query: { lang: 'nb' } })
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled()
  })

  it('the window opens while the services are still being composed, and a call it makes meanwhile is answered once they are', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), 'not a database'.repeat(100))
    // Composition waits on the damaged-database question: hold the answer.
    let answer!: (r: { response: number; checkboxChecked: boolean }) => void
    electron.dialog.showMessageBox = vi.fn(() => new Promise((r) => (answer = r)))
    await startApp(dir)
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalled())
    expect(electron.windows).toHaveLength(1)
    const page = pathToFileURL((electron.windows[0].loadFile.mock.calls[0] as unknown as [string])[0]).href
    const [, handler] = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:info') as unknown as [string, (event: unknown, input: unknown) => Promise<{ ok: boolean; data?: { name: string } }>]
    let settled = false
    const call = handler({ senderFrame: { url: `${page}?lang=en` } }, undefined).finally(() => (settled = true))
    await new Promise((r) => setTimeout(r, 50))
    expect(settled).toBe(false)
    answer({ response: 1, checkboxChecked: false })
    expect(await call).toMatchObject({ ok: true, data: { name: 'Fraktdesk' } })
    await startupDone()
  })
})
