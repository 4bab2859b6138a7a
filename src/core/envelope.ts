/**
 * Envelope analysis (Hoffmann et al. 2022, Approach 1; docs/fitting.md): along
 * the compute axis, the lowest loss reached by any run says which (N, D) is
 * compute-optimal there; fitting N_opt = k_N·C^a and D_opt = k_D·C^b through
 * those frontier points gives the allocation laws.
 *
 * Input rows are runs or checkpoints: (N, D = tokens so far, C = compute so
 * far, loss); a model size may appear many times, once per checkpoint. Use it
 * on training curves, or on final losses of runs spread over many (N, D).
 *
 * The simplification: Hoffmann et al. smoothed and interpolated every curve and
 * took, at each of 1,500 log-spaced FLOP values, the run lowest *at that C*. We
 * do not interpolate: C is cut into `buckets` log-spaced bins (default 50) and
 * the lowest-loss row *within* each bin is a frontier point, at its own C.
 * Rows near a bin's upper edge are favoured (more compute, lower loss), which
 * shifts the points along the frontier but about equally in every bin; the
 * frontier is as fine as the sizes and checkpoints sampled. Bins at the ends of
 * the range can pick the smallest or largest model merely because no better
 * size was trained: pass `range` to keep to the well-sampled middle.
 */

import { dataError, optionError } from '../i18n/error-words/fit.js';
import { LIMITS, clip, formatCount } from './limits.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { allocationFit, checkLevel, fitPowerLaw, type AllocationFit } from './loglinear.js';
import type { Runs } from './runs-types.js';

export interface EnvelopeOptions {
  /** Log-spaced bins of C; default 50. */
  buckets?: number;
  /** [lowest, highest] C to bin, in FLOPs; default the runs' smallest and largest C. Rows outside are ignored. */
  range?: readonly [number, number];
  /** Confidence level of the exponent intervals; default 0.95. */
  level?: number;
}

/** Every option `envelope` knows; any other name is an OptionError. */
export const ENVELOPE_OPTION_NAMES = ['buckets', 'range', 'level'] as const satisfies readonly (keyof EnvelopeOptions)[];
type _EnvelopeOptionsListed = NoneMissing<Exclude<keyof EnvelopeOptions, (typeof ENVELOPE_OPTION_NAMES)[number]>>;

export const ENVELOPE_DEFAULTS = Object.freeze({ buckets: 50, level: 0.95 });

/** The lowest-loss row of one bin. */
export interface FrontierPoint {
  C: number;
  N: number;
  D: number;
  loss: number;
  /** 1-based data row of the run or checkpoint. */
  row: number;
  /** Index of the bin (0-based) and its edges [lo, hi) in FLOPs. */
  bucket: number;
  lo: number;
  hi: number;
  /** Rows that fell in the bin. */
  candidates: number;
}

export interface EnvelopeResult {
  /** One point per non-empty bin, ascending C. */
  frontier: FrontierPoint[];
  /** The bin edges, `buckets + 1` log-spaced values from range[0] to range[1]. */
  edges: Float64Array;
  /** N_opt = k·C^a and D_opt = k·C^b, OLS in log space over the frontier (see loglinear.ts). */
  N: AllocationFit<'a'>;
  D: AllocationFit<'b'>;
  options: { buckets: number; range: [number, number]; level: number };
  /** The fitted allocation at compute C. */
  predict(C: number): { N: number; D: number };
}

function resolve(o: EnvelopeOptions, C: Float64Array): EnvelopeResult['options'] {
  if (o === null || typeof o !== 'object') throw optionError('options', 'analysis-options-not-object', {});
  checkOptionNames(o, ENVELOPE_OPTION_NAMES);
  const { buckets = ENVELOPE_DEFAULTS.buckets, level = ENVELOPE_DEFAULTS.level } = o;
  if (!(Number.isInteger(buckets) && buckets >= 1 && buckets <= LIMITS.buckets)) {
    throw optionError('buckets', 'envelope-buckets-bad', { max: formatCount(LIMITS.buckets), got: clip(String(buckets)) });
  }
  checkLevel(level);
  let range: [number, number];
  if (o.range === undefined) {
    range = [Infinity, -Infinity];
    for (const c of C) (range[0] = Math.min(range[0], c), range[1] = Math.max(range[1], c));
  } else {
    const r = o.range;
    const ok = Array.isArray(r) && r.length === 2 && r.every((c) => typeof c === 'number' && Number.isFinite(c) && c > 0) && r[0] < r[1];
    if (!ok) throw optionError('range', 'envelope-range-bad', { got: clip(String(r)) });
    range = [r[0], r[1]];
  }
  return { buckets, range, level };
}

/** Approach-1 analysis of `runs`. Throws OptionError for a bad option, DataError ('too-few-runs') below two frontier points. */
export function envelope(runs: Runs, options: EnvelopeOptions = {}): EnvelopeResult {
  const o = resolve(options, runs.C);
  const [lo, hi] = o.range;
  const lnLo = Math.log(lo), width = Math.log(hi) - lnLo;
  const edges = Float64Array.from({ length: o.buckets + 1 }, (_, j) => (j === 0 ? lo : j === o.buckets ? hi : Math.exp(lnLo + (width * j) / o.buckets)));
  const best = new Int32Array(o.buckets).fill(-1);
  const count = new Int32Array(o.buckets);
  for (let i = 0; i < runs.C.length; i++) {
    const c = runs.C[i];
    if (!(c >= lo && c <= hi)) continue;
    // Bin by the edges themselves so a C on an edge goes to the bin it opens; hi joins the last bin.
    let j = width > 0 ? Math.min(o.buckets - 1, Math.floor(((Math.log(c) - lnLo) / width) * o.buckets)) : 0;
    while (j > 0 && c < edges[j]) j--;
    while (j < o.buckets - 1 && c >= edges[j + 1]) j++;
    count[j]++;
    if (best[j] < 0 || runs.loss[i] < runs.loss[best[j]]) best[j] = i;
  }
  const frontier: FrontierPoint[] = [];
  best.forEach((i, j) => {
    if (i < 0) return;
    frontier.push({ C: runs.C[i], N: runs.N[i], D: runs.D[i], loss: runs.loss[i], row: runs.rows[i], bucket: j, lo: edges[j], hi: edges[j + 1], candidates: count[j] });
  });
  if (new Set(frontier.map((p) => p.C)).size < 2) {
    throw dataError('too-few-runs', 'envelope-too-few-points', { points: frontier.length, rows: runs.C.length, buckets: o.buckets, lo: lo.toPrecision(3), hi: hi.toPrecision(3) });
  }
  const C = frontier.map((p) => p.C);
  const N = allocationFit('a', fitPowerLaw(C, frontier.map((p) => p.N), { level: o.level }));
  const D = allocationFit('b', fitPowerLaw(C, frontier.map((p) => p.D), { level: o.level }));
  return { frontier, edges, N, D, options: o, predict: (c: number) => ({ N: N.k * c ** N.a, D: D.k * c ** D.b }) };
}
