// A throwaway CUPS for the printing tests: Debian's own cupsd (installed by scripts/setup.sh) in a temp
// folder with its own config, spool and port, and a label printer whose backend writes every job's
// document to a folder as job-<id>.pdf (a raw queue: the PDF arrives as Fraktdesk sent it). Nothing
// outside the temp folder changes; stop() ends the daemon and removes the folder.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { freePort } from './free-port'
import { tmpdir } from 'node:os'
import path from 'node:path'

const CUPS_LIB = '/usr/lib/cups'

export interface CupsServer {
  /** host:port, for CUPS_SERVER. */
  server: string
  /** The environment lp/lpstat and Fraktdesk's printer use to reach it. */
  env: NodeJS.ProcessEnv
  /** Adds a printer that writes its jobs to `outDir(name)`. */
  addPrinter(name: string, opts?: { makeDefault?: boolean }): string
  outDir(name: string): string
  /** The PDFs a printer received, in job order. */
  jobs(name: string): string[]
  /** cupsdisable / cupsenable / lpadmin -x, as an administrator would. */
  admin(command: 'cupsdisable' | 'cupsenable' | 'lpadmin', args: string[]): void
  stop(): Promise<void>
}

/** Why CUPS cannot be started here, or null. */
export function cupsUnavailable(): string | null {
  if (process.platform !== 'linux') return 'the CUPS tests start Debian’s cupsd, on Linux only'
  for (const bin of ['/usr/sbin/cupsd', '/usr/sbin/lpadmin', '/usr/bin/lp', '/usr/bin/lpstat', '/usr/sbin/cupsdisable']) {
    if (!existsSync(bin)) return `${bin} is missing (apt-get install cups-daemon cups-client)`
  }
  if (process.getuid?.() !== 0) return 'cupsd runs its test backend as root here; run the tests as root (as CI does)'
  return null
}


// Writes the job's document (a file argument, or standard input) to the folder in the device URI.
const BACKEND = `#!/bin/sh
if [ $# -eq 0 ]; then echo 'file fraktdesk-out "Fraktdesk test output" "Fraktdesk test output"'; exit 0; fi
dir="\${DEVICE_URI#fraktdesk-out:}"
if [ -n "$6" ]; then cat "$6" > "$dir/job-$1.pdf.part"; else cat > "$dir/job-$1.pdf.part"; fi
mv "$dir/job-$1.pdf.part" "$dir/job-$1.pdf"
`

export async function startCups(): Promise<CupsServer> {
  const reason = cupsUnavailable()
  if (reason) throw new Error(`CUPS cannot run here: ${reason}`)
  const root = mkdtempSync(path.join(tmpdir(), 'fraktdesk-cups-'))
  for (const dir of ['spool/tmp', 'cache', 'state', 'logs', 'bin/backend', 'out']) mkdirSync(path.join(root, dir), { recursive: true })
  // cupsd finds filters and backends in ServerBin: the system's, plus the test backend.
  for (const entry of readdirSync(CUPS_LIB)) if (entry !== 'backend') symlinkSync(path.join(CUPS_LIB, entry), path.join(root, 'bin', entry))
  for (const entry of readdirSync(path.join(CUPS_LIB, 'backend'))) symlinkSync(path.join(CUPS_LIB, 'backend', entry), path.join(root, 'bin/backend', entry))
  writeFileSync(path.join(root, 'bin/backend/fraktdesk-out'), BACKEND)
  chmodSync(path.join(root, 'bin/backend/fraktdesk-out'), 0o700) // no group/other rights: cupsd runs it as root
  const port = await freePort()
  writeFileSync(
    path.join(root, 'cupsd.conf'),
    [`Listen 127.0.0.1:${port}`, 'DefaultAuthType None', 'WebInterface No', 'LogLevel warn', 'MaxJobs 0', 'PreserveJobHistory Yes', '<Location />', '  Order allow,deny', '  Allow all', '</Location>', '<Policy default>', '  <Limit All>', '    Order deny,allow', '  </Limit>', '</Policy>', ''].join('\n')
  )
  writeFileSync(
    path.join(root, 'cups-files.conf'),
    [`ServerRoot ${root}`, `RequestRoot ${root}/spool`, `TempDir ${root}/spool/tmp`, `CacheDir ${root}/cache`, `StateDir ${root}/state`, `ErrorLog ${root}/logs/error_log`, `AccessLog ${root}/logs/access_log`, `PageLog ${root}/logs/page_log`, `ServerBin ${root}/bin`, 'Sandboxing Relaxed', ''].join('\n')
  )
  const daemon: ChildProcess = spawn('/usr/sbin/cupsd', ['-f', '-c', path.join(root, 'cupsd.conf'), '-s', path.join(root, 'cups-files.conf')], { stdio: 'ignore' })
  const server = `127.0.0.1:${port}`
  const env = { ...process.env, CUPS_SERVER: server, LANG: 'C' }
  const deadline = Date.now() + 15_000
  // `lpstat -r` answers "scheduler is not running" with exit 0: read what it says.
  for (;;) {
    const said = (() => {
      try {
        return execFileSync('/usr/bin/lpstat', ['-r'], { env, stdio: 'pipe' }).toString()
      } catch {
        return ''
      }
    })()
    if (/scheduler is running/.test(said)) break
    if (daemon.exitCode !== null || Date.now() > deadline) throw new Error(`cupsd did not start (exit ${daemon.exitCode}): ${said.trim()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  // An administration command on a busy machine can still meet a daemon that is not listening yet: try again briefly.
  const admin = (bin: string, args: string[]): void => {
    for (let attempt = 1; ; attempt++) {
      try {
        execFileSync(bin, args, { env, stdio: 'pipe' })
        return
      } catch (err) {
        if (attempt >= 20 || !/Unable to connect/.test(String((err as { stderr?: Buffer }).stderr ?? ''))) throw err
        execFileSync('sleep', ['0.1'])
      }
    }
  }
  const outDir = (name: string) => path.join(root, 'out', name)
  return {
    server,
    env,
    outDir,
    addPrinter(name, opts = {}) {
      mkdirSync(outDir(name), { recursive: true })
      chmodSync(outDir(name), 0o777)
      admin('/usr/sbin/lpadmin', ['-p', name, '-E', '-v', `fraktdesk-out:${outDir(name)}`])
      if (opts.makeDefault) admin('/usr/sbin/lpadmin', ['-d', name])
      return outDir(name)
    },
    jobs(name) {
      if (!existsSync(outDir(name))) return []
      return readdirSync(outDir(name))
        .filter((f) => /^job-\d+\.pdf$/.test(f))
        .sort((a, b) => Number(a.slice(4, -4)) - Number(b.slice(4, -4)))
        .map((f) => path.join(outDir(name), f))
    },
    admin(command, args) {
      admin(`/usr/sbin/${command}`, args)
    },
    async stop() {
      daemon.kill('SIGTERM')
      await new Promise((r) => (daemon.exitCode !== null ? r(null) : daemon.once('exit', r)))
      rmSync(root, { recursive: true, force: true })
    }
  }
}
