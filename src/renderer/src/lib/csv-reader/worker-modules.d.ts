// Vite's worker import (bundled into the renderer, started from a blob: see the CSP's worker-src).
declare module '*?worker&inline' {
  const WorkerConstructor: new () => Worker
  export default WorkerConstructor
}
