import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../helpers/temp-dir'
import { openDatabase } from '../../../../src/main/services/store/db'
import { createAddressBookRepo } from '../../../../src/main/services/store/address-book-repo'
import { addressEntryInputSchema, type AddressEntryInput } from '../../../../src/shared/domain/address-book'

const entry = (name: string, extra: Partial<AddressEntryInput['party']> = {}, kind: 'recipient' | 'sender' = 'recipient') =>
  addressEntryInputSchema.parse({ kind, party: { name, addressLine: 'Bryggen 1', postalCode: '5003', city: 'BERGEN', countryCode: 'NO', contact: { phoneNumber: '+47 912 34 567' }, ...extra } })

describe('address book repository', () => {
  const tempDir = useTempDir()
  const open = async () => createAddressBookRepo(openDatabase(await tempDir()))

  it('dedupes on name + address + postal code, ignoring case, spacing and punctuation', async () => {
    const repo = await open()
    repo.create(entry('Kari Nordmann'))
    expect(() => repo.create(entry('kari  nordmann.'))).toThrow(/already in the address book/)
    const result = repo.importMany([entry('KARI NORDMANN'), entry('Ola Hansen'), entry('Ola Hansen'), entry('Ola Hansen', { postalCode: '0150', city: 'OSLO' })])
    expect(result).toEqual({ added: 2, skipped: 2 })
  })

  it('finds entries instantly by 1–2 characters, part of a name, postal code or phone digits, newest first, per kind', async () => {
    const repo = await open()
    repo.create(entry('Kari Nordmann'))
    repo.create(entry('Ola Hansen', { postalCode: '0150', city: 'OSLO', contact: { phoneNumber: '+4798765432' } }))
    repo.create(entry('Lager Berg', {}, 'sender'))
    const names = (query: string, kind: 'recipient' | 'sender' = 'recipient') => repo.list({ query, kind, limit: 10, offset: 0 }).items.map((e) => e.party.name)
    expect(names('')).toEqual(['Ola Hansen', 'Kari Nordmann'])
    expect(names('ka')).toEqual(['Kari Nordmann'])
    expect(names('nordm')).toEqual(['Kari Nordmann'])
    expect(names('0150')).toEqual(['Ola Hansen'])
    expect(names('98765432')).toEqual(['Ola Hansen'])
    expect(names('912 34')).toEqual(['Kari Nordmann'])
    expect(names('berg', 'sender')).toEqual(['Lager Berg'])
    expect(repo.count({ query: 'a', kind: 'recipient' })).toEqual({ total: 2, totalExact: true })
  })

  it('keeps one default sender profile', async () => {
    const repo = await open()
    const a = repo.create({ ...entry('Butikken', {}, 'sender'), isDefault: true })
    const b = repo.create({ ...entry('Lageret', { addressLine: 'Havnegata 3' }, 'sender'), isDefault: true })
    expect(repo.defaultSender()?.id).toBe(b.id)
    expect(repo.get(a.id)?.isDefault).toBe(false)
    repo.update(a.id, { ...repo.get(a.id)!, isDefault: true })
    expect(repo.defaultSender()?.id).toBe(a.id)
    expect(repo.get(b.id)?.isDefault).toBe(false)
  })
})
