// The phases of `npm test`, with every side effect passed in so they are unit-tested
// (test/scripts/test-phases.test.ts) with a fake Electron binary and stubbed commands.
//
//  1. Node ABI: build, Vitest, the Chromium launcher (it runs the main-process services inside
//     Playwright's Node, so keytar and better-sqlite3 must be built for Node).
//  2. Only where an Electron binary exists: native modules switched to Electron's ABI, the Electron
//     project (the real app), then switched back to Node — also when the phase fails or is
//     interrupted — so the checkout is left as it was found.
// One closing line sums up both phases.

/** Refuses to run the Electron project unless node_modules holds the Electron build (the bug this prevents: NODE_MODULE_VERSION mismatch). */
export function guardElectronPhase(currentAbi) {
  if (currentAbi !== 'electron') throw new Error(`refusing to run the Electron project: native modules are built for ${currentAbi}, not Electron`)
}

/**
 * A phase's counts from its report, and its exit status: a runner that failed without a failed test in
 * its report (a spec that could not even be loaded: Playwright then reports 0 tests and exits 1) is one
 * failure, never a pass.
 */
const counts = (report, pick, status) => {
  const c = report ? pick(report) : { passed: 0, failed: 1, skipped: 0 }
  return status !== 0 && c.failed === 0 ? { ...c, failed: 1 } : c
}
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests })
const playwrightCounts = (r) => (r.stats ? { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + (r.errors?.length ?? 0), skipped: r.stats.skipped } : { passed: 0, failed: 1, skipped: 0 })

/**
 * deps: run(cmd, args, env?) → exit status; abi: { current(), set(target) → boolean };
 * electronBinary() → { path } | { missing }; readJson(file) → object | null; countElectronSpecs() → number;
 * log(line); interrupted() → boolean (Ctrl+C seen).
 * Returns { unit, e2eChromium, e2eElectron, total, exitCode }.
 */
export function runTestPhases(deps) {
  const result = { unit: null, e2eChromium: null, e2eElectron: null }
  if (!deps.abi.set('node')) deps.log('could not rebuild native modules for Node; keychain tests may fail')
  if (deps.run('npx', ['electron-vite', 'build']) !== 0) {
    deps.log('\nbuild failed\n0 passed, 1 failed')
    return { ...result, total: { passed: 0, failed: 1, skipped: 0 }, exitCode: 1 }
  }

  // Phase 1: Node ABI.
  const unitStatus = deps.run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'])
  result.unit = counts(deps.readJson('test-results/unit.json'), vitestCounts, unitStatus)
  if (!deps.interrupted()) {
    const status = deps.run('npx', ['playwright', 'test', '--project=chromium'], { E2E_REPORT: 'test-results/e2e-chromium.json' })
    result.e2eChromium = counts(deps.readJson('test-results/e2e-chromium.json'), playwrightCounts, status)
  }

  // Phase 2: Electron ABI, only where there is an Electron to run.
  const bin = deps.electronBinary()
  if ('missing' in bin) {
    const n = deps.countElectronSpecs()
    result.e2eElectron = { passed: 0, failed: 0, skipped: n }
    deps.log(`\nElectron binary not available: ${n} Electron specs skipped (${bin.missing})`)
  } else if (!deps.interrupted()) {
    try {
      if (!deps.abi.set('electron')) {
        deps.log('could not rebuild native modules for Electron: the Electron project was not run')
        result.e2eElectron = { passed: 0, failed: 1, skipped: 0 }
      } else {
        guardElectronPhase(deps.abi.current())
        const status = deps.run('npx', ['playwright', 'test', '--project=electron'], { E2E_REPORT: 'test-results/e2e-electron.json' })
        result.e2eElectron = counts(deps.readJson('test-results/e2e-electron.json'), playwrightCounts, status)
      }
    } finally {
      // Leave the checkout as it was found: tests, the simulator and the next `npm test` expect Node.
      if (!deps.abi.set('node')) deps.log('could not switch native modules back to Node: run `npm run rebuild:node`')
    }
  }

  const phases = [result.unit, result.e2eChromium, result.e2eElectron].filter(Boolean)
  const total = phases.reduce((t, p) => ({ passed: t.passed + p.passed, failed: t.failed + p.failed, skipped: t.skipped + p.skipped }), { passed: 0, failed: 0, skipped: 0 })
  if (deps.interrupted()) total.failed += 1
  const line = (name, c) => (c ? `${name} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped` : `${name} not run`)
  deps.log(`\n${line('unit:        ', result.unit)}`)
  deps.log(line('e2e chromium:', result.e2eChromium))
  deps.log(line('e2e electron:', result.e2eElectron))
  deps.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  return { ...result, total, exitCode: total.failed > 0 || total.passed === 0 ? 1 : 0 }
}
