import CsvReaderWorker from './csv-reader.worker?worker&inline'
import type { WorkerCalls, WorkerReply, WorkerRequest } from './protocol'

export type { CsvPreview, Prepared, PrepareRequest } from './protocol'

/** Thrown into pending calls when the reader is closed (the clerk cancelled, or chose another file). */
export class ReaderClosed extends Error {
  constructor() {
    super('The file reader was closed')
  }
}

type Pending = { resolve(v: unknown): void; reject(e: Error): void; onProgress?(fraction: number): void }

/**
 * A CSV file read in its own worker: every call runs there, the window only waits. `close()` stops the
 * worker at once, even in the middle of a parse (that is how a read is cancelled).
 */
export function openCsvReader() {
  const worker = new CsvReaderWorker()
  const pending = new Map<number, Pending>()
  let next = 1
  let closed = false
  worker.onmessage = (e: MessageEvent<WorkerReply>) => {
    const reply = e.data
    const p = pending.get(reply.id)
    if (!p) return
    if ('progress' in reply) return p.onProgress?.(reply.progress)
    pending.delete(reply.id)
    if ('error' in reply) p.reject(new Error(reply.error))
    else p.resolve(reply.result)
  }
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'The file reader stopped'))
    pending.clear()
  }
  function ask<M extends keyof WorkerCalls>(method: M, args: Parameters<WorkerCalls[M]>, opts: { transfer?: Transferable[]; onProgress?(f: number): void } = {}): Promise<ReturnType<WorkerCalls[M]>> {
    if (closed) return Promise.reject(new ReaderClosed())
    const id = next++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress })
      worker.postMessage({ id, method, args } as WorkerRequest, opts.transfer ?? [])
    })
  }
  return {
    /** Reads the file; `onProgress` 0–1 as it goes. The bytes move to the worker (nothing is copied). */
    async parse(file: Blob, onProgress?: (fraction: number) => void) {
      const bytes = await file.arrayBuffer()
      return ask('parse', [bytes], { transfer: [bytes], onProgress })
    },
    looksLikeGrams: (column: number) => ask('looksLikeGrams', [column]),
    prepare: (...args: Parameters<WorkerCalls['prepare']>) => ask('prepare', args),
    chunk: (from: number, to: number) => ask('chunk', [from, to]),
    close(): void {
      if (closed) return
      closed = true
      worker.terminate()
      for (const p of pending.values()) p.reject(new ReaderClosed())
      pending.clear()
    }
  }
}
export type CsvReader = ReturnType<typeof openCsvReader>
