import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore } from '../../helpers/app-core'

describe('file pickers offer the kind of file each button is for', () => {
  const tempDir = useTempDir()
  let close: (() => Promise<unknown>) | undefined
  afterEach(async () => {
    await close?.()
  })

  it('a backup for "restore from file", a PEM certificate or key for the receiver and the shared database', async () => {
    const core = await startCore(await tempDir())
    close = core.close
    const asked: string[] = []
    core.deps.pickers.file = async (kind) => (asked.push(kind), null)
    await core.invoke('backups:pick')
    await core.invoke('receiver:pickFile', { which: 'certFile' })
    await core.invoke('sharedDb:pickCaFile')
    expect(asked).toEqual(['backup', 'pem', 'pem'])
  })
})
