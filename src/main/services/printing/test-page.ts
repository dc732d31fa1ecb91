import { PDFDocument, StandardFonts } from 'pdf-lib'

const MM = 72 / 25.4

/** Characters the standard PDF font cannot draw (a printer named in Greek, an emoji) become "?". */
const drawable = (text: string): string => text.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?')

/**
 * Fraktdesk's one-page test page, the size of a Bring label (10 × 15 cm): which printer, and when.
 * `when` comes formatted by the caller (the clerk's language and Oslo's clock).
 */
export async function makeTestPage(printer: string, when: string, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle(drawable(title))
  const page = doc.addPage([100 * MM, 150 * MM])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const { height } = page.getSize()
  page.drawRectangle({ x: 5 * MM, y: 5 * MM, width: 90 * MM, height: 140 * MM, borderWidth: 1 })
  page.drawText(drawable(title), { x: 10 * MM, y: height - 20 * MM, size: 16, font: bold })
  page.drawText(drawable(printer), { x: 10 * MM, y: height - 32 * MM, size: 12, font, maxWidth: 80 * MM })
  page.drawText(drawable(when), { x: 10 * MM, y: height - 40 * MM, size: 12, font })
  return doc.save()
}
