import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { faultRuleSchema } from './faults'
import type { Simulator } from './engine'

export interface SimulatorServer {
  url: string
  close(): Promise<void>
}

/**
 * The simulator on a real socket (port 0 by default), for tests and `npm run simulator`.
 * Control routes under /__simulator let a test or a person inject faults and read the request log.
 */
export async function startSimulatorServer(sim: Simulator, port = 0, host = '127.0.0.1'): Promise<SimulatorServer> {
  const hanging = new Set<http.ServerResponse>()
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const body = Buffer.concat(chunks)
      const url = `http://${req.headers.host ?? host}${req.url ?? '/'}`

      if (req.url?.startsWith('/__simulator/')) return control(req.method ?? 'GET', req.url, body, res)

      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const outcome = await sim.handle(new Request(url, { method: req.method, headers, body: body.length > 0 ? body : undefined }))
      if (outcome.kind === 'reset') return req.socket.destroy()
      if (outcome.kind === 'hang') {
        hanging.add(res)
        res.on('close', () => hanging.delete(res))
        return
      }
      const { reply } = outcome
      const out = reply.raw ? Buffer.from(reply.raw.bytes) : reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body))
      res.writeHead(reply.status, { 'content-type': reply.raw?.contentType ?? 'application/json', ...reply.headers })
      res.end(out)
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `Simulator error: ${(err as Error).message}`, status: 500 }))
    }
  })

  function control(method: string, path: string, body: Buffer, res: http.ServerResponse): void {
    const send = (status: number, data: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    if (method === 'POST' && path === '/__simulator/faults') {
      const parsed = faultRuleSchema.safeParse(JSON.parse(body.toString() || '{}'))
      if (!parsed.success) return send(400, { message: parsed.error.message })
      sim.faults.add(parsed.data)
      return send(201, { ok: true })
    }
    if (method === 'DELETE' && path === '/__simulator/faults') return (sim.faults.clear(), send(200, { ok: true }))
    if (method === 'GET' && path === '/__simulator/requests') return send(200, sim.requests)
    if (method === 'POST' && path === '/__simulator/reset') return (sim.reset(), send(200, { ok: true }))
    send(404, { message: 'Unknown simulator control route' })
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
