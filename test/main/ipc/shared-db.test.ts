// Settings → Shared database through the real handlers: test, save (password to the keychain), copy this desk's history, leave.
import { afterEach, describe, expect, it, vi } from 'vitest'
import pg from 'pg'
import { osloDate } from '../../../src/shared/domain/oslo-calendar'
import { useTempDir } from '../../helpers/temp-dir'
import { startCore, testAccount, dataOf } from '../../helpers/app-core'
import { domesticForm } from '../../helpers/booking-form'
import { postgresUnavailable, usePostgresDatabase } from '../../helpers/postgres'
import { createMemorySecretStore } from '../../../src/main/services/secrets/memory-secret-store'
import { SHARED_DB_SECRET_ACCOUNT } from '../../../src/main/services/team/connection'
import { createLabelLinksSeal } from '../../../src/main/services/team/label-links-seal'

type Core = Awaited<ReturnType<typeof startCore>>

describe.skipIf(postgresUnavailable() !== '')('Settings → Shared database', () => {
  const tempDir = useTempDir()
  const newDatabase = usePostgresDatabase()
  const cores: Core[] = []
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close()
  })
  const core = async (dir?: string, secretStore = createMemorySecretStore()) => {
    const c = await startCore(dir ?? (await tempDir()), { secretStore })
    cores.push(c)
    return c
  }

  it('tests an address, refuses to save one it cannot reach, saves one it can (password to the keychain, never to settings)', async () => {
    const secrets = createMemorySecretStore()
    const c = await core(undefined, secrets)
    expect(dataOf(await c.invoke('sharedDb:get'))).toMatchObject({ active: false, status: null, hasPassword: false })
    const bad = await c.invoke('sharedDb:save', { url: 'postgres://fraktdesk@127.0.0.1:9/fraktdesk', tls: false, password: 'pw-123', deskName: 'Pakkebord 1' })
    expect(bad.ok).toBe(false)
    expect((bad as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.url[0]).toContain('cannot be reached')
    expect(await secrets.get(SHARED_DB_SECRET_ACCOUNT)).toBeNull()
    // In Norwegian, main's reasons read in Norwegian too.
    dataOf(await c.invoke('settings:set', { language: 'nb' }))
    const badNb = await c.invoke('sharedDb:test', { url: 'postgres://fraktdesk@127.0.0.1:9/fraktdesk', tls: false })
    expect((badNb as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.url[0]).toBe('Får ikke kontakt med den felles databasen på 127.0.0.1:9 (ECONNREFUSED). Sjekk adressen og at serveren kjører.')
    dataOf(await c.invoke('settings:set', { language: 'en' }))
    const malformed = await c.invoke('sharedDb:test', { url: 'mysql://x', tls: true })
    expect((malformed as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.url[0]).toContain('starts with postgres://')

    const url = await newDatabase()
    expect(dataOf(await c.invoke('sharedDb:test', { url, tls: false })).serverVersion).toMatch(/^\d+/)
    expect(dataOf(await c.invoke('sharedDb:save', { url, tls: false, password: 'pw-123', deskName: 'Pakkebord 1' })).restartNeeded).toBe(true)
    expect(await secrets.get(SHARED_DB_SECRET_ACCOUNT)).toBe('pw-123')
    const settings = dataOf(await c.invoke('settings:get'))
    expect(settings.sharedDatabase).toEqual({ url, tls: false, caFile: '', deskName: 'Pakkebord 1' })
    expect(JSON.stringify(settings)).not.toContain('pw-123')
  })

  it('copies this desk’s history into the shared database once: the second run copies nothing; after the restart the desk books into it', async () => {
    const dir = await tempDir()
    const secrets = createMemorySecretStore()
    const before = await core(dir, secrets)
    await before.useBringTest()
    const booked = []
    for (const name of ['Kari Mottaker', 'Ola Hansen', 'Per Utvalgt']) booked.push(dataOf(await before.invoke('booking:submit', { form: domesticForm({ recipient: { name, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO' } }) })))
    // One of them followed here (as a live one would be): its tracking goes along into the team.
    const followedAt = new Date().toISOString()
    await before.deps.stores.tracking.enrol({ shipmentId: booked[1].id, consignmentNumber: booked[1].consignmentNumber!, mode: 'live', bookedAt: followedAt, nextDue: followedAt })
    const events = [{ status: 'DELIVERED', description: 'Delivered', at: followedAt }, { status: 'HANDED_IN', description: 'Handed in', at: followedAt }]
    await before.deps.stores.tracking.saveResult(booked[1].id, { consignmentNumber: booked[1].consignmentNumber!, state: 'delivered', packages: [{ packageNumber: '1', state: 'delivered', events }] }, followedAt, null)
    const party = (name: string) => ({ name, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', contact: {} })
    dataOf(await before.invoke('addressBook:save', { entry: { kind: 'recipient', party: party('Kari Mottaker') } }))
    dataOf(await before.invoke('addressBook:save', { entry: { kind: 'sender', party: party('Butikken AS'), isDefault: true } }))
    const url = await newDatabase()
    dataOf(await before.invoke('sharedDb:save', { url, tls: false, deskName: 'Pakkebord 1' }))
    expect(dataOf(await before.invoke('sharedDb:copyHistory'))).toEqual({ copied: 3, alreadyThere: 0, addressBook: { copied: 2, alreadyThere: 0 } })
    expect(dataOf(await before.invoke('sharedDb:copyHistory'))).toEqual({ copied: 0, alreadyThere: 3, addressBook: { copied: 0, alreadyThere: 2 } })
    await before.close()
    cores.splice(cores.indexOf(before), 1)

    const after = await core(dir, secrets) // the restart
    expect(dataOf(await after.invoke('sharedDb:get'))).toMatchObject({ active: true, deskName: 'Pakkebord 1', status: { connected: true } })
    expect(dataOf(await after.invoke('tracking:get', { id: booked[1].id }))).toMatchObject({ state: 'delivered', checkedAt: followedAt })
    // …and into the team's delivery record (filled in the background from the copied tracking).
    const month = osloDate().slice(0, 7)
    await vi.waitFor(async () => expect(dataOf(await after.invoke('deliveryRecord:report', { from: month, to: month })).groups.map((g) => g.summary.shipments)).toEqual([1]), { timeout: 5000 })
    const mine = dataOf(await after.invoke('booking:submit', { form: domesticForm() }))
    const list = dataOf(await after.invoke('shipments:list', { query: '', limit: 50, offset: 0 }))
    expect(list.items.map((s) => s.recipientName)).toEqual(['Kari Mottaker', 'Per Utvalgt', 'Ola Hansen', 'Kari Mottaker'])
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query<{ desk: string; n: string }>('SELECT desk, count(*) AS n FROM shipments GROUP BY desk')
    // The copied label links went in sealed only: no link in clear, yet this desk (same Bring user) prints them.
    const copied = await client.query<{ id: string; confirmation_json: unknown; label_links_sealed: string }>("SELECT id, confirmation_json, label_links_sealed FROM shipments WHERE recipient_name = 'Ola Hansen'")
    await client.end()
    expect(rows).toEqual([{ desk: 'Pakkebord 1', n: '4' }])
    expect(JSON.stringify(copied.rows)).not.toMatch(/labels\//)
    const { id, label_links_sealed: sealed } = copied.rows[0]
    expect(await createLabelLinksSeal(async () => testAccount).open(id, sealed)).toEqual({ labelUrl: expect.stringMatching(/\/booking-api\/labels\//) })
    expect(await createLabelLinksSeal(async () => ({ ...testAccount, apiKey: 'another-key' })).open(id, sealed)).toBeNull()
    // The address book came along, with this desk's default sender as the team's.
    const book = dataOf(await after.invoke('addressBook:list', { query: 'kari', kind: 'recipient' }))
    expect(book.items.map((e) => e.party.name)).toEqual(['Kari Mottaker'])
    expect(dataOf(await after.invoke('addressBook:defaultSender'))?.party.name).toBe('Butikken AS')
    // "Needs attention" works in team mode too, from the shared tracking.
    const at = new Date().toISOString()
    await after.deps.stores.tracking.enrol({ shipmentId: mine.id, consignmentNumber: '70438101000000001', mode: 'live', bookedAt: at, nextDue: at })
    await after.deps.stores.tracking.saveResult(mine.id, { consignmentNumber: '70438101000000001', state: 'deviation', packages: [] }, at, at)
    const attention = dataOf(await after.invoke('shipments:list', { query: '', limit: 50, offset: 0, attention: true }))
    expect(attention.items.map((s) => s.id)).toEqual([mine.id])
    expect(dataOf(await after.invoke('shipments:count', { query: '', attention: true }))).toEqual({ total: 1, totalExact: true })

    // Leaving: back to this desk's own file after the next start; the password leaves the keychain.
    dataOf(await after.invoke('sharedDb:leave'))
    expect(await secrets.get(SHARED_DB_SECRET_ACCOUNT)).toBeNull()
  })
})
