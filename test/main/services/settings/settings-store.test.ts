import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createSettingsStore } from '../../../../src/main/services/settings/settings-store'
import { useTempDir } from '../../../helpers/temp-dir'

describe('settings store', () => {
  const tempDir = useTempDir()

  it('starts in Sandbox, English, with no notice', async () => {
    const store = await createSettingsStore(await tempDir())
    expect(store.get()).toMatchObject({ mode: 'sandbox', language: 'en', apiUid: '' })
    expect(store.notices()).toEqual([])
  })

  it('persists changes and reads them back in a new store', async () => {
    const dir = await tempDir()
    await (await createSettingsStore(dir)).update({ language: 'nb', clientUrl: 'https://butikk.example.no' })
    const again = await createSettingsStore(dir)
    expect(again.get()).toMatchObject({ language: 'nb', clientUrl: 'https://butikk.example.no' })
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses an invalid value and keeps the previous settings', async () => {
    const dir = await tempDir()
    const store = await createSettingsStore(dir)
    await store.update({ language: 'nb' })
    await expect(store.update({ language: 'de' as never })).rejects.toThrow()
    expect(store.get().language).toBe('nb')
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')).language).toBe('nb')
  })

  it.each([
    ['not JSON', '{"mode": "sandbox", '],
    ['wrong types', JSON.stringify({ mode: 'warp-speed', language: 42 })]
  ])('moves a corrupt file (%s) aside, uses defaults and says so', async (_label, content) => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'settings.json'), content)
    const store = await createSettingsStore(dir)
    expect(store.get().mode).toBe('sandbox')
    expect(store.notices()[0].text).toMatch(/could not be read and was reset to defaults/)
    const aside = (await readdir(dir)).find((f) => f.startsWith('settings.corrupt-'))
    expect(aside).toBeDefined()
    expect(await readFile(path.join(dir, aside!), 'utf8')).toBe(content)
    await store.update({ language: 'nb' })
    expect((await createSettingsStore(dir)).notices()).toEqual([])
  })
})
