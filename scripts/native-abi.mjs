#!/usr/bin/env node
// keytar and better-sqlite3 are native modules, compiled for one ABI at a time: Node's (tests,
// simulator) or Electron's (dev, start, packaging). This switches them only when needed and remembers
// which build is in node_modules.  Usage: node scripts/native-abi.mjs node|electron
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-abi.mjs node|electron')
  process.exit(2)
}
const marker = 'node_modules/.fraktdesk-native-abi'
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node' // npm ci builds for Node
if (current === target) process.exit(0)

console.log(`Rebuilding native modules for ${target}…`)
const [cmd, args] = target === 'electron' ? ['npx', ['electron-builder', 'install-app-deps']] : ['npm', ['rebuild', 'keytar', 'better-sqlite3']]
const status = spawnSync(cmd, args, { stdio: 'inherit' }).status
if (status !== 0) process.exit(status ?? 1)
writeFileSync(marker, target)
