#!/usr/bin/env node
// `npm run smoke`: build, then start the real app in Electron (temp userData, built-in Sandbox) and
// check it from the page (e2e/smoke/smoke.spec.ts). Native modules are switched to Electron's ABI for
// it and back to Node afterwards, also on failure or Ctrl+C. Without an Electron binary it says so and
// exits 0 with "skipped" — never a pass.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1

let binary
try {
  binary = createRequire(path.join(process.cwd(), 'package.json'))('electron')
} catch (err) {
  binary = null
  console.log(`smoke: skipped — Electron binary not available (${err.message.split('\n')[0]})`)
  process.exit(0)
}
if (!existsSync(binary)) {
  console.log(`smoke: skipped — Electron binary not available (no file at ${binary})`)
  process.exit(0)
}
process.on('SIGINT', () => console.log('\ninterrupted: switching native modules back to Node'))
if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1)
let status = 1
try {
  if (run('node', ['scripts/native-abi.mjs', 'electron']) !== 0) throw new Error('could not rebuild native modules for Electron')
  status = run('npx', ['playwright', 'test', '-c', 'playwright.smoke.config.ts'])
} catch (err) {
  console.log(`smoke: ${err.message}`)
} finally {
  if (run('node', ['scripts/native-abi.mjs', 'node']) !== 0) console.log('could not switch native modules back to Node: run `npm run rebuild:node`')
}
console.log(status === 0 ? 'smoke: passed' : 'smoke: FAILED')
process.exit(status)
