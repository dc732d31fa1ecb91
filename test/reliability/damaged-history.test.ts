// A desk's history file is damaged between runs while yesterday's automatic backup is in place: cut
// to nothing, cut in half, or pages overwritten. The app must start, say what happened, keep the
// damaged file aside, and bring back every shipment the backup holds.
import { describe, expect, it } from 'vitest'
import { open, readdir, stat, truncate } from 'node:fs/promises'
import path from 'node:path'
import { useTempDir } from '../helpers/temp-dir'
import { startCore } from '../helpers/app-core'
import { domesticForm } from '../helpers/booking-form'
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createShipmentsRepo } from '../../src/main/services/store/sqlite/shipments-repo'
import { createBackups } from '../../src/main/services/store/sqlite/backups'
import { DB_FILE, openHistory } from '../../src/main/services/store/sqlite/damaged-database'

const SHIPMENTS = 300

const damage: Record<string, (file: string) => Promise<void>> = {
  'cut to 0 bytes': (file) => truncate(file, 0),
  'cut in half': async (file) => truncate(file, Math.floor((await stat(file)).size / 2)),
  'pages overwritten': async (file) => {
    const fh = await open(file, 'r+')
    await fh.write(Buffer.alloc(4096 * 8, 0xa5), 0, 4096 * 8, Math.floor((await stat(file)).size / 3 / 4096) * 4096)
    await fh.close()
  }
}

describe('damaged history with a backup present', () => {
  const tempDir = useTempDir()

  it.each(Object.keys(damage))('%s: the app starts, keeps the damaged file aside, restores the backup and says so; every shipment is back', async (name) => {
    const dir = await tempDir()
    const db = openDatabase(dir)
    const repo = createShipmentsRepo(db)
    for (let i = 0; i < SHIPMENTS; i++) repo.insertPending(domesticForm({ recipient: { ...domesticForm().recipient, name: `Mottaker ${i}` } }), { pad: 'x'.repeat(400) }, 'test')
    db.close()
    // A clean session the day before: checked, backed up, closed.
    const before = await openHistory(dir, async () => 'empty', () => new Date(Date.now() - 86_400_000))
    await createBackups(before.db, dir, () => new Date(Date.now() - 86_400_000)).daily()
    before.close()
    await damage[name](path.join(dir, DB_FILE))
    // Pages overwritten in a file closed cleanly and checked within the week: the start reads it all only when asked to.
    if (name === 'pages overwritten') await import('node:fs/promises').then((f) => f.writeFile(path.join(dir, `${DB_FILE}.check-requested`), ''))
    const core = await startCore(dir)
    try {
      expect(core.deps.notices().map((n) => n.key)).toContain('databaseRestoredFromBackup')
      expect(core.deps.localShipments.size()).toBe(SHIPMENTS)
      const aside = (await readdir(dir)).filter((n) => n.startsWith(`${DB_FILE}.damaged-`) && !n.endsWith('-wal') && !n.endsWith('-shm'))
      expect(aside).toHaveLength(1)
      const page = await core.invoke('shipments:list', { query: 'Mottaker 150', limit: 10, offset: 0 })
      expect(page).toMatchObject({ ok: true, data: { items: [{ recipientName: 'Mottaker 150' }] } })
      console.log(`damaged history (${name}): ${SHIPMENTS} of ${SHIPMENTS} shipments back from the backup; damaged file kept as ${aside[0]}`)
    } finally {
      await core.close()
    }
  })
})
