import { describe, expect, it } from 'vitest'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { downloadLabel, resolveLabelPath } from '../../../../src/main/services/labels/label-files'
import { useTempDir } from '../../../helpers/temp-dir'

describe('label files', () => {
  const tempDir = useTempDir()

  it('follows redirects and refuses a body that is not a PDF', async () => {
    const dir = await tempDir()
    const fetchLike = async (url: string) =>
      url.endsWith('/a') ? new Response(null, { status: 302, headers: { location: '/b' } }) : new Response('<html>login</html>', { status: 200 })
    await expect(downloadLabel(fetchLike, 'https://x.example/a', dir, 'L1.pdf')).rejects.toMatchObject({ message: 'The label link did not return a PDF.' })
  })

  it('refuses redirect loops and non-web links', async () => {
    const dir = await tempDir()
    const loop = async () => new Response(null, { status: 302, headers: { location: '/again' } })
    await expect(downloadLabel(loop, 'https://x.example/a', dir, 'L1.pdf')).rejects.toMatchObject({ message: 'The label link redirected too many times.' })
    await expect(downloadLabel(loop, 'file:///etc/passwd', dir, 'L1.pdf')).rejects.toMatchObject({ message: 'The label link is not a web address.' })
  })

  it('opens only plain PDF files directly inside the labels folder', async () => {
    const root = await tempDir()
    const labels = path.join(root, 'labels')
    await mkdir(labels)
    await writeFile(path.join(labels, '70438101263797410.pdf'), '%PDF-1.4')
    await writeFile(path.join(root, 'secret.pdf'), '%PDF-1.4')
    await symlink(path.join(root, 'secret.pdf'), path.join(labels, 'link.pdf'))
    expect(await resolveLabelPath(labels, '70438101263797410.pdf')).toBe(path.join(labels, '70438101263797410.pdf'))
    for (const bad of ['../secret.pdf', '/etc/passwd', 'x.exe', 'sub/../../secret.pdf', 'link.pdf']) {
      await expect(resolveLabelPath(labels, bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    }
  })
})
