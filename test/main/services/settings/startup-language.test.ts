import { describe, expect, it } from 'vitest'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startupLanguage } from '../../../../src/main/services/settings/startup-language'
import { useTempDir } from '../../../helpers/temp-dir'

describe('the language Chromium starts in (date fields)', () => {
  const tempDir = useTempDir()

  it('follows the saved UI language, and is English when there is nothing readable', async () => {
    const dir = await tempDir()
    expect(startupLanguage(dir)).toBe('en')
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'nb' }))
    expect(startupLanguage(dir)).toBe('nb')
    await writeFile(path.join(dir, 'settings.json'), '{ not json')
    expect(startupLanguage(dir)).toBe('en')
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'xx' }))
    expect(startupLanguage(dir)).toBe('en')
  })
})
