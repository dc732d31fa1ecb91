import { describe, expect, it } from 'vitest'
import { copyFile, open, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { useTempDir } from '../../../../helpers/temp-dir'
import { domesticForm } from '../../../../helpers/booking-form'
import { openDatabase } from '../../../../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../../../../src/main/services/store/sqlite/shipments-repo'
import { DB_FILE, openHistory, type DamagedDatabase } from '../../../../../src/main/services/store/sqlite/damaged-database'
import { damagedDatabaseDialog, startupFailureDialog } from '../../../../../src/main/services/maintenance/startup-messages'
import { checkBackup, createBackups, stageRestore } from '../../../../../src/main/services/store/sqlite/backups'
import { startCore } from '../../../../helpers/app-core'
import { checkInBackground } from '../../../../../src/main/services/store/sqlite/integrity-check'

describe('a damaged history database at start-up', () => {
  const tempDir = useTempDir()

  async function historyWith(n: number): Promise<string> {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const repo = createShipmentsRepo(db)
    for (let i = 0; i < n; i++) repo.insertPending(domesticForm({ recipient: { ...domesticForm().recipient, name: `Mottaker ${i}` } }), { n: i, pad: 'x'.repeat(400) }, 'test')
    db.close()
    return dir
  }

  const never = async (): Promise<never> => {
    throw new Error('should not ask')
  }
  /** Opened, checked whole (as the check beside the app does) and closed cleanly. */
  async function checkedAndClosed(dir: string): Promise<void> {
    const h = await openHistory(dir, never)
    h.checked(true)
    h.close()
  }
  /** A session whose check beside the app found the file damaged (its verdict recorded as the app records it). */
  async function damageFoundBesideTheApp(dir: string): Promise<void> {
    const h = await openHistory(dir, never)
    expect(h.checkInBackground).toBe(true)
    const verdict = await checkInBackground(path.join(dir, DB_FILE)).done
    expect(verdict.ok).toBe(false)
    h.checked(false)
    h.close()
  }

  it('a file that is not a database is moved aside, never deleted, the user is asked, and the app continues with a working empty history', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), 'these are not the bytes of a database'.repeat(200))
    const asked: DamagedDatabase[] = []
    const { db, damaged } = await openHistory(dir, async (d) => (asked.push(d), 'recover'))
    expect(asked).toHaveLength(1)
    expect(damaged?.reason).toMatch(/not a database/)
    expect(await readFile(damaged!.movedTo, 'utf8')).toContain('these are not the bytes')
    expect(damaged?.recovered).toEqual({ shipments: 0, pickups: 0, addressBook: 0, batches: 0 })
    expect(createShipmentsRepo(db).size()).toBe(0)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('a zero-byte file never used before is simply a new database: nothing to ask', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), '')
    const { db, damaged } = await openHistory(dir, async () => {
      throw new Error('should not ask')
    })
    expect(damaged).toBeNull()
    db.close()
  })

  /** A history of 300 shipments, closed cleanly, with yesterday's automatic backup of it. */
  async function historyWithBackup(): Promise<string> {
    const dir = await historyWith(300)
    const first = await openHistory(dir, async () => 'empty')
    await createBackups(first.db, dir, () => new Date(Date.now() - 86_400_000)).daily()
    first.close()
    return dir
  }

  it.each([
    ['cut to 0 bytes', (file: string) => truncate(file, 0)],
    ['cut in half', async (file: string) => truncate(file, Math.floor((await stat(file)).size / 2))]
  ])('a history %s is moved aside and the question offers the latest backup first (date, 300 shipments); restoring it brings every shipment back', async (_name, cut) => {
    const dir = await historyWithBackup()
    await cut(path.join(dir, DB_FILE))
    const asked: DamagedDatabase[] = []
    const { db, damaged } = await openHistory(dir, async (d) => (asked.push(d), 'restore'))
    expect(asked).toHaveLength(1)
    expect(asked[0].latestBackup).toMatchObject({ shipments: 300, file: expect.stringContaining(path.join(dir, 'backups')) })
    expect(asked[0].readable.shipments).toBeLessThan(300)
    expect(damaged?.restored?.shipments).toBe(300)
    expect(createShipmentsRepo(db).size()).toBe(300)
    expect(await stat(damaged!.movedTo)).toBeTruthy() // the cut file is kept, aside
    // The dialog says it first, with what each choice brings.
    const d = damagedDatabaseDialog(asked[0], 'nb')
    expect(d.choices).toEqual(['restore', 'recover', 'empty'])
    expect(d.buttons[0]).toMatch(/^Hent inn siste sikkerhetskopi \(.+, 300 sendinger\)$/)
    expect(d.buttons[1]).toBe(`Redd det som kan leses (${asked[0].readable.shipments} sendinger)`)
    db.close()
  })

  it('a backup whose bytes changed inside a record (it still passes integrity_check) is not offered, not listed as good, and not restored', async () => {
    const dir = await historyWithBackup()
    const [backup] = await readdir(path.join(dir, 'backups')).then((n) => n.filter((x) => x.endsWith('.sqlite3')))
    const file = path.join(dir, 'backups', backup)
    const bytes = await readFile(file)
    const at = bytes.indexOf(Buffer.from('Mottaker 150'))
    expect(at).toBeGreaterThan(0)
    bytes.write('Nottaker 1S0', at) // three bytes flipped inside one shipment's record
    await writeFile(file, bytes)
    expect(checkBackup(file)).toBeNull()
    expect((await createBackups(openDatabase(await tempDir()), dir).list())[0].shipments).toBe(-1)
    await truncate(path.join(dir, DB_FILE), 0)
    const asked: DamagedDatabase[] = []
    const { db } = await openHistory(dir, async (d) => (asked.push(d), 'restore'))
    expect(asked[0].latestBackup).toBeNull()
    expect(() => stageRestore(dir, file)).toThrow(/damaged/)
    db.close()
  })

  it('a WAL cut off mid-write (a crash or a full disk) loses only the torn tail: no prompt, the history opens with what was committed before it', async () => {
    const src = await tempDir()
    const db = openDatabase(src)
    db.pragma('wal_autocheckpoint = 0') // keep the commits in the WAL, as a crash before a checkpoint would
    const repo = createShipmentsRepo(db)
    for (let i = 0; i < 40; i++) repo.insertPending(domesticForm(), { pad: 'x'.repeat(300) }, 'test')
    const dir = await tempDir()
    await copyFile(path.join(src, DB_FILE), path.join(dir, DB_FILE))
    await copyFile(path.join(src, `${DB_FILE}-wal`), path.join(dir, `${DB_FILE}-wal`))
    db.close()
    const wal = path.join(dir, `${DB_FILE}-wal`)
    await truncate(wal, Math.floor((await stat(wal)).size * 0.6))
    const { db: reopened, damaged } = await openHistory(dir, async () => {
      throw new Error('should not ask')
    })
    expect(damaged).toBeNull()
    const kept = createShipmentsRepo(reopened).size()
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(40)
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok')
    reopened.close()
  })

  it('broken pages: the shipments SQLite can still read are recovered into a new file, the rest is reported, the old file kept', async () => {
    const dir = await historyWith(300)
    const file = path.join(dir, DB_FILE)
    const size = (await stat(file)).size
    // Overwrite a run of pages in the middle of the table with garbage.
    const fh = await open(file, 'r+')
    await fh.write(Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, Math.floor(size / 2 / 4096) * 4096)
    await fh.close()
    await damageFoundBesideTheApp(dir)
    const { db, damaged } = await openHistory(dir, async () => 'recover')
    expect(damaged).not.toBeNull()
    const saved = damaged!.recovered!.shipments
    expect(saved).toBeGreaterThan(150)
    expect(saved).toBeLessThan(300)
    const repo = createShipmentsRepo(db)
    expect(repo.size()).toBe(saved)
    // The recovered rows are whole, searchable and newest first as before.
    const page = repo.list({ query: 'Mottaker 29', limit: 50, offset: 0 }).items
    expect(page.every((s) => s.recipientName.startsWith('Mottaker 29'))).toBe(true)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect((await stat(damaged!.movedTo)).size).toBe(size)
    db.close()
  })

  it('the whole file is read only when it matters: never checked, after a crash, weekly, or a check cut short; a clean close after a passed check skips it', async () => {
    const dir = await historyWith(5)
    const first = await openHistory(dir, never)
    expect([first.fullCheck, first.checkInBackground]).toEqual(['never checked', true])
    first.close() // closed before its check ended
    const cutShort = await openHistory(dir, never)
    expect(cutShort.fullCheck).toBe('the last check did not finish')
    cutShort.checked(true)
    cutShort.close()
    const clean = await openHistory(dir, never)
    expect([clean.fullCheck, clean.checkInBackground]).toEqual([null, false])
    expect(createShipmentsRepo(clean.db).size()).toBe(5)
    clean.db.close() // the process dies with the history open: no clean close recorded
    const afterCrash = await openHistory(dir, never)
    expect(afterCrash.fullCheck).toBe('the last session did not close cleanly')
    afterCrash.checked(true)
    afterCrash.close()
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000)
    const weekly = await openHistory(dir, never, () => eightDaysOn)
    expect(weekly.fullCheck).toBe('last checked over a week ago')
    weekly.checked(true)
    weekly.close()
    expect((await openHistory(dir, never, () => eightDaysOn)).fullCheck).toBeNull()
  })

  it('after a crash the whole-file check runs beside the app: nothing is asked at start, the app answers, the broken pages it finds are told (notice and event), and the next start offers recovery', async () => {
    const dir = await historyWith(300)
    await checkedAndClosed(dir)
    const crashed = await openHistory(dir, never)
    crashed.db.close() // the process dies with the history open
    const file = path.join(dir, DB_FILE)
    const fh = await open(file, 'r+')
    await fh.write(Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, Math.floor((await stat(file)).size / 2 / 4096) * 4096)
    await fh.close()
    const core = await startCore(dir)
    const told: unknown[] = []
    core.deps.events.subscribe((event, payload) => event === 'app:notice' && told.push(payload))
    try {
      expect(core.deps.notices().map((n) => n.key)).not.toContain('databaseRecovered')
      expect(core.deps.localShipments.size()).toBe(300) // the file in use as it is: nothing moved, nothing asked
      expect(await core.call('shipments:list', { query: '', limit: 10, offset: 0 })).toMatchObject({ items: expect.any(Array) })
      expect(await core.deps.maintenance.historyChecked).toBe('damaged')
      expect(core.deps.notices().map((n) => n.key)).toContain('databaseDamagedFound')
      expect(told).toEqual([expect.objectContaining({ key: 'databaseDamagedFound', text: expect.stringMatching(/damaged pages\. Restart Fraktdesk/) })])
    } finally {
      await core.close()
    }
    const next = await openHistory(dir, async () => 'recover')
    expect(next.fullCheck).toBe('a damaged page was met while the app ran')
    expect(next.damaged?.reason).toMatch(/integrity check failed/)
    expect(next.damaged!.recovered!.shipments).toBeGreaterThan(150)
    next.close()
  })

  it('a check beside the app that passes is recorded: the next clean start reads nothing whole', async () => {
    const dir = await historyWith(20)
    const core = await startCore(dir)
    try {
      expect(await core.deps.maintenance.historyChecked).toBe('passed')
    } finally {
      await core.close()
    }
    const next = await openHistory(dir, never)
    expect(next.fullCheck).toBeNull()
    next.close()
  })

  it('data off a damaged file that fails its check on the way out (not an SQLite error) is reported as the damaged database, not "could not check"', async () => {
    const dir = await historyWith(300)
    await checkedAndClosed(dir)
    const file = path.join(dir, DB_FILE)
    const bytes = await readFile(file)
    // The newest shipment's mode changed on disk ("test" -> "tesx"), and pages further back broken.
    const at = bytes.indexOf(Buffer.from('testpending55800Mottaker 299'))
    expect(at).toBeGreaterThan(0)
    bytes.write('tesx', at)
    bytes.fill(0xa5, Math.floor(bytes.length / 2 / 4096) * 4096, Math.floor(bytes.length / 2 / 4096) * 4096 + 4096 * 6)
    await writeFile(file, bytes)
    const core = await startCore(dir)
    try {
      const answer = await core.invoke('shipments:list', { query: '', limit: 10, offset: 0 })
      expect(answer).toMatchObject({ ok: false, error: { i18n: { key: 'databaseDamaged' } } })
    } finally {
      await core.close()
    }
    expect((await openHistory(dir, async () => 'recover')).fullCheck).toBe('a damaged page was met while the app ran')
  })

  it('a damaged page met while the app runs: the user is told to restart, and the next start checks the file and offers recovery', async () => {
    const dir = await historyWith(300)
    // A history checked yesterday and closed cleanly: the next start would not read it all.
    await checkedAndClosed(dir)
    const file = path.join(dir, DB_FILE)
    const fh = await open(file, 'r+')
    await fh.write(Buffer.alloc(4096 * 6, 0xa5), 0, 4096 * 6, Math.floor((await stat(file)).size / 2 / 4096) * 4096)
    await fh.close()
    const core = await startCore(dir)
    let answer: Awaited<ReturnType<typeof core.invoke>>
    try {
      // Paging through the history reaches the broken pages.
      let offset = 0
      do {
        answer = await core.invoke('shipments:list', { query: '', limit: 100, offset })
        offset += 100
      } while (answer.ok && offset < 300)
      expect(answer.ok).toBe(false)
      if (!answer.ok) {
        expect(answer.error.i18n?.key).toBe('databaseDamaged')
        expect(answer.error.message).toMatch(/damaged\. Restart Fraktdesk/)
      }
    } finally {
      await core.close()
    }
    const next = await openHistory(dir, async () => 'recover')
    expect(next.fullCheck).toBe('a damaged page was met while the app ran')
    expect(next.damaged!.recovered!.shipments).toBeGreaterThan(150)
    next.close()
    // The new file was not damaged: the request is gone with the old one.
    expect((await openHistory(dir, async () => 'recover')).fullCheck).toBe('never checked')
  })

  it('"start with an empty history" copies nothing and still keeps the old file', async () => {
    const dir = await historyWith(5)
    await writeFile(path.join(dir, DB_FILE), 'garbage')
    const { db, damaged } = await openHistory(dir, async () => 'empty')
    expect(damaged?.recovered).toBeNull()
    expect(await readFile(damaged!.movedTo, 'utf8')).toBe('garbage')
    db.close()
  })

  it('the app starts on a damaged file and tells the user in a notice; a userData it cannot use fails with a message that names the folder', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, DB_FILE), 'not a database at all, sorry'.repeat(50))
    const core = await startCore(dir)
    try {
      expect(core.deps.notices().map((n) => n.key)).toContain('databaseRecovered')
      expect(core.deps.localShipments.size()).toBe(0)
    } finally {
      await core.close()
    }
    // A labels "folder" that is a file: kept aside, a fresh folder, labels fetched again from the history.
    const dir2 = await tempDir()
    await writeFile(path.join(dir2, 'labels'), 'not a folder')
    const core2 = await startCore(dir2)
    try {
      expect(core2.deps.notices().map((n) => n.key)).toContain('labelsFolderMoved')
      expect((await stat(core2.deps.app.labelsDir)).isDirectory()).toBe(true)
    } finally {
      await core2.close()
    }
    const notADir = path.join(await tempDir(), 'file-not-folder')
    await writeFile(notADir, 'x')
    const failure = await startCore(notADir).then(
      () => null,
      (err: unknown) => err
    )
    expect(failure).toBeInstanceOf(Error)
    const dialog = startupFailureDialog(failure, notADir, 'nb')
    expect(dialog.text).toContain(notADir)
    expect(dialog.text).toContain('Ingenting er slettet')
  })
})
