import { describe, expect, it, vi } from 'vitest'
import { createWindowsPrinter, type PdfToPrinter } from '../../../../src/main/services/printing/windows-printer'
import { PrintError } from '../../../../src/main/services/printing/label-printer'

// pdf-to-printer drives SumatraPDF, which only runs on Windows: its functions are the test's, the
// printer around them is the real one.
function fakeLib(printers = ['Microsoft Print to PDF', 'ZDesigner GK420d']): PdfToPrinter & { print: ReturnType<typeof vi.fn> } {
  return {
    getPrinters: async () => printers.map((name) => ({ name })),
    getDefaultPrinter: async () => ({ name: 'Microsoft Print to PDF' }),
    print: vi.fn(async () => undefined)
  }
}

describe('Windows label printing (pdf-to-printer)', () => {
  it('lists Windows’ printers with the default marked', async () => {
    const printer = createWindowsPrinter(async () => fakeLib())
    expect(await printer.list()).toEqual([
      { name: 'Microsoft Print to PDF', isDefault: true },
      { name: 'ZDesigner GK420d', isDefault: false }
    ])
  })

  it('prints one file as one silent job to the named printer, at Bring’s size or fitted to the media', async () => {
    const lib = fakeLib()
    const printer = createWindowsPrinter(async () => lib)
    await printer.submit('C:\\labels\\print-1.pdf', { printer: 'ZDesigner GK420d', title: 'Batch', fit: false })
    await printer.submit('C:\\labels\\print-2.pdf', { printer: 'ZDesigner GK420d', title: 'Batch', fit: true })
    expect(lib.print).toHaveBeenCalledTimes(2)
    expect(lib.print.mock.calls[0]).toEqual(['C:\\labels\\print-1.pdf', { printer: 'ZDesigner GK420d', scale: 'noscale', silent: true }])
    expect(lib.print.mock.calls[1]).toEqual(['C:\\labels\\print-2.pdf', { printer: 'ZDesigner GK420d', scale: 'fit', silent: true }])
    expect(await printer.state('ZDesigner GK420d', '1')).toEqual({ state: 'done' })
  })

  it('a printer Windows does not know is "not found", and nothing is sent; a failing print says why', async () => {
    const lib = fakeLib()
    const printer = createWindowsPrinter(async () => lib)
    await expect(printer.submit('C:\\labels\\a.pdf', { printer: 'Gone', title: 't', fit: false })).rejects.toMatchObject({ reason: 'notFound' })
    expect(lib.print).not.toHaveBeenCalled()
    lib.print.mockRejectedValueOnce(new Error('Printer is offline'))
    const err = await printer.submit('C:\\labels\\a.pdf', { printer: 'ZDesigner GK420d', title: 't', fit: false }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PrintError)
    expect(err).toMatchObject({ reason: 'refused', message: 'Printer is offline' })
  })
})
