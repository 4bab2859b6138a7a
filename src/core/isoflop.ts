/**
 * IsoFLOP analysis (Hoffmann et al. 2022, Approach 2; docs/fitting.md): group
 * runs by compute budget, fit a parabola of loss against log N per budget, take
 * its vertex as the budget's optimum N*, D* = C/(6N*), then fit the allocation
 * laws N* = k_N·C^a and D* = k_D·C^b by least squares in log space.
 *
 * Use it on isoFLOP grids (several model sizes trained at each of a few
 * budgets). It is the method behind the Chinchilla and Llama 3 allocation laws,
 * with a known bias: an isoFLOP curve is not a parabola in log N, so unless the
 * law is symmetric (α = β) or the grid narrow and centred, the vertex (hence the
 * coefficients k) is shifted; the exponent stays unbiased only when the grid's
 * offset from the optimum does not drift with C (docs/fitting.md, "Approach 2's bias").
 *
 * Grouping: with `budgets`, each run joins the nominal budget nearest in log C
 * when |C/budget − 1| ≤ tolerance (runs near none are listed in `unassigned`),
 * and the budget's C is the nominal value. Without, runs are sorted by C and a
 * group takes every run with C ≤ (1 + tolerance)·(the group's smallest C); the
 * group's C is the geometric mean of its runs' C.
 *
 * A budget is rejected, with a machine-readable `reason`, a sentence in
 * `message` and the same as a message key with values in `detail` (for
 * `describeError`, src/i18n/errors.ts), when it has fewer than `minPoints` runs
 * or fewer than 3 distinct sizes ('too-few-points'), when the parabola opens
 * downward or is flat ('not-convex'), or when its vertex lies outside the
 * sampled range of log N ('vertex-outside': an extrapolated optimum).
 *
 * Intervals on a and b are classical OLS t-intervals with (accepted budgets − 2)
 * degrees of freedom (loglinear.ts), not a bootstrap over budgets: with the
 * usual 5–10 budgets such a bootstrap has few distinct resamples, many of them
 * degenerate (one C repeated), and coarse percentiles, while the t interval is
 * exact under the textbook model and deterministic. Both see the noise of each
 * vertex only through the scatter of the optima about the line.
 */

import type { ErrorMessageDetail } from '../errors.js';
import { dataError, optionError, worded, type ErrorKey, type ErrorValues } from '../i18n/error-words/options.js';
import { LIMITS, formatCount } from './limits.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { allocationFit, checkLevel, fitPowerLaw, type AllocationFit } from './loglinear.js';
import type { Runs } from './runs-types.js';

export type IsoflopRejection = 'too-few-points' | 'not-convex' | 'vertex-outside';

export interface IsoflopOptions {
  /** Nominal budgets (FLOPs) to snap runs to; default: group runs whose C agree within `tolerance`. */
  budgets?: readonly number[];
  /** Relative tolerance on C for snapping or grouping; default 0.1 (Open-Athena snaps Chinchilla's points within 10%). */
  tolerance?: number;
  /**
   * Fewest runs for a budget to be fitted; default 3, the fewest that determine
   * a parabola. Digitised sets have budgets of 6 points (Llama 3); raise it
   * (Open-Athena's QC uses 6) to demand a residual check.
   */
  minPoints?: number;
  /** Log base of x = log N for the parabola (its reported coefficients); default 10. Optima do not depend on it. */
  logBase?: number;
  /** How each isoFLOP optimum is found; only 'parabola' (least squares of L on log N and (log N)²). */
  approach?: 'parabola';
  /** Confidence level of the exponent intervals; default 0.95. */
  level?: number;
}

/** Every option `isoflop` knows; any other name is an OptionError. */
export const ISOFLOP_OPTION_NAMES = ['budgets', 'tolerance', 'minPoints', 'logBase', 'approach', 'level'] as const satisfies readonly (keyof IsoflopOptions)[];
type _IsoflopOptionsListed = NoneMissing<Exclude<keyof IsoflopOptions, (typeof ISOFLOP_OPTION_NAMES)[number]>>;

export const ISOFLOP_DEFAULTS = Object.freeze({ tolerance: 0.1, minPoints: 3, logBase: 10, approach: 'parabola' as const, level: 0.95 });

/** One budget's profile. Vertex quantities are NaN when the budget was rejected. */
export interface IsoflopBudget {
  /** The budget: nominal when snapped, else the geometric mean of the group's C. */
  C: number;
  /** Runs in the budget, and their 1-based data rows. */
  points: number;
  rows: Int32Array;
  /** Smallest and largest N sampled. */
  Nmin: number;
  Nmax: number;
  accepted: boolean;
  reason?: IsoflopRejection;
  /** Why, in English; `detail` is the same as a message key and its values. */
  message?: string;
  detail?: ErrorMessageDetail;
  /** Vertex: N* = logBase^x*, D* = C/(6N*), the parabola's loss at x*. */
  N: number;
  D: number;
  loss: number;
  /** p, the coefficient of x² (NaN when no parabola was fitted). */
  curvature: number;
  /** L = p·x² + q·x + r with x = log N in `logBase`; null when no parabola was fitted. */
  coefficients: { p: number; q: number; r: number } | null;
}

export interface IsoflopResult {
  /** Every budget, ascending C, accepted or not. */
  budgets: IsoflopBudget[];
  /** N* = k·C^a over the accepted budgets. */
  N: AllocationFit<'a'>;
  /** D* = k·C^b; since D* = C/(6N*), b = 1 − a and k_D = 1/(6k_N) up to rounding. */
  D: AllocationFit<'b'>;
  /** Budgets accepted. */
  accepted: number;
  /** Data rows of runs within tolerance of no nominal budget (empty when grouping). */
  unassigned: Int32Array;
  options: { tolerance: number; minPoints: number; logBase: number; approach: 'parabola'; level: number; budgets?: readonly number[] };
  /** The fitted allocation at compute C: N = k_N·C^a, D = k_D·C^b. */
  predict(C: number): { N: number; D: number };
}

function resolve(o: IsoflopOptions): IsoflopResult['options'] {
  if (o === null || typeof o !== 'object') throw optionError('options', 'option-not-object', { option: 'options' });
  checkOptionNames(o, ISOFLOP_OPTION_NAMES);
  const d = ISOFLOP_DEFAULTS;
  const { tolerance = d.tolerance, minPoints = d.minPoints, logBase = d.logBase, approach = d.approach, level = d.level, budgets } = o;
  if (!(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0)) {
    throw optionError('tolerance', 'option-negative', { option: 'tolerance', got: String(tolerance) });
  }
  if (!(Number.isInteger(minPoints) && minPoints >= 3)) {
    throw optionError('minPoints', 'bad-min-points', { got: String(minPoints) });
  }
  if (!(typeof logBase === 'number' && Number.isFinite(logBase) && logBase > 0 && logBase !== 1)) {
    throw optionError('logBase', 'bad-log-base', { got: String(logBase) });
  }
  if (approach !== 'parabola') throw optionError('approach', 'option-not-one-of', { option: 'approach', allowed: 'parabola', got: String(approach) });
  checkLevel(level);
  if (budgets !== undefined) {
    if (!Array.isArray(budgets) || budgets.length === 0) throw optionError('budgets', 'budgets-not-array', {});
    if (budgets.length > LIMITS.budgets) throw optionError('budgets', 'too-many-budgets', { option: 'budgets', max: formatCount(LIMITS.budgets), count: formatCount(budgets.length) });
    budgets.forEach((b, i) => {
      if (!(typeof b === 'number' && Number.isFinite(b) && b > 0)) throw optionError(`budgets[${i}]`, 'option-not-positive', { option: `budgets[${i}]`, got: String(b) });
      if (budgets.indexOf(b) !== i) throw optionError(`budgets[${i}]`, 'listed-twice', { option: `budgets[${i}]`, value: b });
    });
  }
  return { tolerance, minPoints, logBase, approach, level, ...(budgets ? { budgets } : {}) };
}

interface Group {
  C: number;
  members: number[];
}

function snap(C: Float64Array, budgets: readonly number[], tolerance: number): { groups: Group[]; unassigned: number[] } {
  const groups = [...budgets].sort((a, b) => a - b).map((b) => ({ C: b, members: [] as number[] }));
  const unassigned: number[] = [];
  for (let i = 0; i < C.length; i++) {
    // Start from the first budget: with a budget so small that C/budget overflows, every distance is ∞.
    let best = 0, distance = Infinity;
    groups.forEach((g, j) => {
      const d = Math.abs(Math.log(C[i] / g.C));
      if (d < distance) (best = j, distance = d);
    });
    if (Math.abs(C[i] / groups[best].C - 1) <= tolerance) groups[best].members.push(i);
    else unassigned.push(i);
  }
  return { groups: groups.filter((g) => g.members.length > 0), unassigned };
}

function cluster(C: Float64Array, tolerance: number): Group[] {
  const order = Array.from(C.keys()).sort((i, j) => C[i] - C[j] || i - j);
  const groups: Group[] = [];
  let anchor = -Infinity;
  for (const i of order) {
    if (C[i] > anchor * (1 + tolerance)) {
      groups.push({ C: NaN, members: [] });
      anchor = C[i];
    }
    groups[groups.length - 1].members.push(i);
  }
  // Geometric mean, taken relative to the smallest C so a group of equal C gets that C exactly.
  for (const g of groups) {
    const c0 = C[g.members[0]];
    g.C = c0 * Math.exp(g.members.reduce((s, i) => s + Math.log(C[i] / c0), 0) / g.members.length);
  }
  return groups;
}

/**
 * Least-squares parabola y = p·x² + q·x + r. Solved in the centred, scaled
 * variable z = (x − m)/h (normal equations by Gaussian elimination with partial
 * pivoting), which keeps the 3×3 system well conditioned, then mapped back.
 */
export function fitParabola(x: ArrayLike<number>, y: ArrayLike<number>): { p: number; q: number; r: number; vertex: number; minimum: number } {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let h = 0;
  for (let i = 0; i < n; i++) h = Math.max(h, Math.abs(x[i] - m));
  h ||= 1;
  const A = [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
  for (let i = 0; i < n; i++) {
    const z = (x[i] - m) / h, basis = [z * z, z, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) A[r][c] += basis[r] * basis[c];
      A[r][3] += basis[r] * y[i];
    }
  }
  for (let c = 0; c < 3; c++) {
    let pivot = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(A[r][c]) > Math.abs(A[pivot][c])) pivot = r;
    [A[c], A[pivot]] = [A[pivot], A[c]];
    for (let r = c + 1; r < 3; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k < 4; k++) A[r][k] -= f * A[c][k];
    }
  }
  const sol = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = A[r][3];
    for (let k = r + 1; k < 3; k++) s -= A[r][k] * sol[k];
    sol[r] = s / A[r][r];
  }
  const [P, Q, R] = sol;
  const p = P / (h * h);
  const q = Q / h - 2 * p * m;
  const r = R - (Q * m) / h + p * m * m;
  return { p, q, r, vertex: m - (h * Q) / (2 * P), minimum: R - (Q * Q) / (4 * P) };
}

/** A rejected budget's reason in words: the English `message` and its `detail`. */
function rejected<K extends ErrorKey>(reason: IsoflopRejection, key: K, values: ErrorValues<K>): Pick<IsoflopBudget, 'reason' | 'message' | 'detail'> {
  const { message, detail } = worded(key, values);
  return { reason, message, detail };
}

function profile(runs: Runs, g: Group, o: IsoflopResult['options']): IsoflopBudget {
  const lnBase = Math.log(o.logBase);
  const x = g.members.map((i) => Math.log(runs.N[i]) / lnBase);
  const y = g.members.map((i) => runs.loss[i]);
  // Loops, not Math.min(...x): a spread of ~130k runs in one budget overflows the stack.
  let xmin = Infinity, xmax = -Infinity, Nmin = Infinity, Nmax = -Infinity;
  g.members.forEach((i, k) => {
    xmin = Math.min(xmin, x[k]), xmax = Math.max(xmax, x[k]);
    Nmin = Math.min(Nmin, runs.N[i]), Nmax = Math.max(Nmax, runs.N[i]);
  });
  const base: IsoflopBudget = {
    C: g.C, points: g.members.length, rows: Int32Array.from(g.members, (i) => runs.rows[i]),
    Nmin, Nmax,
    accepted: false, N: NaN, D: NaN, loss: NaN, curvature: NaN, coefficients: null,
  };
  const sizes = new Set(x).size;
  if (g.members.length < o.minPoints || sizes < 3) {
    const C = g.C.toPrecision(3);
    return { ...base, ...(g.members.length < o.minPoints
      ? rejected('too-few-points', 'isoflop-few-runs', { C, runs: g.members.length, minPoints: o.minPoints })
      : rejected('too-few-points', 'isoflop-few-sizes', { C, sizes })) };
  }
  const fit = fitParabola(x, y);
  const withFit = { ...base, curvature: fit.p, coefficients: { p: fit.p, q: fit.q, r: fit.r } };
  if (!(fit.p > 0)) {
    return { ...withFit, ...rejected('not-convex', 'isoflop-not-convex', { C: g.C.toPrecision(3), p: fit.p.toPrecision(3) }) };
  }
  if (!(fit.vertex >= xmin && fit.vertex <= xmax)) {
    const N = o.logBase ** fit.vertex;
    const values = { C: g.C.toPrecision(3), N: N.toPrecision(3), Nmin: base.Nmin.toPrecision(3), Nmax: base.Nmax.toPrecision(3) };
    return { ...withFit, ...rejected('vertex-outside', 'isoflop-vertex-outside', values) };
  }
  const N = o.logBase ** fit.vertex;
  return { ...withFit, accepted: true, N, D: g.C / (6 * N), loss: fit.minimum };
}

/**
 * The error when fewer than two budgets are accepted: how many were, and the
 * rejected budgets' C by reason ('—' for none), so one message key words it.
 */
function tooFewAccepted(budgets: readonly IsoflopBudget[], minPoints: number) {
  const values = { accepted: budgets.filter((b) => b.accepted).length, total: budgets.length };
  const rejectedBy = (key: ErrorKey) => budgets.filter((b) => b.detail?.key === key).map((b) => b.C.toPrecision(3)).join(', ') || '—';
  if (budgets.every((b) => b.accepted)) return dataError('too-few-runs', 'isoflop-none-rejected', values);
  return dataError('too-few-runs', 'isoflop-too-few-budgets', {
    ...values, minPoints, fewRuns: rejectedBy('isoflop-few-runs'), fewSizes: rejectedBy('isoflop-few-sizes'),
    notConvex: rejectedBy('isoflop-not-convex'), outside: rejectedBy('isoflop-vertex-outside'),
  });
}

/**
 * Approach-2 analysis of `runs`. Throws OptionError for a bad option and
 * DataError ('too-few-runs') when fewer than two budgets are accepted.
 */
export function isoflop(runs: Runs, options: IsoflopOptions = {}): IsoflopResult {
  const o = resolve(options);
  const { groups, unassigned } = o.budgets ? snap(runs.C, o.budgets, o.tolerance) : { groups: cluster(runs.C, o.tolerance), unassigned: [] };
  const budgets = groups.map((g) => profile(runs, g, o));
  const good = budgets.filter((b) => b.accepted);
  if (good.length < 2) throw tooFewAccepted(budgets, o.minPoints);
  const C = good.map((b) => b.C);
  const fitOptions = { level: o.level, base: o.logBase };
  const N = allocationFit('a', fitPowerLaw(C, good.map((b) => b.N), fitOptions));
  const D = allocationFit('b', fitPowerLaw(C, good.map((b) => b.D), fitOptions));
  return {
    budgets,
    N,
    D,
    accepted: good.length,
    unassigned: Int32Array.from(unassigned, (i) => runs.rows[i]),
    options: o,
    predict: (c: number) => ({ N: N.k * c ** N.a, D: D.k * c ** D.b }),
  };
}
