// A receiver process for the kill loop: listens on the given port with an API key, prints "ready".
import { openDatabase } from '../../src/main/services/store/sqlite/db'
import { createWarehouseRepo } from '../../src/main/services/store/sqlite/warehouse-repo'
import { sqliteWarehouseStore } from '../../src/main/services/store/sqlite/warehouse-repo'
import { createReceiver } from '../../src/main/services/warehousing/receiver'
import { createLogger } from '../../src/main/services/log/logger'

const db = openDatabase(process.env.CHILD_USER_DATA!)
const receiver = createReceiver({ repo: sqliteWarehouseStore(createWarehouseRepo(db)), credentials: () => ({ auth: 'apiKey', user: 'bring', secret: process.env.CHILD_KEY! }), logger: createLogger({ write: () => true }, 'silent') })
const server = await receiver.listen(Number(process.env.CHILD_PORT), '127.0.0.1')
console.log(`ready ${server.url}`)
