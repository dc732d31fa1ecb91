import { createCupsPrinter } from './cups-printer'
import type { LabelPrinter } from './label-printer'
import { createWindowsPrinter } from './windows-printer'

/** The OS's printing: Windows' spooler through pdf-to-printer, CUPS everywhere else (Linux, macOS). */
export const labelPrinterFor = (platform: NodeJS.Platform | string): LabelPrinter => (platform === 'win32' ? createWindowsPrinter() : createCupsPrinter())
