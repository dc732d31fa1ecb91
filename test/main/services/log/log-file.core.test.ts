import { describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { useTempDir } from '../../../helpers/temp-dir'
import { createLogger, forgetSecret, registerSecret } from '../../../../src/main/services/log/logger'
import { LOG_FILE, lastLogLines, openLogFile, tee } from '../../../../src/main/services/log/log-file'
import { startCore } from '../../../helpers/app-core'

const closed = (s: ReturnType<typeof openLogFile>): Promise<void> => new Promise((resolve) => s.end(resolve))

describe('the log file a support person can use', () => {
  const tempDir = useTempDir()

  it('writes every line to the file with the same redaction as stderr: no API key, no label link', async () => {
    const dir = await tempDir()
    const file = openLogFile(dir)
    const stderr: string[] = []
    const logger = createLogger(tee({ write: (l: string) => stderr.push(l) }, file), 'info')
    registerSecret('k3y-Very-Secret-0042')
    logger.warn({ apiKey: 'k3y-Very-Secret-0042', labelUrl: 'https://api.bring.com/booking-api/labels/abc123token' }, 'booking failed with k3y-Very-Secret-0042 in a message')
    forgetSecret('k3y-Very-Secret-0042')
    await closed(file)
    const written = await readFile(path.join(dir, LOG_FILE), 'utf8')
    expect(written).toContain('booking failed with [Redacted]')
    expect(written).not.toContain('k3y-Very-Secret-0042')
    expect(written).not.toContain('abc123token')
    expect(stderr.join('')).toBe(written)
  })

  it('rotates by size and keeps a fixed number of files', async () => {
    const dir = await tempDir()
    const file = openLogFile(dir, { size: '2K', files: 3 })
    const logger = createLogger(file, 'info')
    for (let i = 0; i < 400; i++) {
      logger.info({ i, filler: 'x'.repeat(60) }, 'line')
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5)) // let the stream rotate
    }
    await closed(file)
    const files = (await readdir(dir)).filter((f) => f.startsWith(LOG_FILE)).sort()
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`])
  })

  it('diagnostics: version, OS, mode, counts and the last log lines (scrubbed), onto the clipboard', async () => {
    const dir = await tempDir()
    const logs = path.join(dir, 'logs')
    const file = openLogFile(logs)
    const logger = createLogger(file, 'info')
    for (let i = 0; i < 250; i++) logger.info({ i }, `event ${i} https://api.bring.com/booking-api/labels/tok${i}en`)
    await closed(file)
    expect((await lastLogLines(logs)).length).toBe(200)
    const copied: string[] = []
    const core = await startCore(dir)
    try {
      core.deps.copyToClipboard = (text) => void copied.push(text)
      const res = await core.invoke('app:copyDiagnostics')
      expect(res).toEqual({ ok: true, data: { copied: true, lines: 200 } })
      expect(copied[0]).toMatch(/^Fraktdesk 0\.0\.0-test\nOS: /)
      expect(copied[0]).toContain('Mode: sandbox')
      expect(copied[0]).toContain('Counts: shipments 0, pickups 0, addressBook 0, batches 0')
      expect(copied[0]).toContain('event 249')
      expect(copied[0]).not.toContain('event 49 ')
      expect(copied[0]).not.toMatch(/tok\d+en/)
      const opened = await core.invoke('app:openLogFolder')
      expect(opened.ok).toBe(true)
      expect(core.openedPaths).toEqual([logs])
    } finally {
      await core.close()
    }
  })
})
