/**
 * What a bootstrap says about how far its intervals can be trusted, as coded
 * diagnostics (src/core/diagnostic-codes.ts; the words are in src/i18n). All
 * are warnings: the intervals are there, but they may be cut off, mixed or
 * hardly informative.
 *
 * - `bootstrap-failed`: any replicate failed (its refit did not converge, or
 *   gave parameters the law cannot use); failed replicates are left out of the
 *   intervals, which then describe only the resamples that could be fitted.
 * - `bootstrap-at-bound`: a raw parameter θᵢ ended on a `lower`/`upper` bound
 *   in at least 5% of the refits: its interval is cut off at the bound.
 * - `bootstrap-wide`: a positive scale parameter (e^θ: A, B, E, xc, Nc, …)
 *   whose interval spans more than one order of magnitude (hi/lo > 10), or an
 *   exponent (θ itself: α, β, η, c₀, …) whose interval is wider than the
 *   exponent itself (hi − lo > |estimate|): the data hardly determine it.
 * - `bootstrap-basins`: at least 5% of the checked refits lie in another basin
 *   of the fitted objective than the estimate (the test is made by the caller;
 *   see `basinCheck` in src/core/bootstrap-basins.ts).
 */

import { diagnostic, type Diagnostic } from './diagnostic-codes.js';
import { BOUND_TOLERANCE } from './fit-checks.js';
import type { Interval } from './bootstrap.js';
import type { ParamSource } from './bootstrap-law.js';

export const BOOTSTRAP_CHECKS = Object.freeze({
  /** Share of refits on a bound from which a parameter's interval counts as cut off. */
  boundShare: 0.05,
  /** hi/lo of a scale parameter's interval above which it counts as wide (one order of magnitude). */
  scaleRatio: 10,
  /** Share of checked refits in another basin from which the intervals count as mixed. */
  basinShare: 0.05,
});

export interface BootstrapFacts {
  resamples: number;
  failed: number;
  /** Raw parameter names, in θ order. */
  names: readonly string[];
  /** θ of each replicate as its refit returned it (failed ones included); rows of `names.length`. */
  theta: readonly (ArrayLike<number> | undefined)[];
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  /** The intervals of the published parameters, and what each is made of (`paramSources`). */
  params: Record<string, Interval>;
  sources: Record<string, ParamSource | undefined>;
  /** Refits whose basin was checked, and how many lay in another basin than the estimate. */
  basins?: { checked: number; different: number };
}

const near = (x: number, bound: number) => Math.abs(x - bound) <= BOUND_TOLERANCE * Math.max(1, Math.abs(bound));

/** Share of refits whose θᵢ sits on (or beyond, by rounding) one of its finite bounds. */
function boundShare(f: BootstrapFacts, i: number): number {
  const lo = f.lower?.[i] ?? -Infinity, hi = f.upper?.[i] ?? Infinity;
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) return 0;
  let count = 0;
  for (const t of f.theta) {
    const x = t?.[i];
    if (x === undefined || Number.isNaN(x)) continue;
    if ((Number.isFinite(lo) && (x <= lo || near(x, lo))) || (Number.isFinite(hi) && (x >= hi || near(x, hi)))) count++;
  }
  return count / f.resamples;
}

/** Orders of magnitude an interval spans: log10 of its ends' ratio; ∞ when it reaches or crosses zero. */
function orders(lo: number, hi: number): number {
  if (!(lo * hi > 0)) return Infinity;
  const a = Math.abs(lo), b = Math.abs(hi);
  return Math.log10(Math.max(a, b) / Math.min(a, b));
}

/** The bootstrap's diagnostics from what it measured; empty when nothing is wrong. */
export function bootstrapDiagnostics(f: BootstrapFacts): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (f.failed > 0) out.push(diagnostic('bootstrap-failed', 'warning', { failed: f.failed, resamples: f.resamples }));
  f.names.forEach((parameter, i) => {
    const share = boundShare(f, i);
    if (share >= BOOTSTRAP_CHECKS.boundShare) out.push(diagnostic('bootstrap-at-bound', 'warning', { parameter, share }));
  });
  for (const [key, interval] of Object.entries(f.params)) {
    const source = f.sources[key];
    const { lo, hi } = interval;
    if (!source || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const reference = Math.abs(interval.estimate ?? interval.median);
    const wide = source.scale ? lo > 0 && hi / lo > BOOTSTRAP_CHECKS.scaleRatio : hi - lo > reference;
    if (wide) out.push(diagnostic('bootstrap-wide', 'warning', { parameter: source.theta, lo, hi, orders: orders(lo, hi) }));
  }
  const basins = f.basins;
  if (basins && basins.checked > 0 && basins.different / basins.checked >= BOOTSTRAP_CHECKS.basinShare) {
    out.push(diagnostic('bootstrap-basins', 'warning', { share: basins.different / basins.checked }));
  }
  return out;
}
