/**
 * The fast strategy's check for a lower basin (docs/diagnostics.md): a spread
 * of starts over the form's whole grid, run after the strategy's own; when one
 * ends lower (both polished), the rest of the grid is run, as "exact" would.
 */

import { concatBatches } from '../engine/batch.js';
import type { BatchResult } from '../engine/types.js';

/** Check starts of the fast strategy: this many rows spread evenly over the form's default grid. */
export const CHECK_STARTS = 16;
/** Chinchilla: check starts from the negative-exponent family (variable projection over signed exponents, src/core/varpro.ts). */
export const NEGATIVE_EXPONENT_STARTS = 2;
/** A check start counts as a lower basin when it beats the fast answer by more than this (relative). */
const LOWER_BASIN = 1e-6;
/** Starts within this (relative) of the optimum count as having reached it, for certification. */
export const REACHED = 1e-6;

/** Up to `count` rows spread evenly over `grid`, leaving out rows already in `taken` (a start run twice is no evidence). */
export function spreadRows(grid: Float64Array, P: number, count: number, taken: Float64Array): Float64Array | null {
  const seen = new Set<string>();
  for (let k = 0; k < taken.length; k += P) seen.add(taken.subarray(k, k + P).join());
  const rows = grid.length / P;
  const fresh = (r: number) => !seen.has(grid.subarray(r * P, r * P + P).join());
  // A small grid is cheaper to run whole than to argue about; else `count` rows at even steps, each moved on past taken ones.
  let pick: number[];
  if (rows <= 4 * count) pick = Array.from({ length: rows }, (_, r) => r).filter(fresh);
  else {
    pick = [];
    for (let j = 0; j < count; j++) {
      let r = Math.floor(((j + 0.5) * rows) / count);
      while (r < rows && !fresh(r)) r++;
      if (r < rows && pick[pick.length - 1] !== r) pick.push(r);
    }
  }
  if (pick.length === 0) return null;
  return Float64Array.from(pick.flatMap((r) => Array.from(grid.subarray(r * P, r * P + P))));
}

/** Check starts, polished, must agree with the polished answer to this (relative) for certification. */
export const AGREED = 1e-9;

/** What the search beyond the strategy's own starts did: a lower basin found by the check starts, and the escalation to the full grid. */
export interface Search {
  escalated?: { from: number; to: number; starts: number };
  /** Check starts that found nothing lower: they count as evidence, but the polish starts from the strategy's own best, as before. */
  checked?: BatchResult;
  /**
   * The best check start, polished like the answer (when it reached the strategy's best to REACHED):
   * the answer must agree with it to AGREED to be certified, and the lower of the two is kept.
   */
  checkPolished?: { theta: Float64Array; f: number };
}

/** What the search needs of a prepared fit. */
export interface SearchInput {
  /** The strategy's own starts and the check starts (null: no check, e.g. strategy "exact"). */
  starts: Float64Array;
  check: Float64Array | null;
  /** Runs, for the floor of "lower" on fits that are already exact. */
  runs: number;
  /** θ polished to the limit of floating point, and its objective. */
  polish(theta: Float64Array): { theta: Float64Array; f: number };
  /** The form's whole grid. */
  grid(): Float64Array;
}

export const bestOf = (b: BatchResult) => b.f.reduce((m, f) => (f < m ? f : m), Infinity);

/**
 * The fast strategy's check: run a spread of grid starts; if one ends in a
 * basin lower than the fast answer, run the whole grid, as "exact" would, and
 * say so. Returns every start's row, for certification.
 */
export function searchFurther(p: SearchInput, batch: BatchResult, run: (starts: Float64Array) => BatchResult): [BatchResult, Search];
export function searchFurther(p: SearchInput, batch: BatchResult, run: (starts: Float64Array) => Promise<BatchResult>): Promise<[BatchResult, Search]>;
export function searchFurther(p: SearchInput, batch: BatchResult, run: (starts: Float64Array) => BatchResult | Promise<BatchResult>): [BatchResult, Search] | Promise<[BatchResult, Search]> {
  if (!p.check) return [batch, {}];
  const P = batch.params, from = bestOf(batch);
  const afterCheck = (check: BatchResult): [BatchResult, Search] | Promise<[BatchResult, Search]> => {
    const both = concatBatches([batch, check], P);
    // Starts stop early (ftol 1e-8) in flat valleys, so compare the two bests polished, not as they stopped;
    // lower by more than rounding: relative, with a floor for fits that are already exact (objective ~ 0).
    const polished = (b: BatchResult) => {
      const k = b.f.indexOf(bestOf(b));
      if (k < 0) return { theta: new Float64Array(P), f: Infinity };
      const start = b.theta.slice(k * P, k * P + P), end = p.polish(start);
      return end.f <= b.f[k] ? end : { theta: start, f: b.f[k] };
    };
    // The best check start is polished whenever it reached the strategy's best: certification compares the two polished.
    const checkBest = bestOf(check);
    if (!(checkBest <= from + REACHED * Math.max(Math.abs(from), 1e-300))) return [batch, { checked: check }];
    const other = polished(check);
    if (!(checkBest < from)) return [batch, { checked: check, checkPolished: other }];
    const main = polished(batch).f;
    if (!(other.f < main - Math.max(LOWER_BASIN * Math.abs(main), 1e-14 * p.runs))) return [batch, { checked: check, checkPolished: other }];
    // The rest of the grid: rows already run are not run again (nor counted twice as evidence).
    const rest = spreadRows(p.grid(), P, Infinity, both.theta.length ? Float64Array.from([...p.starts, ...p.check!]) : p.starts);
    const done = (full: BatchResult | null): [BatchResult, Search] => {
      const all = full ? concatBatches([both, full], P) : both;
      return [all, { escalated: { from, to: bestOf(all), starts: all.f.length } }];
    };
    if (!rest) return done(null);
    const full = run(rest);
    return full instanceof Promise ? full.then(done) : done(full);
  };
  const check = run(p.check);
  return check instanceof Promise ? check.then(afterCheck) : afterCheck(check);
}
