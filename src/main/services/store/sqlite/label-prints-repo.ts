import type { LabelPrint } from '@shared/domain/printing'
import type { Db } from './db'
import type { LabelPrintStore } from '../label-prints'

interface Row {
  at: string
  printer: string
  job_id: string | null
  result: LabelPrint['result']
  message: string
}

const toPrint = (r: Row): LabelPrint => ({ at: r.at, printer: r.printer, jobId: r.job_id, result: r.result, message: r.message })

/** The label print history in the desk's SQLite file. */
export function sqliteLabelPrintStore(db: Db): LabelPrintStore {
  const insert = db.prepare('INSERT INTO label_prints (shipment_id, at, printer, job_id, result, message) VALUES (?, ?, ?, ?, ?, ?)')
  const byShipment = db.prepare<[string], Row>('SELECT at, printer, job_id, result, message FROM label_prints WHERE shipment_id = ? ORDER BY at DESC, id DESC')
  const lastOf = db.prepare<[string], Row>(
    `SELECT at, printer, job_id, result, message FROM label_prints
     WHERE shipment_id IN (SELECT value FROM json_each(?)) AND result IN ('printed', 'mayHavePrinted') ORDER BY at DESC, id DESC LIMIT 1`
  )
  const addAll = db.transaction((ids: string[], p: LabelPrint) => {
    for (const id of ids) insert.run(id, p.at, p.printer, p.jobId, p.result, p.message)
  })
  return {
    engine: 'sqlite',
    async add(shipmentIds, print) {
      addAll(shipmentIds, print)
    },
    async forShipment(shipmentId) {
      return byShipment.all(shipmentId).map(toPrint)
    },
    async lastPrinted(shipmentIds) {
      const r = lastOf.get(JSON.stringify(shipmentIds))
      return r ? toPrint(r) : null
    }
  }
}
