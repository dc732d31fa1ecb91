import { promises as fs } from 'node:fs'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { writeFileAtomic } from '../fs/atomic-write'

/** Label PDFs (file names in the labels folder), in the order given, as one PDF written there as `outName`. */
export async function mergeLabelFiles(labelsDir: string, files: string[], outName: string): Promise<{ file: string; pages: number }> {
  const merged = await PDFDocument.create()
  for (const name of files) {
    const doc = await PDFDocument.load(await fs.readFile(path.join(labelsDir, path.basename(name))))
    for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page)
  }
  await writeFileAtomic(path.join(labelsDir, outName), await merged.save())
  return { file: outName, pages: merged.getPageCount() }
}
