/**
 * The isoFLOP optimum of Porian et al. (2024, "Resolving Discrepancies in
 * Compute-Optimal Scaling of Language Models", arXiv 2406.19146; their
 * `analysis.py`): an Akima spline instead of a parabola, and a bootstrap over
 * seed noise for each optimum's uncertainty. `isoflop(runs, { approach: 'akima' })`
 * (./isoflop.ts) runs it; docs/fitting.md says when it differs from the parabola.
 *
 * Per budget, with one point per model size (the lowest loss where several
 * runs share a size):
 * 1. The Akima spline (./akima.ts) of ln L through (ln N, ln L), evaluated on
 *    a geometric grid of (sizes − 1)·25 points from the smallest to the largest
 *    N (numpy's `geomspace`); N* is the grid point of least loss. A budget
 *    whose minimiser is the first or last grid point is rejected: the optimum
 *    may lie beyond the sizes trained.
 * 2. `replicas` times, add Gaussian noise of standard deviation `seedNoise` to
 *    each loss and repeat step 1. A replica is valid when its minimiser is
 *    inside the grid (and, a choice made here, no noisy loss is ≤ 0: Porian's
 *    code would take the log of a negative loss). With fewer than
 *    ⌊replicas/2⌋ valid (at least 1) the budget is rejected ('unstable').
 *    The optimum reported is the median over valid replicas of N* (and of the
 *    spline's minimum loss), as Porian's code reports it (`bs_median_as_obs`).
 * 3. The spread of ln N*: the population standard deviation over valid
 *    replicas, floored at 0.33 × 25 grid steps (Porian's min_std_factor times
 *    the grid multiplier; 25 steps are slightly more than the average ln-spacing
 *    of the trained sizes, ln(Nmax/Nmin)/(sizes − 1)), then multiplied by
 *    replicas/valid.
 * Over budgets, ln N* = a·ln C + ln k by weighted least squares (weights
 * 1/spread²) through the medians; the interval on a is the percentile interval
 * of the same weighted fit through replica r of every budget (the r-th valid
 * one), r below the fewest valid replicas of any accepted budget (Porian's code
 * stops at the fewest of either of its two splines, below; in 5 of their 15
 * stored fits that moves an interval end by up to 6·10⁻⁴). D* = C/(6N*)
 * throughout, so b = 1 − a. Porian's code finds D* from a second spline of
 * loss against tokens with its own noise; with D = C/(6N) in the data the two
 * agree but for the noise (their stored b differs from 1 − a by < 0.0015).
 *
 * Seed noise: Porian's configuration lets the noise grow with the loss (0.002
 * to 0.05 on RefinedWeb, 0.01 to 0.1 on OpenWebText2, between losses 3 and 7
 * or 6), but their code compares ln(loss) with those raw thresholds, so the
 * noise is the low value at every loss below e³ ≈ 20: in effect a constant
 * 0.002 (RefinedWeb) or 0.01 (OpenWebText2). Hence one constant here.
 *
 * The noise is numpy's: with seed s, budget after budget (ascending C), each
 * draws replicas × sizes normals, replica by replica, sizes ascending, from one
 * stream equal to `np.random.seed(s); np.random.normal(0, 1, (replicas, sizes))`
 * (src/stats/normal.ts). Porian's code draws a second block per budget for the
 * token spline, so the streams agree on the first budget only; the tests
 * replay theirs with the functions below.
 */

import { akimaSpline } from './akima.js';
import { normalStream, type NormalStream } from '../stats/normal.js';
import { percentileOfSorted, standardDeviation } from '../stats/intervals.js';
import { optionError } from '../i18n/error-words/isoflop.js';
import { LIMITS, formatCount } from './limits.js';
import { rejected, tooFewAccepted, type Group } from './isoflop-budgets.js';
import type { IsoflopAllocation, IsoflopBudget, IsoflopResult } from './isoflop-types.js';
import type { Runs } from './runs-types.js';

export const AKIMA_DEFAULTS = Object.freeze({ seedNoise: 0.002, replicas: 1000, seed: 42 });
/** Grid points per gap between trained sizes (Porian's interp_num_multiplier). */
export const AKIMA_GRID_PER_GAP = 25;
/** The floor on the spread of ln N*, in units of AKIMA_GRID_PER_GAP grid steps (Porian's min_std_factor). */
export const AKIMA_STD_FLOOR = 0.33;

/** The distinct sizes, ascending, each with the lowest loss among its runs. */
export function bestPerSize(N: ArrayLike<number>, loss: ArrayLike<number>): { N: Float64Array; loss: Float64Array } {
  const best = new Map<number, number>();
  for (let i = 0; i < N.length; i++) {
    const seen = best.get(N[i]);
    if (seen === undefined || loss[i] < seen) best.set(N[i], loss[i]);
  }
  const sizes = Float64Array.from(best.keys()).sort();
  return { N: sizes, loss: Float64Array.from(sizes, (n) => best.get(n)!) };
}

/** Grid points for `sizes` distinct sizes: (sizes − 1)·25. */
export const gridPoints = (sizes: number): number => (sizes - 1) * AKIMA_GRID_PER_GAP;

/** numpy's `geomspace(lo, hi, count)`: 10^(log10 lo + i·step), ends exactly lo and hi; count ≥ 2. */
export function geometricGrid(lo: number, hi: number, count: number): Float64Array {
  const a = Math.log10(lo), step = (Math.log10(hi) - a) / (count - 1);
  const grid = Float64Array.from({ length: count }, (_, i) => 10 ** (i * step + a));
  grid[0] = lo;
  grid[count - 1] = hi;
  return grid;
}

/** The grid index of the spline's least value (the first, on ties) and that value; index −1 when every value is NaN. */
function gridArgmin(at: (u: number) => number, lnGrid: Float64Array): { index: number; value: number } {
  let index = -1, value = Infinity;
  for (let j = 0; j < lnGrid.length; j++) {
    const v = at(lnGrid[j]);
    if (v < value) (index = j, value = v);
  }
  return { index, value };
}

/** numpy's median of values sorted ascending: the middle one, or the mean of the two. */
function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

export interface AkimaBootstrap {
  /** The grid of N (numpy's geomspace) and the spline's minimiser on it, before noise: index, N, loss. */
  grid: Float64Array;
  splineIndex: number;
  splineN: number;
  splineLoss: number;
  /** Replicas drawn, and the valid ones' minimiser N* and minimum loss, in replica order. */
  replicas: number;
  replicaN: Float64Array;
  replicaLoss: Float64Array;
  /** Population standard deviation of ln N* over valid replicas; its floor; the spread max(sd, floor)·replicas/valid. */
  sd: number;
  floor: number;
  spread: number;
  /** Medians over valid replicas of N* and of the minimum loss (NaN with none valid). */
  N: number;
  loss: number;
}

/**
 * Steps 1–3 above for one budget: `N` distinct and ascending (bestPerSize),
 * at least 3 of them, `loss` positive. Takes replicas × sizes draws from `normal`.
 */
export function akimaBootstrap(N: Float64Array, loss: Float64Array, o: { replicas: number; seedNoise: number; normal: NormalStream }): AkimaBootstrap {
  const k = N.length, m = gridPoints(k);
  const grid = geometricGrid(N[0], N[k - 1], m);
  const lnGrid = grid.map(Math.log), lnN = N.map(Math.log);
  const plain = gridArgmin(akimaSpline(lnN, loss.map(Math.log)).at, lnGrid);
  const replicaN: number[] = [], replicaLoss: number[] = [];
  const lnLoss = new Float64Array(k);
  for (let r = 0; r < o.replicas; r++) {
    let positive = true;
    for (let i = 0; i < k; i++) {
      const noisy = loss[i] + o.seedNoise * o.normal();
      positive &&= noisy > 0;
      lnLoss[i] = Math.log(noisy);
    }
    if (!positive) continue;
    const { index, value } = gridArgmin(akimaSpline(lnN, lnLoss).at, lnGrid);
    if (index > 0 && index < m - 1) (replicaN.push(grid[index]), replicaLoss.push(Math.exp(value)));
  }
  const sd = standardDeviation(replicaN.map(Math.log), 0);
  const floor = AKIMA_STD_FLOOR * AKIMA_GRID_PER_GAP * Math.log(grid[1] / grid[0]);
  return {
    grid, splineIndex: plain.index, splineN: plain.index >= 0 ? grid[plain.index] : NaN, splineLoss: plain.index >= 0 ? Math.exp(plain.value) : NaN,
    replicas: o.replicas, replicaN: Float64Array.from(replicaN), replicaLoss: Float64Array.from(replicaLoss),
    sd, floor, spread: (Math.max(sd, floor) * o.replicas) / replicaN.length,
    N: medianOfSorted(Float64Array.from(replicaN).sort()), loss: medianOfSorted(Float64Array.from(replicaLoss).sort()),
  };
}

/** The fewest valid replicas a budget needs: half the replicas, rounded down (Porian's rule), and at least one. */
export const replicasNeeded = (replicas: number): number => Math.max(1, Math.floor(replicas / 2));

/** The noise stream of a seed (see above). */
export const seedNoiseStream = (seed: number): NormalStream => normalStream(seed);

/** Weighted least squares v = slope·u + intercept with weights w (centred on the weighted means). */
export function weightedLine(u: ArrayLike<number>, v: ArrayLike<number>, w: ArrayLike<number>): { slope: number; intercept: number } {
  let sw = 0, su = 0, sv = 0;
  for (let i = 0; i < u.length; i++) (sw += w[i], su += w[i] * u[i], sv += w[i] * v[i]);
  const mu = su / sw, mv = sv / sw;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < u.length; i++) (sxy += w[i] * (u[i] - mu) * (v[i] - mv), sxx += w[i] * (u[i] - mu) ** 2);
  const slope = sxy / sxx;
  return { slope, intercept: mv - slope * mu };
}

/**
 * One allocation law y = k·C^e through the accepted budgets: weighted least
 * squares on ln y (weights 1/spread²) through `y`, and the percentile
 * interval over the same fit through each replica's y (`replicaY[b][r]`,
 * r < the shortest list). r2 is the unweighted R² of ln y about the weighted
 * line (what Porian et al. report, scikit-learn's `score`); meanLnC and sdLnY
 * (the residual sd with n − 2 degrees of freedom) are about the same line.
 */
export function akimaAllocation<E extends string>(
  key: E, C: readonly number[], y: readonly number[], spread: readonly number[], replicaY: readonly ArrayLike<number>[], level: number,
): IsoflopAllocation<E> {
  const n = C.length;
  const u = C.map(Math.log), v = y.map(Math.log), w = spread.map((s) => 1 / (s * s));
  const { slope, intercept } = weightedLine(u, v, w);
  const mean = v.reduce((s, x) => s + x, 0) / n;
  let ssr = 0, sst = 0;
  v.forEach((x, i) => (ssr += (x - intercept - slope * u[i]) ** 2, sst += (x - mean) ** 2));
  let fits = Infinity;
  for (const r of replicaY) fits = Math.min(fits, r.length);
  const exponents = new Float64Array(fits), coefficients = new Float64Array(fits);
  const vr = new Float64Array(n);
  for (let r = 0; r < fits; r++) {
    for (let b = 0; b < n; b++) vr[b] = Math.log(replicaY[b][r]);
    const line = weightedLine(u, vr, w);
    exponents[r] = line.slope;
    coefficients[r] = Math.exp(line.intercept);
  }
  const lo = 50 - 50 * level, hi = 50 + 50 * level;
  const se = standardDeviation(exponents);
  exponents.sort();
  coefficients.sort();
  return {
    [key]: slope, k: Math.exp(intercept), se,
    lo: percentileOfSorted(exponents, lo), hi: percentileOfSorted(exponents, hi),
    kLo: percentileOfSorted(coefficients, lo), kHi: percentileOfSorted(coefficients, hi),
    dof: n - 2, level, r2: sst > 0 ? 1 - ssr / sst : 1,
    meanLnC: u.reduce((s, x) => s + x, 0) / n, sdLnY: n > 2 ? Math.sqrt(ssr / (n - 2)) : NaN,
    interval: 'percentile-bootstrap', replicaFits: fits,
  } as IsoflopAllocation<E>;
}

/** The Akima options as resolved by ./isoflop.ts. */
interface AkimaResolved {
  minPoints: number;
  level: number;
  seedNoise: number;
  replicas: number;
  seed: number;
}

/** One budget: checked, bootstrapped when it has the runs and sizes, accepted or rejected with a reason. */
function profile(runs: Runs, g: Group, o: AkimaResolved, normal: NormalStream): { budget: IsoflopBudget; boot?: AkimaBootstrap } {
  let Nmin = Infinity, Nmax = -Infinity;
  for (const i of g.members) (Nmin = Math.min(Nmin, runs.N[i]), Nmax = Math.max(Nmax, runs.N[i]));
  const base: IsoflopBudget = {
    C: g.C, points: g.members.length, rows: Int32Array.from(g.members, (i) => runs.rows[i]), Nmin, Nmax,
    accepted: false, N: NaN, D: NaN, loss: NaN, curvature: NaN, coefficients: null,
    splineN: NaN, lnNStd: NaN, validReplicas: 0, replicas: o.replicas,
  };
  const C = g.C.toPrecision(3);
  if (g.members.length < o.minPoints) return { budget: { ...base, ...rejected('too-few-points', 'isoflop-few-runs', { C, runs: g.members.length, minPoints: o.minPoints }) } };
  const sizes = bestPerSize(g.members.map((i) => runs.N[i]), g.members.map((i) => runs.loss[i]));
  if (sizes.N.length < 3) return { budget: { ...base, ...rejected('too-few-points', 'isoflop-akima-few-sizes', { C, sizes: sizes.N.length }) } };
  const boot = akimaBootstrap(sizes.N, sizes.loss, { replicas: o.replicas, seedNoise: o.seedNoise, normal });
  const valid = boot.replicaN.length;
  const budget = { ...base, splineN: boot.splineN, lnNStd: boot.spread, validReplicas: valid };
  if (!(boot.splineIndex > 0 && boot.splineIndex < boot.grid.length - 1)) {
    return { budget: { ...budget, ...rejected('vertex-outside', 'isoflop-akima-at-end', { C, Nmin: Nmin.toPrecision(3), Nmax: Nmax.toPrecision(3) }) }, boot };
  }
  if (valid < replicasNeeded(o.replicas)) {
    return { budget: { ...budget, ...rejected('unstable', 'isoflop-akima-unstable', { C, valid, replicas: o.replicas, needed: replicasNeeded(o.replicas) }) }, boot };
  }
  return { budget: { ...budget, accepted: true, N: boot.N, D: g.C / (6 * boot.N), loss: boot.loss }, boot };
}

/**
 * Spline evaluations the bootstrap of `groups` would make (replicas × grid
 * points and knots over the budgets with enough runs and sizes), checked
 * against LIMITS.splineEvaluations before any is made.
 */
function checkWork(runs: Runs, groups: readonly Group[], o: AkimaResolved): void {
  let perReplica = 0;
  for (const g of groups) {
    if (g.members.length < o.minPoints) continue;
    const k = new Set(g.members.map((i) => runs.N[i])).size;
    if (k >= 3) perReplica += gridPoints(k) + k;
  }
  const work = perReplica * (o.replicas + 1);
  if (work > LIMITS.splineEvaluations) {
    throw optionError('replicas', 'isoflop-akima-work', { work: formatCount(work), max: formatCount(LIMITS.splineEvaluations), replicas: formatCount(o.replicas) });
  }
}

/** The Akima approach over grouped runs: every budget, and N*(C), D*(C) over the accepted ones. */
export function isoflopAkima(runs: Runs, groups: readonly Group[], o: AkimaResolved): Pick<IsoflopResult, 'budgets' | 'N' | 'D'> {
  checkWork(runs, groups, o);
  const normal = seedNoiseStream(o.seed);
  const profiles = groups.map((g) => profile(runs, g, o, normal));
  const budgets = profiles.map((p) => p.budget);
  const good = profiles.filter((p) => p.budget.accepted);
  if (good.length < 2) throw tooFewAccepted(budgets, o.minPoints, 'akima');
  const C = good.map((p) => p.budget.C), spread = good.map((p) => p.budget.lnNStd!);
  const replicaN = good.map((p) => p.boot!.replicaN);
  const replicaD = good.map((p) => p.boot!.replicaN.map((n) => p.budget.C / (6 * n)));
  return {
    budgets,
    N: akimaAllocation('a', C, good.map((p) => p.budget.N), spread, replicaN, o.level),
    D: akimaAllocation('b', C, good.map((p) => p.budget.D), spread, replicaD, o.level),
  };
}
