import { describe, expect, it } from 'vitest'
import { readdir, writeFile, stat, truncate } from 'node:fs/promises'
import path from 'node:path'
import { useTempDir } from '../../../../helpers/temp-dir'
import { domesticForm } from '../../../../helpers/booking-form'
import { startCore } from '../../../../helpers/app-core'
import { openDatabase } from '../../../../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../../../../src/main/services/store/sqlite/shipments-repo'
import { backupTo, backupsToDelete, checkBackup, createBackups, stageRestore } from '../../../../../src/main/services/store/sqlite/backups'
import { DB_FILE } from '../../../../../src/main/services/store/sqlite/damaged-database'

const day = (offset: number): string => {
  const d = new Date(Date.UTC(2026, 10, 29))
  d.setUTCDate(d.getUTCDate() - offset)
  return `fraktdesk-${d.toISOString().slice(0, 10)}.sqlite3`
}

describe('backups and restore', () => {
  const tempDir = useTempDir()

  it('rotation keeps the 7 newest days and the newest backup of each of the 4 weeks before them', () => {
    const names = Array.from({ length: 60 }, (_, i) => day(i))
    const kept = names.filter((n) => !backupsToDelete([...names, 'notes.txt']).includes(n))
    expect(kept.slice(0, 7)).toEqual(names.slice(0, 7))
    expect(kept).toHaveLength(11)
    // 2026-11-29 is a Sunday: after the 7 newest days (23–29 Nov), the newest of the 4 weeks before.
    expect(kept.slice(7)).toEqual(['fraktdesk-2026-11-22.sqlite3', 'fraktdesk-2026-11-15.sqlite3', 'fraktdesk-2026-11-08.sqlite3', 'fraktdesk-2026-11-01.sqlite3'])
    expect(backupsToDelete(['notes.txt'])).toEqual([])
  })

  it('a backup taken while bookings are written is consistent and holds every shipment committed before it started', async () => {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const repo = createShipmentsRepo(db)
    for (let i = 0; i < 300; i++) repo.insertPending(domesticForm(), { pad: 'x'.repeat(2000) }, 'test')
    let writing = true
    const writer = (async () => {
      while (writing) {
        repo.insertPending(domesticForm(), { pad: 'y'.repeat(2000) }, 'test')
        await new Promise((r) => setImmediate(r))
      }
    })()
    const before = repo.size()
    const made = await backupTo(db, path.join(dir, 'copy.sqlite3'))
    writing = false
    await writer
    expect(made.shipments).toBeGreaterThanOrEqual(before)
    expect(checkBackup(made.file)).toEqual({ shipments: made.shipments })
    db.close()
  })

  it('daily: one per day, a second call that day does nothing; "back up now" to a chosen folder; a listed backup restores at the next start and the old file is kept', async () => {
    const dir = await tempDir()
    const usb = await tempDir()
    let core = await startCore(dir)
    const relaunched: number[] = []
    try {
      core.deps.relaunch = () => void relaunched.push(1)
      core.deps.pickers.folder = async () => usb
      await core.useBringTest()
      for (let i = 0; i < 3; i++) expect((await core.invoke('booking:submit', { form: domesticForm() })).ok).toBe(true)
      expect((await core.deps.backups.daily())?.shipments).toBe(3)
      expect(await core.deps.backups.daily()).toBeNull()
      const now = await core.invoke('backups:now')
      expect(now).toMatchObject({ ok: true, data: { saved: true, shipments: 3 } })
      expect((await readdir(usb)).filter((f) => f.endsWith('.sqlite3'))).toHaveLength(1)
      // Two more bookings after the backup: restoring it goes back to three.
      for (let i = 0; i < 2; i++) await core.invoke('booking:submit', { form: domesticForm() })
      const list = await core.invoke('backups:list')
      if (!list.ok) throw new Error('list failed')
      const { items } = list.data as { items: { name: string; shipments: number }[] }
      expect(items).toHaveLength(1)
      expect(items[0].shipments).toBe(3)
      expect(await core.invoke('backups:restore', { name: items[0].name })).toEqual({ ok: true, data: { staged: true } })
      await new Promise((r) => setTimeout(r, 400))
      expect(relaunched).toEqual([1])
      // Only names from the list or a picked file: never a path from the window.
      expect((await core.invoke('backups:restore', { name: '../../etc/passwd' })).ok).toBe(false)
    } finally {
      await core.close()
    }
    core = await startCore(dir)
    try {
      expect(core.deps.localShipments.size()).toBe(3)
      expect(core.deps.notices().map((n) => n.key)).toContain('backupRestored')
      const aside = (await readdir(dir)).filter((f) => f.startsWith(`${DB_FILE}.before-restore-`) && !f.endsWith('-wal') && !f.endsWith('-shm'))
      expect(aside).toHaveLength(1)
      expect(checkBackup(path.join(dir, aside[0]))?.shipments).toBe(5)
    } finally {
      await core.close()
    }
  })

  it('a damaged backup is refused when chosen, and refused at start-up if it broke after being chosen', async () => {
    const dir = await tempDir()
    const bad = path.join(dir, 'bad.sqlite3')
    await writeFile(bad, 'not a backup')
    expect(() => stageRestore(dir, bad)).toThrow(/damaged or not a Fraktdesk database/)
    const db = openDatabase(dir)
    createShipmentsRepo(db).insertPending(domesticForm(), {}, 'test')
    const good = await createBackups(db, dir).to(dir)
    db.close()
    stageRestore(dir, good.file)
    await truncate(good.file, Math.floor((await stat(good.file)).size / 2))
    const core = await startCore(dir)
    try {
      expect(core.deps.notices().map((n) => n.key)).toContain('backupRefused')
      expect(core.deps.localShipments.size()).toBe(1)
    } finally {
      await core.close()
    }
  })
})
