#!/usr/bin/env node
// `npm test`: builds the app and runs the test phases of scripts/test-phases.mjs (Node ABI: Vitest and
// the Chromium launcher; Electron ABI, where a binary exists: the real app), then prints one closing
// line "N passed, N failed, N skipped". On Linux without a session bus (or in CI) it re-runs itself
// inside dbus-run-session with an unlocked gnome-keyring, so the keychain test talks to a real
// Secret Service.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { runTestPhases } from './test-phases.mjs'

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

// Ctrl+C reaches the running command too; this process stays to switch the native modules back.
let interrupted = false
process.on('SIGINT', () => {
  interrupted = true
  console.log('\ninterrupted: finishing up and leaving native modules on the Node ABI')
})

const marker = 'node_modules/.fraktdesk-native-abi'
const result = runTestPhases({
  run: (cmd, args, env = {}) => run(cmd, args, env),
  abi: {
    current: () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node'),
    set: (target) => run('node', ['scripts/native-abi.mjs', target]) === 0
  },
  electronBinary,
  readJson,
  countElectronSpecs: () => {
    const listed = spawnSync('npx', ['playwright', 'test', '--project=electron', '--list'], { encoding: 'utf8' }).stdout ?? ''
    const m = /Total: (\d+) tests?/.exec(listed)
    return m ? Number(m[1]) : 0
  },
  log: (line) => console.log(line),
  interrupted: () => interrupted
})
process.exit(result.exitCode)

function readJson(file) {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
  } catch {
    return null
  }
}

/** Path of the Electron binary, or why there is none (npm's electron package exports the path). */
function electronBinary() {
  try {
    const p = createRequire(path.join(process.cwd(), 'package.json'))('electron')
    return existsSync(p) ? { path: p } : { missing: `no file at ${p}` }
  } catch (err) {
    return { missing: err.message.split('\n')[0] }
  }
}
