#!/usr/bin/env node
// `npm test`: builds the app, runs the Vitest unit suite and the Playwright e2e suite, then prints
// one closing line "N passed, N failed, N skipped". On Linux without a session bus (or in CI) it re-runs itself
// inside dbus-run-session with an unlocked gnome-keyring, so the keychain test talks to a real
// Secret Service.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

// In CI always use a private session bus, so an inherited bus without a Secret Service cannot fail the run.
const wantPrivateBus = !process.env.DBUS_SESSION_BUS_ADDRESS || process.env.CI === 'true'
if (process.platform === 'linux' && wantPrivateBus && !process.env.FRAKTDESK_IN_DBUS && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  // A throwaway keyring folder: a fresh login keyring is created with this password and unlocked.
  const inner = 'export XDG_DATA_HOME=$(mktemp -d); echo -n fraktdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node scripts/run-tests.mjs'
  process.exit(run('dbus-run-session', ['--', 'sh', '-c', inner], { FRAKTDESK_IN_DBUS: '1' }))
}

rmSync('test-results', { recursive: true, force: true })
if (run('node', ['scripts/native-abi.mjs', 'node']) !== 0) console.log('could not rebuild native modules for Node; keychain tests may fail')
if (run('npx', ['electron-vite', 'build']) !== 0) {
  console.log('\nbuild failed\n0 passed, 1 failed')
  process.exit(1)
}

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'])
const unit = readJson('test-results/unit.json')
run('npx', ['playwright', 'test'])
const e2e = readJson('test-results/e2e.json')

const u = unit ? { passed: unit.numPassedTests, failed: unit.numFailedTests, skipped: unit.numPendingTests + unit.numTodoTests } : { passed: 0, failed: 1, skipped: 0 }
const e = e2e?.stats ? { passed: e2e.stats.expected, failed: e2e.stats.unexpected + e2e.stats.flaky, skipped: e2e.stats.skipped } : { passed: 0, failed: 1, skipped: 0 }
if (!unit) console.log('unit suite produced no report')
if (!e2e) console.log('e2e suite produced no report')
console.log(`\nunit: ${u.passed} passed, ${u.failed} failed, ${u.skipped} skipped`)
console.log(`e2e:  ${e.passed} passed, ${e.failed} failed, ${e.skipped} skipped`)
const total = { passed: u.passed + e.passed, failed: u.failed + e.failed, skipped: u.skipped + e.skipped }
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0)

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
  } catch {
    return null
  }
}
