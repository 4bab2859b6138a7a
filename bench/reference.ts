/**
 * Bench (b)'s plain C reference (./reference/chinchilla-grid.c): the same
 * runs and the same starts as the kit's exact fit, solved on one core by a
 * C99 L-BFGS with scipy's default per-start stopping, then the best start
 * polished to floating-point convergence. Compiled here, in a temporary
 * folder, with gcc; skipped (with the reason) when gcc is missing.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRuns } from '../src/core/runs.js';
import { fitDataFromRuns } from '../src/core/fit.js';
import { defaultGrid, reduceStarts } from '../src/core/forms.js';
import { negativeExponentStarts } from '../src/core/varpro.js';
import { NEGATIVE_EXPONENT_STARTS } from '../src/core/fit-search.js';
import { defaultSpec, type FitData, type ObjectiveSpec } from '../src/engine/types.js';

export const REFERENCE_SOURCE = fileURLToPath(new URL('./reference/chinchilla-grid.c', import.meta.url));
/** -O2: -O3 measured no faster (the C file's header gives the numbers). */
export const REFERENCE_FLAGS = ['-O2', '-march=native'];

export interface ReferenceRow { flags: string; ms: number; objective: number; evaluations: number; starts: number; theta: number[] }
export interface Skipped { skipped: string }

/** The 240 Chinchilla runs as the bench fits them (5 highest losses dropped). */
export function benchData(csv: string): FitData {
  return fitDataFromRuns(readRuns(csv, { dropHighest: 5 }));
}

/**
 * The exact strategy's starts, as src/core/fit.ts's prepare() builds them for
 * Chinchilla with the Huber loss: Hoffmann's grid, then the negative-exponent family.
 */
export function exactStarts(data: FitData, spec: ObjectiveSpec = defaultSpec()): Float64Array {
  const negative = reduceStarts(spec, Float64Array.from(negativeExponentStarts(data, NEGATIVE_EXPONENT_STARTS).flat()));
  return Float64Array.from([...defaultGrid(spec, data), ...negative]);
}

/** The C program's input: header (runs, starts, δ), rows (ln N, ln D, ln L, weight), then θ rows; float64. */
export function referenceInput(data: FitData, starts: Float64Array, delta = defaultSpec().delta): Uint8Array {
  const R = data.count, S = starts.length / 5;
  const out = new Float64Array(3 + 4 * R + starts.length);
  out.set([R, S, delta]);
  for (let i = 0; i < R; i++) out.set([data.lnN[i], data.lnD[i], data.lnL[i], data.weight[i]], 3 + 4 * i);
  out.set(starts, 3 + 4 * R);
  return new Uint8Array(out.buffer);
}

/** Compiles the C reference into `dir`: its path, or why it could not be built. */
export function compileReference(dir: string, flags = REFERENCE_FLAGS): string | Skipped {
  const binary = join(dir, 'chinchilla-grid');
  const r = spawnSync('gcc', [...flags, '-o', binary, REFERENCE_SOURCE, '-lm'], { encoding: 'utf8' });
  if (r.error) return { skipped: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gcc not found on PATH' : r.error.message };
  if (r.status !== 0) return { skipped: `gcc failed: ${r.stderr.trim().split('\n')[0]}` };
  return binary;
}

/** Runs the compiled program on `file` (with `args`, e.g. --eval θ) and parses its one JSON line. */
export function runReference(binary: string, file: string, args: string[] = []): Record<string, any> {
  const r = spawnSync(binary, [file, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${binary} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Compiles and runs the reference on the exact fit's starts: the best of `repeats` runs, or why it was skipped. */
export function measureReference(csv: string, repeats = 3): ReferenceRow | Skipped {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-kit-reference-'));
  try {
    const binary = compileReference(dir);
    if (typeof binary !== 'string') return binary;
    const data = benchData(csv);
    const file = join(dir, 'input.f64');
    writeFileSync(file, referenceInput(data, exactStarts(data)));
    let best: ReferenceRow | undefined;
    for (let k = 0; k < repeats; k++) {
      const r = runReference(binary, file);
      if (!best || r.ms < best.ms) best = { flags: REFERENCE_FLAGS.join(' '), ms: r.ms, objective: r.objective, evaluations: r.evaluations, starts: r.starts, theta: r.theta };
    }
    return best!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
