import type { HandlersOf } from './invoke'
import { saveCsvAndOpen } from './labels-folder'

/** The shop's own delivery record: the screen, its CSV, and the annotation beside Bring's promise. */
export const deliveryRecordHandlers: HandlersOf<'deliveryRecord:report' | 'deliveryRecord:csv' | 'deliveryRecord:annotate', 'deliveryRecord' | 'bring' | 'app' | 'openPath'> = {
  'deliveryRecord:report': async (q, { deliveryRecord, bring }) => deliveryRecord.report(q, bring.mode()),
  'deliveryRecord:annotate': async (q, { deliveryRecord, bring }) => deliveryRecord.annotate(q, bring.mode()),
  async 'deliveryRecord:csv'({ from, to, headers }, { deliveryRecord, bring, app, openPath }) {
    const { groups } = await deliveryRecord.report({ from, to }, bring.mode())
    const share = (n: number | null): string => (n === null ? '' : (Math.round(n * 1000) / 10).toFixed(1))
    const rows = groups.map(({ productId, customerNumber, country, area, summary: s }) => [
      productId,
      customerNumber,
      `${country} ${area}`,
      s.shipments,
      s.judged,
      share(s.onTimeRate),
      s.medianDays ?? '',
      s.p90Days ?? '',
      share(s.deviationShare),
      share(s.returnShare),
      s.averagePrice ?? ''
    ])
    return saveCsvAndOpen({ app, openPath }, `delivery-record-${from}-${to}.csv`, headers, rows)
  }
}
