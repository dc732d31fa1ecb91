/** Shared by the bench sections: timing, percentiles, and how results are printed and saved. */
export interface Stats {
  p50: number
  p95: number
  median: number
  runs: number
}

export function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]
  return { p50: at(0.5), p95: at(0.95), median: at(0.5), runs: sorted.length }
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

export function timeSync(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

export const quick = process.env.BENCH_QUICK === '1'
export const ms = (n: number): string => n.toFixed(2)
export const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : '—')

/** A fixed-width table: first column left-aligned, the rest right-aligned. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))]
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  console.log(`\n${title}`)
  for (const [n, row] of cells.entries()) {
    console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}
