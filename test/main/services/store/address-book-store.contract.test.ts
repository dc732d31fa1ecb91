// One contract, two engines: the address book on the desk's SQLite file and on the team's PostgreSQL.
import { describe, expect, it } from 'vitest'
import { createAddressBookRepo } from '../../../../src/main/services/store/sqlite/address-book-repo'
import { type AddressBookStore } from '../../../../src/main/services/store/address-book'
import { sqliteAddressBookStore } from '../../../../src/main/services/store/sqlite/address-book-repo'
import { pgAddressBookStore } from '../../../../src/main/services/store/postgres/address-book-store'
import { addressEntryInputSchema, dedupeKey, type AddressEntryInput } from '../../../../src/shared/domain/address-book'
import { postgresUnavailable } from '../../../helpers/postgres'
import { storeEngines } from '../../../helpers/store-engines'

const entry = (name: string, extra: Partial<AddressEntryInput['party']> = {}, kind: 'recipient' | 'sender' = 'recipient') =>
  addressEntryInputSchema.parse({ kind, party: { name, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', contact: { phoneNumber: '+47 912 34 567' }, ...extra } })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))


const engines = () =>
  storeEngines<[desk?: string], AddressBookStore>({
    sqlite: (db) => sqliteAddressBookStore(createAddressBookRepo(db)),
    postgres: (db, desk = 'Desk A') => pgAddressBookStore(db, desk)
  })

for (const [engine, factory, skipReason] of engines()) {
  describe.skipIf(skipReason !== '')(`address book contract: ${engine}`, () => {
    it('dedupes on name + address + postal code, ignoring case, spacing and punctuation', async () => {
      const repo = await factory()()
      await repo.create(entry('Kari Nordmann'))
      await expect(repo.create(entry('kari  nordmann.'))).rejects.toThrow(/already in the address book/)
      const result = await repo.importMany([entry('KARI NORDMANN'), entry('Ola Hansen'), entry('Ola Hansen'), entry('Ola Hansen', { postalCode: '0150', city: 'OSLO' })])
      expect(result).toEqual({ added: 2, skipped: 2 })
      expect(await repo.size()).toBe(3)
      const known = await repo.knownKeys('recipient', [dedupeKey(entry('Ola Hansen').party), dedupeKey(entry('Per Berg').party)])
      expect([...known]).toEqual([dedupeKey(entry('Ola Hansen').party)])
    })

    it('finds entries by 1–2 characters, part of a name, postal code or phone digits, newest first, per kind', async () => {
      const repo = await factory()()
      await repo.create(entry('Kari Nordmann'))
      await sleep(2)
      await repo.create(entry('Ola Hansen', { postalCode: '0150', city: 'OSLO', contact: { phoneNumber: '+4798765432' } }))
      await repo.create(entry('Lager Berg', {}, 'sender'))
      const names = async (query: string, kind: 'recipient' | 'sender' = 'recipient') => (await repo.list({ query, kind, limit: 10, offset: 0 })).items.map((e) => e.party.name)
      expect(await names('')).toEqual(['Ola Hansen', 'Kari Nordmann'])
      expect(await names('ka')).toEqual(['Kari Nordmann'])
      expect(await names('nordm')).toEqual(['Kari Nordmann'])
      expect(await names('NORDM')).toEqual(['Kari Nordmann'])
      expect(await names('0150')).toEqual(['Ola Hansen'])
      expect(await names('98765432')).toEqual(['Ola Hansen'])
      expect(await names('912 34')).toEqual(['Kari Nordmann'])
      expect(await names('berg', 'sender')).toEqual(['Lager Berg'])
      expect(await names('100%')).toEqual([])
      expect(await repo.count({ query: 'a', kind: 'recipient' })).toEqual({ total: 2, totalExact: true })
      expect((await repo.list({ query: '', kind: 'recipient', limit: 1, offset: 1 })).items.map((e) => e.party.name)).toEqual(['Kari Nordmann'])
    })

    it('edits and removes an entry; a vanished entry or a second copy is refused with the reason', async () => {
      const repo = await factory()()
      const kari = await repo.create(entry('Kari Nordmann'))
      const ola = await repo.create(entry('Ola Hansen'))
      const edited = await repo.update(kari.id, { ...entry('Kari Nordmann', { addressLine: 'Strandkaien 2' }), notes: 'Ring på' })
      expect(edited).toMatchObject({ id: kari.id, party: { addressLine: 'Strandkaien 2' }, notes: 'Ring på', createdAt: kari.createdAt })
      await expect(repo.update(ola.id, entry('Kari Nordmann', { addressLine: 'Strandkaien 2' }))).rejects.toThrow(/already in the address book/)
      expect(await repo.remove(ola.id)).toBe(true)
      expect(await repo.remove(ola.id)).toBe(false)
      await expect(repo.update(ola.id, entry('Ola Hansen'))).rejects.toThrow(/no longer exists/)
      expect(await repo.get(ola.id)).toBeNull()
    })

    it('keeps one default sender profile', async () => {
      const repo = await factory()()
      const a = await repo.create({ ...entry('Butikken', {}, 'sender'), isDefault: true })
      const b = await repo.create({ ...entry('Lageret', { addressLine: 'Havnegata 3' }, 'sender'), isDefault: true })
      expect((await repo.defaultSender())?.id).toBe(b.id)
      expect((await repo.get(a.id))?.isDefault).toBe(false)
      await repo.update(a.id, { ...(await repo.get(a.id))!, isDefault: true })
      expect((await repo.defaultSender())?.id).toBe(a.id)
      expect((await repo.get(b.id))?.isDefault).toBe(false)
    })
  })
}

describe.skipIf(postgresUnavailable() !== '')('one address book for every desk (PostgreSQL)', () => {
  const make = engines()[1][1]
  it('an entry saved on one desk is found on the other; both importing the same list at once add it once', async () => {
    const desk = make()
    const a = await desk('Desk A')
    const b = await desk('Desk B')
    await a.create(entry('Kari Nordmann'))
    expect((await b.list({ query: 'kari', kind: 'recipient', limit: 10, offset: 0 })).items.map((e) => e.party.name)).toEqual(['Kari Nordmann'])
    const list = Array.from({ length: 50 }, (_, i) => entry(`Mottaker ${i}`))
    const [ra, rb] = await Promise.all([a.importMany(list), b.importMany(list)])
    expect(ra.added + rb.added).toBe(50)
    expect(await a.size()).toBe(51)
  })
})
