/**
 * Whether a bootstrap's refits stayed in the estimate's basin of the objective
 * (the rule of the `bootstrap-basins` diagnostic), for ./bootstrap-fit.ts.
 */

import { boundAt } from './fit-checks.js';
import type { ResolvedFitOptions } from './fit-options.js';
import type { Runner } from '../engine/runner.js';
import type { FitData, SolverSettings } from '../engine/types.js';
import type { RefitScaling } from './refit-scaling.js';

/**
 * The basin rule of `bootstrap-basins`. Every refit starts from the estimate
 * θ̂ and descends the objective of its own resample, so where it ends does not
 * say by itself whether it sits in θ̂'s basin of the objective of all runs, F.
 * The check: from the refit's θ, descend F itself (same objective, weights,
 * bounds and solver rules as the refits). The refit lies in θ̂'s basin when
 * that descent comes back to θ̂'s objective, |F(θ*) − F(θ̂)| ≤ 1e-4·|F(θ̂)|
 * (plus 1e-15 per run, for data fitted exactly), and in another basin when it
 * ends measurably above (a worse local minimum) or below (a better one the fit
 * did not find). Objectives, not θ, are compared: in a flat valley (N and D
 * collinear) descents stop at different θ of the same F, which is the
 * interval's width (`bootstrap-wide`), not a second basin. Rejected: the share
 * of refits far from the median θ in robust SDs, which cannot see two basins of
 * similar weight (the median and MAD straddle both) and fires on the long
 * tails of flat valleys. Cost: one local descent from near an optimum per
 * checked refit, at most BASIN_CHECKS of them spread evenly over the usable
 * refits (a few per cent of a 4,000-resample bootstrap; the share is then
 * known to about ±3%). The descents need the refits' rules: the exact fit's
 * looser per-start rules (gtol 1e-9, ftol 1e-8) stop short of the optimum,
 * and then called 17–27% of the demo runs' refits "another basin" (Chinchilla,
 * Kaplan, power forms) where these rules find none.
 */
export const BASIN_CHECKS = 200;
const BASIN_TOLERANCE = 1e-4;
const BASIN_FLOOR_PER_RUN = 1e-15;

export async function basinCheck(
  runner: Runner, data: FitData, opts: ResolvedFitOptions, solver: SolverSettings, estimate: Float64Array,
  theta: readonly (Float64Array | undefined)[], used: readonly boolean[], signal: AbortSignal | undefined,
  scaling?: RefitScaling,
): Promise<{ checked: number; different: number } | undefined> {
  const { spec } = opts;
  // The asymmetric loss is piecewise linear: descents stop at kinks at scattered objectives, so the test says nothing.
  if (spec.loss === 'asymmetric') return undefined;
  const P = estimate.length;
  const onBound = (t: ArrayLike<number>, i: number) => boundAt(opts, t, i) !== undefined;
  // Bounds the estimate does not sit on: a descent that ends on one of them may have stalled there.
  const free = opts.names.map((_, i) => !onBound(estimate, i));
  const stalled = (t: ArrayLike<number>) => free.some((f, i) => f && onBound(t, i));
  const usable = used.flatMap((u, k) => (u && theta[k] && !stalled(theta[k]!) ? [k] : []));
  const m = Math.min(BASIN_CHECKS, usable.length);
  const chosen = Array.from({ length: m }, (_, j) => usable[Math.floor((j * usable.length) / m)]);
  const f0 = runner.here.objective(spec, estimate, new Float64Array(P));
  if (!Number.isFinite(f0) || m === 0) return { checked: 0, different: 0 };
  const tolerance = BASIN_TOLERANCE * Math.abs(f0) + BASIN_FLOOR_PER_RUN * data.count;
  const starts = new Float64Array(m * P);
  chosen.forEach((k, j) => starts.set(scaling ? scaling.toZ(theta[k]!) : theta[k]!, j * P));
  // Over the workers where the page allows: each descent is independent (bit-identical either way). In the
  // refits' scaled variables, made at this very objective's optimum, a descent takes about a quarter of the evaluations.
  const batch = await runner.starts(spec, starts, solver, scaling?.affine);
  signal?.throwIfAborted();
  let checked = 0, different = 0;
  for (let j = 0; j < m; j++) {
    const f = batch.f[j];
    if (!Number.isFinite(f) || stalled(batch.theta.subarray(j * P, j * P + P))) continue;
    checked++;
    if (Math.abs(f - f0) > tolerance) different++;
  }
  return { checked, different };
}
