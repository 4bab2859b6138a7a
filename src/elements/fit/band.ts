/**
 * The bootstrap band of <scaling-fit>: at each x, the central `level`
 * percentiles over the bootstrap replicates of the predicted compute-optimal
 * loss L*(C) (optimalAllocation of each replicate's law). Along N or D the
 * replicate's frontier is walked over C and read off at x by interpolation
 * in log–log space. 4,000 replicates × 64 points cost ~200 ms, so the work is
 * done in slices of ~12 ms that yield to the page and stop on `signal`.
 */

import type { ParamKey } from '../../core/bootstrap.js';
import type { LossVariable } from '../../core/forms-eval.js';
import { optimalAllocation } from '../../core/planning.js';
import { nextTask } from '../../next-task.js';
import { percentileOfSorted, sortedWithoutNaN } from '../../stats/intervals.js';
import type { Interval } from '../../chart/marks/band.js';

export const BAND_DEFAULTS = { sliceMs: 12, walk: 96 };

/** n values evenly spaced in log space over [lo, hi]. */
export function logGrid([lo, hi]: readonly [number, number], n: number): number[] {
  const a = Math.log(lo), b = Math.log(hi);
  return Array.from({ length: n }, (_, i) => Math.exp(a + ((b - a) * i) / (n - 1)));
}

/** y at x by linear interpolation in (ln x, ln y) over increasing xs; NaN outside. */
function interpolate(xs: Float64Array, ys: Float64Array, x: number): number {
  if (!(x >= xs[0] && x <= xs[xs.length - 1])) return NaN;
  let k = 1;
  while (k < xs.length - 1 && xs[k] < x) k++;
  const t = (Math.log(x) - Math.log(xs[k - 1])) / (Math.log(xs[k]) - Math.log(xs[k - 1]) || 1);
  return Math.exp(Math.log(ys[k - 1]) + t * (Math.log(ys[k]) - Math.log(ys[k - 1])));
}


export interface BandOptions {
  /** Where the band is wanted, along x. */
  grid: readonly number[];
  /** For x = N or D: the compute range to walk each replicate's frontier over. */
  cRange: readonly [number, number];
  level: number;
  signal?: AbortSignal;
}

/** The band over the replicates in `samples` (NaN replicates skipped); `ms` is the wall time. */
export async function frontierBand(samples: Record<ParamKey, Float64Array>, x: LossVariable, o: BandOptions): Promise<{ band: Interval[]; ms: number }> {
  const t0 = performance.now();
  const count = samples.A.length, k = o.grid.length;
  const values = new Float64Array(count * k).fill(NaN);
  const walk = x === 'C' ? Float64Array.from(o.grid) : Float64Array.from(logGrid(o.cRange, BAND_DEFAULTS.walk));
  const along = new Float64Array(walk.length), loss = new Float64Array(walk.length);
  let slice = performance.now();
  for (let s = 0; s < count; s++) {
    if (performance.now() - slice > BAND_DEFAULTS.sliceMs) {
      await nextTask();
      o.signal?.throwIfAborted();
      slice = performance.now();
    }
    const params = { A: samples.A[s], B: samples.B[s], E: samples.E[s], alpha: samples.alpha[s], beta: samples.beta[s] };
    if (!Object.values(params).every(Number.isFinite)) continue;
    try {
      for (let j = 0; j < walk.length; j++) {
        const a = optimalAllocation({ form: 'chinchilla', params }, walk[j]);
        along[j] = a[x];
        loss[j] = a.loss;
      }
    } catch {
      continue;
    }
    for (let i = 0; i < k; i++) values[s * k + i] = x === 'C' ? loss[i] : interpolate(along, loss, o.grid[i]);
  }
  o.signal?.throwIfAborted();
  const column = new Float64Array(count);
  const band = o.grid.map((gx, i) => {
    for (let s = 0; s < count; s++) column[s] = values[s * k + i];
    const sorted = sortedWithoutNaN(column);
    return { x: gx, lo: percentileOfSorted(sorted, 50 - 50 * o.level), hi: percentileOfSorted(sorted, 50 + 50 * o.level) };
  });
  return { band, ms: performance.now() - t0 };
}
