import { z } from 'zod'

/**
 * Printing labels straight to a label printer. The choice is this desk's own (settings.json, also in
 * team mode): printers are attached to a computer, not to the shop.
 */
export const printingSettingsSchema = z.object({
  /** A printer name as the OS knows it; null: labels open in the PDF viewer, as without a printer. */
  printer: z.string().trim().min(1).max(127).nullable(),
  /** "asIs": Bring's PDF at its own size; "fit": scaled to the printer's media. */
  paper: z.enum(['asIs', 'fit']),
  /** Print every single booking's label as soon as it is booked (batches print with "Print all labels"). */
  printAfterBooking: z.boolean()
})
export type PrintingSettings = z.infer<typeof printingSettingsSchema>
export const defaultPrintingSettings: PrintingSettings = { printer: null, paper: 'asIs', printAfterBooking: false }

export const printerListSchema = z.object({
  printers: z.array(z.object({ name: z.string(), isDefault: z.boolean() })),
  /** Why no printers could be listed (no CUPS, the print service stopped), else null. */
  problem: z.string().nullable(),
  chosen: z.string().nullable(),
  /** The chosen printer is no longer known to the OS: labels open in the viewer until another is chosen. */
  chosenMissing: z.boolean()
})
export type PrinterList = z.infer<typeof printerListSchema>

/** Why a print did not (certainly) happen, in words the clerk acts on. */
export const printFailureSchema = z.enum(['notFound', 'stopped', 'offline', 'cancelled', 'refused', 'noPrintService'])
export type PrintFailure = z.infer<typeof printFailureSchema>

export const printResultSchema = z.enum(['printed', 'failed', 'mayHavePrinted'])
export type PrintResult = z.infer<typeof printResultSchema>

/** One print of a shipment's label, kept with the shipment on this desk. */
export const labelPrintSchema = z.object({
  at: z.string(),
  printer: z.string(),
  jobId: z.string().nullable(),
  result: printResultSchema,
  /** The printer's reason for a failure ("paper jam"), or what is not known. */
  message: z.string()
})
export type LabelPrint = z.infer<typeof labelPrintSchema>

export const printOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed'), printer: z.string(), jobId: z.string(), pages: z.number().int() }),
  z.object({ status: z.literal('failed'), printer: z.string(), reason: printFailureSchema, message: z.string() }),
  /** Sent, but the printer did not say it finished in time: it may have printed. Never resent without asking. */
  z.object({ status: z.literal('mayHavePrinted'), printer: z.string(), jobId: z.string(), message: z.string() }),
  /** No printer chosen, or the chosen one is gone: open the label in the viewer instead. */
  z.object({ status: z.literal('noPrinter'), missing: z.string().nullable() }),
  /** Printed (or maybe printed) before: print again only when the clerk says so. */
  z.object({ status: z.literal('askAgain'), last: labelPrintSchema })
])
export type PrintOutcome = z.infer<typeof printOutcomeSchema>

/** A print on its way, as the printer reports it, for the window that started it (by the id it gave). */
export const printJobProgressSchema = z.object({
  printId: z.string().uuid(),
  printer: z.string().max(127),
  state: z.enum(['sending', 'queued', 'printing'])
})
export type PrintJobProgress = z.infer<typeof printJobProgressSchema>
