import { promises as fs } from 'node:fs'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { writeFileAtomic } from '../fs/atomic-write'

/**
 * Label PDFs (file names in the labels folder), in the order given, as one PDF written there as `outName`.
 * A file that cannot be read (or is null) fails the merge, unless `skipUnreadable`: then it is left out and
 * its position reported in `unreadable` (a batch prints what it has and names the rows it could not).
 */
export async function mergeLabelFiles(labelsDir: string, files: (string | null)[], outName: string, opts: { skipUnreadable?: boolean } = {}): Promise<{ file: string; pages: number; merged: number; unreadable: number[] }> {
  const merged = await PDFDocument.create()
  const unreadable: number[] = []
  for (const [i, name] of files.entries()) {
    try {
      if (!name) throw new Error('no label file')
      const doc = await PDFDocument.load(await fs.readFile(path.join(labelsDir, path.basename(name))))
      for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page)
    } catch (err) {
      if (!opts.skipUnreadable) throw err
      unreadable.push(i)
    }
  }
  await writeFileAtomic(path.join(labelsDir, outName), await merged.save())
  return { file: outName, pages: merged.getPageCount(), merged: files.length - unreadable.length, unreadable }
}
