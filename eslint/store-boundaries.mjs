// Main's store layering: the store interfaces (services/store/*.ts) and the PostgreSQL engine never
// import the SQLite engine, so neither engine is a hidden dependency of the other.
const ports = ['engine', 'stores', 'shipments', 'pickups', 'batches', 'address-book', 'warehouse', 'tracking', 'interrupted', 'notifying-store']

export function storeBoundaryZones(storeDir) {
  const sqlite = `${storeDir}/sqlite`
  return [
    { target: `${storeDir}/postgres`, from: sqlite, message: 'the PostgreSQL engine must not import the SQLite engine: engine-neutral code belongs in the store interfaces (services/store/<table>.ts)' },
    ...ports.map((port) => ({ target: `${storeDir}/${port}.ts`, from: sqlite, message: 'a store interface must not import an engine: it is what both engines implement' }))
  ]
}
