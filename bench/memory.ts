/**
 * Bench (j): the CLI's peak memory and time fitting a 1,000,000-row CSV (the
 * default row limit, src/core/limits.ts). The CSV is generated into a temporary
 * folder; a child Node process runs the command's own code path (`runCli`, as
 * src/cli/main.ts does, workers and all) on it and reports
 * `process.resourceUsage().maxRSS`, the peak resident set of the whole
 * process, worker threads included, once before the call (Node and the code
 * loaded) and once after it, with the call's wall time.
 *
 *   node --import tsx bench/memory.ts            prints the line on its own
 *   node --import tsx bench/memory.ts --child F  the child: fits F, prints JSON
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MemoryRow {
  rows: number;
  /** Size of the CSV file in bytes. */
  bytes: number;
  /** Peak resident set of the child, bytes: after loading the code, and after the fit. */
  baselineRss: number;
  peakRss: number;
  /** Wall time of the command (read, fit, format), ms. */
  ms: number;
}

/** A CSV of `rows` runs on a Chinchilla law with a little structured scatter (no randomness: the same file every time). */
function writeCsv(path: string, rows: number): void {
  const lines = new Array<string>(rows + 1);
  lines[0] = 'N,D,loss';
  for (let i = 0; i < rows; i++) {
    const N = 1e7 * (1 + (i % 997)), D = 1e9 * (1 + (i % 991));
    const loss = 1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28 + 0.002 * (((i * 7919) % 101) / 101 - 0.5);
    lines[i + 1] = `${N},${D},${loss.toPrecision(7)}`;
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function child(file: string): Promise<void> {
  const { runCli } = await import('../src/cli/run.js');
  const baselineRss = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const r = await runCli(['fit', file]);
  const ms = performance.now() - t0;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ status: r.status, stderr: r.stderr.split('\n')[0], baselineRss, peakRss, ms })}\n`);
  // Idle pool workers do not hold the process open, but say so plainly.
  process.exit(0);
}

export function measureCliMemory(rows = 1_000_000): MemoryRow {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-kit-memory-'));
  try {
    const file = join(dir, 'runs.csv');
    writeCsv(file, rows);
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', self, '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    let out: { status: number; stderr: string; baselineRss: number; peakRss: number; ms: number };
    try {
      out = JSON.parse(line);
    } catch {
      throw new Error(`bench (j): the child printed no result (exit ${r.status}, signal ${r.signal}): ${r.stderr.slice(0, 300)}`);
    }
    if (out.status !== 0) throw new Error(`bench (j): the fit failed (exit ${out.status}): ${out.stderr}`);
    return { rows, bytes: statSync(file).size, baselineRss: out.baselineRss, peakRss: out.peakRss, ms: out.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's line: "(j) CLI fit of a 1,000,000-row CSV (25.4 MB): peak RSS 412 MB (Node and code: 80 MB), 3.1 s". */
export function formatMemory(m: MemoryRow): string {
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
  return `(j) CLI fit of a ${m.rows.toLocaleString('en')}-row CSV (${(m.bytes / 1e6).toFixed(1)} MB): peak RSS ${mb(m.peakRss)} ` +
    `(Node and the code loaded: ${mb(m.baselineRss)}), ${(m.ms / 1000).toFixed(1)} s`;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1]);
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(formatMemory(measureCliMemory(Number(argv[0] ?? 1_000_000))));
