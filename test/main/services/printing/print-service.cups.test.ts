import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCupsPrinter } from '../../../../src/main/services/printing/cups-printer'
import { createPrintService } from '../../../../src/main/services/printing/print-service'
import { labelPdf } from '../../../../src/main/services/bring-simulator/label-pdf'
import { createSettingsStore } from '../../../../src/main/services/settings/settings-store'
import { openDatabase } from '../../../../src/main/services/store/sqlite/db'
import { sqliteLabelPrintStore } from '../../../../src/main/services/store/sqlite/label-prints-repo'
import { captureLogger } from '../../../helpers/log-capture'
import { cupsUnavailable, startCups, type CupsServer } from '../../../helpers/cups-server'
import { useTempDir } from '../../../helpers/temp-dir'
import type { PrintJobProgress } from '../../../../src/shared/domain/printing'

const unavailable = cupsUnavailable()
if (unavailable && process.env.FRAKTDESK_REQUIRE_CUPS === '1') throw new Error(`${unavailable}, but FRAKTDESK_REQUIRE_CUPS=1 requires it`)
if (unavailable) console.log(`CUPS printing tests skipped: ${unavailable}`)

const pages = async (file: string) => PDFDocument.load(await readFile(file))

describe.skipIf(unavailable !== null)('label printing through a real CUPS (a throwaway cupsd, a printer that keeps what it gets)', () => {
  let cups: CupsServer
  const tempDir = useTempDir()
  beforeAll(async () => {
    cups = await startCups()
    cups.addPrinter('Office_A4')
    cups.addPrinter('Zebra_GK420d', { makeDefault: true })
  }, 30_000)
  afterAll(() => cups?.stop())

  async function desk(printer: string | null, opts: { jobTimeoutMs?: number } = {}) {
    const dir = await tempDir()
    const labelsDir = path.join(dir, 'labels')
    await mkdir(labelsDir)
    const settings = await createSettingsStore(dir)
    await settings.update({ printing: { printer, paper: 'asIs', printAfterBooking: false } })
    const db = openDatabase(dir)
    const prints = sqliteLabelPrintStore(db)
    const progress: PrintJobProgress[] = []
    const service = createPrintService({ printer: createCupsPrinter({ env: () => cups.env }), settings, prints, labelsDir, logger: captureLogger().logger, pollMs: 100, jobTimeoutMs: opts.jobTimeoutMs ?? 10_000, onProgress: (p) => progress.push(p) })
    const label = async (n: number): Promise<string> => {
      const name = `7000000000${String(n).padStart(4, '0')}.pdf`
      await writeFile(path.join(labelsDir, name), labelPdf([`Label ${n}`, `Shipment ${n}`]))
      return name
    }
    return { service, settings, labelsDir, label, prints, progress }
  }

  it('lists the printers CUPS knows, the system default marked; a chosen printer CUPS does not know is "missing"', async () => {
    const { service, settings } = await desk('Zebra_GK420d')
    const list = await service.printers()
    expect(list.printers).toEqual(expect.arrayContaining([{ name: 'Office_A4', isDefault: false }, { name: 'Zebra_GK420d', isDefault: true }]))
    expect(list.chosenMissing).toBe(false)
    await settings.update({ printing: { printer: 'Gone_Printer', paper: 'asIs', printAfterBooking: false } })
    expect(await service.printers()).toMatchObject({ chosen: 'Gone_Printer', chosenMissing: true })
  })

  it('one label: one job at the printer, 1 page the size of the label; recorded with the shipment; a second print asks first', async () => {
    const { service, label } = await desk('Zebra_GK420d')
    const before = cups.jobs('Zebra_GK420d').length
    const name = await label(1)
    const outcome = await service.printLabels([name], { title: 'Label 1', shipmentIds: ['s-1'] })
    expect(outcome).toMatchObject({ status: 'printed', printer: 'Zebra_GK420d', pages: 1 })
    const jobs = cups.jobs('Zebra_GK420d')
    expect(jobs).toHaveLength(before + 1)
    const printed = await pages(jobs.at(-1)!)
    expect(printed.getPageCount()).toBe(1)
    const { width, height } = printed.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([298, 420])
    expect(await service.history('s-1')).toMatchObject([{ printer: 'Zebra_GK420d', result: 'printed' }])
    // Printed once: not again without the clerk saying so.
    expect(await service.printLabels([name], { title: 'Label 1', shipmentIds: ['s-1'] })).toMatchObject({ status: 'askAgain', last: { printer: 'Zebra_GK420d' } })
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 1)
    expect(await service.printLabels([name], { title: 'Label 1', shipmentIds: ['s-1'], again: true })).toMatchObject({ status: 'printed' })
    expect(cups.jobs('Zebra_GK420d')).toHaveLength(before + 2)
  })

  it("a 60-label batch is exactly one job of 60 pages, in row order", async () => {
    const { service, label } = await desk('Office_A4')
    const before = cups.jobs('Office_A4').length
    const names: string[] = []
    for (let n = 1; n <= 60; n++) names.push(await label(n))
    const ids = names.map((_, i) => `row-${i + 1}`)
    expect(await service.printLabels(names, { title: 'Batch', shipmentIds: ids })).toMatchObject({ status: 'printed', pages: 60 })
    const jobs = cups.jobs('Office_A4')
    expect(jobs).toHaveLength(before + 1)
    const printed = await readFile(jobs.at(-1)!)
    expect((await PDFDocument.load(printed)).getPageCount()).toBe(60)
    // Row order: each page carries its label's text; label 1's page comes before label 2's, … 60.
    const text = printed.toString('latin1')
    const positions = names.map((_, i) => text.indexOf(`(Label ${i + 1})`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
    expect(await service.history('row-60')).toHaveLength(1)
  })

  it('a stopped printer: the job fails with the printer’s reason and leaves the queue; the label stays; "Print again" after it is started prints it once', async () => {
    const { service, label, labelsDir, progress } = await desk('Office_A4')
    cups.admin('cupsdisable', ['-r', 'Out of labels', 'Office_A4'])
    const before = cups.jobs('Office_A4').length
    const name = await label(99)
    const printId = '00000000-0000-4000-8000-000000000099'
    const failed = await service.printLabels([name], { title: 'Label 99', shipmentIds: ['s-99'], printId })
    expect(failed).toMatchObject({ status: 'failed', reason: 'stopped', message: 'Out of labels' })
    // The window heard how it went on its way: sent to the printer (the end is the answer itself).
    expect(progress).toEqual([{ printId, printer: 'Office_A4', state: 'sending' }])
    expect((await readFile(path.join(labelsDir, name))).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await service.history('s-99')).toMatchObject([{ result: 'failed', message: 'Out of labels' }])
    cups.admin('cupsenable', ['Office_A4'])
    await new Promise((r) => setTimeout(r, 1500)) // a job left in the queue would print now
    expect(cups.jobs('Office_A4')).toHaveLength(before)
    // A failed print is not a print: no question, one job.
    expect(await service.printLabels([name], { title: 'Label 99', shipmentIds: ['s-99'] })).toMatchObject({ status: 'printed' })
    expect(cups.jobs('Office_A4')).toHaveLength(before + 1)
  })

  it('a deleted printer: "missing" in the list, and a print says so instead of failing (labels open in the viewer)', async () => {
    cups.addPrinter('Temp_Printer')
    const { service, label } = await desk('Temp_Printer')
    cups.admin('lpadmin', ['-x', 'Temp_Printer'])
    expect(await service.printers()).toMatchObject({ chosenMissing: true })
    expect(await service.printLabels([await label(5)], { title: 'Label 5', shipmentIds: ['s-5'] })).toEqual({ status: 'noPrinter', missing: 'Temp_Printer' })
  })

  it('the test page: one page, 10 × 15 cm, naming the printer', async () => {
    const { service } = await desk('Zebra_GK420d')
    const before = cups.jobs('Zebra_GK420d').length
    expect(await service.testPage()).toMatchObject({ status: 'printed', printer: 'Zebra_GK420d' })
    const jobs = cups.jobs('Zebra_GK420d')
    expect(jobs).toHaveLength(before + 1)
    const doc = await pages(jobs.at(-1)!)
    expect(doc.getPageCount()).toBe(1)
    const { width, height } = doc.getPage(0).getSize()
    expect([Math.round((width * 25.4) / 72), Math.round((height * 25.4) / 72)]).toEqual([100, 150])
  })
})
