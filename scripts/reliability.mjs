#!/usr/bin/env node
// npm run test:reliability: the reliability suite at full size — 2,500 hostile IPC calls, 200 SIGKILLs (then 100 more while resolving by every path), PostgreSQL stopping under a two-desk batch, damaged histories with a backup present,
// of a process booking, running batches and saving settings, the fault matrix and the secret scan —
// printing its figures. `npm test` runs the same files at CI size (600 calls, 12 kills).
import { spawnSync } from 'node:child_process'

const env = { ...process.env, RELIABILITY_FULL: '1', KILL_LOOP_KILLS: process.env.KILL_LOOP_KILLS ?? '200', RECEIVER_KILLS: process.env.RECEIVER_KILLS ?? '100' }
if (spawnSync('node', ['scripts/native-abi.mjs', 'node'], { stdio: 'inherit' }).status !== 0) console.log('could not rebuild native modules for Node')
const result = spawnSync('npx', ['vitest', 'run', 'test/reliability'], { stdio: 'inherit', env })
process.exit(result.status ?? 1)
