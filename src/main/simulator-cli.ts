// `npm run simulator`: the Bring simulator on a real port, for trying the app against "Bring test"
// (BRING_API_BASE_URL=<printed url>) or poking it with curl. Plain Node, no Electron.
import { createSimulator } from './services/bring-simulator/engine'
import { startSimulatorServer } from './services/bring-simulator/http-server'
import { demoCustomers, sandboxAccount } from './services/bring-simulator/demo-data'

const demoAccount = { apiUid: process.env.SIM_API_UID ?? 'demo@example.no', apiKey: process.env.SIM_API_KEY ?? 'demo-key', customers: demoCustomers }

async function main(): Promise<void> {
  const sim = createSimulator({ accounts: [sandboxAccount, demoAccount] })
  const server = await startSimulatorServer(sim, Number(process.env.PORT ?? 0))
  console.log(`Bring simulator listening on ${server.url}`)
  console.log(`API user: ${demoAccount.apiUid}   API key: ${demoAccount.apiKey}`)
  console.log(`Run the app against it: BRING_API_BASE_URL=${server.url} npm run dev`)
  console.log(`Inject a fault: curl -X POST ${server.url}/__simulator/faults -d '{"routeId":"customer-info.customers","fault":{"kind":"status","status":503},"times":1}'`)
  const stop = (): void => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
