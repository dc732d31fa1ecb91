import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script without types
import { guardElectronPhase, runTestPhases } from '../../scripts/test-phases.mjs'

type Deps = Parameters<typeof runTestPhases>[0]

/** A fake world: commands are recorded with the ABI node_modules held when they ran. */
function world(opts: { binary?: boolean; abiSetFails?: 'electron' | 'node'; failOn?: string; interruptAfter?: string; exitOn?: string; reports?: Record<string, unknown> } = {}) {
  let abi = 'node'
  let interrupted = false
  const ran: { cmd: string; abi: string }[] = []
  const log: string[] = []
  const reports: Record<string, unknown> = {
    'test-results/unit.json': { numPassedTests: 300, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 },
    'test-results/e2e-chromium.json': { stats: { expected: 40, unexpected: 0, flaky: 0, skipped: 0 } },
    'test-results/e2e-electron.json': { stats: { expected: 38, unexpected: 0, flaky: 0, skipped: 2 } },
    ...opts.reports
  }
  const deps: Deps = {
    run: (cmd: string, args: string[]) => {
      const line = [cmd, ...args].join(' ')
      ran.push({ cmd: line, abi })
      if (opts.interruptAfter && line.includes(opts.interruptAfter)) interrupted = true
      if (opts.failOn && line.includes(opts.failOn)) throw new Error('killed')
      return opts.exitOn && line.includes(opts.exitOn) ? 1 : 0
    },
    abi: {
      current: () => abi,
      set: (target: string) => {
        if (opts.abiSetFails === target) return false
        abi = target
        return true
      }
    },
    electronBinary: () => (opts.binary ? { path: '/fake/electron' } : { missing: 'Electron failed to install correctly' }),
    readJson: (file: string) => reports[file] ?? null,
    countElectronSpecs: () => 41,
    log: (l: string) => void log.push(l),
    interrupted: () => interrupted
  }
  return { deps, ran, log, abi: () => abi }
}

describe('npm test phases', () => {
  it('a spec file that cannot be loaded fails the run: Playwright exits 1 with "No tests found" and a report of 0 tests — never a pass', () => {
    const w = world({ exitOn: '--project=chromium', reports: { 'test-results/e2e-chromium.json': { stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'ReferenceError: exports is not defined in ES module scope' }] } } })
    const r = runTestPhases(w.deps)
    expect(w.log).toContain('e2e chromium: 0 passed, 1 failed, 0 skipped')
    expect(r.exitCode).toBe(1)
    // Exit 1 with a clean report (a crash after writing it) is a failure too; so is Vitest's.
    expect(runTestPhases(world({ exitOn: '--project=chromium' }).deps).exitCode).toBe(1)
    expect(runTestPhases(world({ exitOn: 'vitest' }).deps).exitCode).toBe(1)
  })

  it('without an Electron binary: Node ABI only, the Electron specs reported skipped with the reason, one closing line', () => {
    const w = world()
    const r = runTestPhases(w.deps)
    expect(w.ran.map((x) => x.cmd)).toEqual(['npx electron-vite build', expect.stringMatching(/^npx vitest run/), 'npx playwright test --project=chromium'])
    expect(w.ran.every((x) => x.abi === 'node')).toBe(true)
    expect(w.log.join('\n')).toContain('Electron binary not available: 41 Electron specs skipped (Electron failed to install correctly)')
    expect(w.log.at(-1)).toBe('340 passed, 0 failed, 41 skipped')
    expect(r.exitCode).toBe(0)
    expect(w.abi()).toBe('node')
  })

  it('with a binary: the Electron project runs only on the Electron ABI, and the checkout ends on Node', () => {
    const w = world({ binary: true })
    runTestPhases(w.deps)
    const electron = w.ran.find((x) => x.cmd === 'npx playwright test --project=electron')
    expect(electron?.abi).toBe('electron')
    expect(w.ran.filter((x) => x.cmd.includes('vitest') || x.cmd.includes('chromium')).every((x) => x.abi === 'node')).toBe(true)
    expect(w.log.at(-1)).toBe('378 passed, 0 failed, 2 skipped')
    expect(w.abi()).toBe('node')
  })

  it('if the switch to Electron fails, the Electron project is not run (a failure is reported), and Node is restored', () => {
    const w = world({ binary: true, abiSetFails: 'electron' })
    const r = runTestPhases(w.deps)
    expect(w.ran.some((x) => x.cmd.includes('--project=electron'))).toBe(false)
    expect(r.exitCode).toBe(1)
    expect(w.abi()).toBe('node')
  })

  it('a phase that dies (Ctrl+C) still leaves the native modules on Node; an interrupt stops the next phases and fails the run', () => {
    const killed = world({ binary: true, failOn: '--project=electron' })
    expect(() => runTestPhases(killed.deps)).toThrow('killed')
    expect(killed.abi()).toBe('node')
    const interrupted = world({ binary: true, interruptAfter: 'vitest' })
    const r = interrupted.deps && runTestPhases(interrupted.deps)
    expect(interrupted.ran.some((x) => x.cmd.includes('playwright'))).toBe(false)
    expect(r.exitCode).toBe(1)
    expect(interrupted.abi()).toBe('node')
  })

  it('the guard refuses the Electron project on a Node build', () => {
    expect(() => guardElectronPhase('node')).toThrow(/native modules are built for node/)
    expect(() => guardElectronPhase('electron')).not.toThrow()
  })
})
