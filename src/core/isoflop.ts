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
 * `approach: 'akima'` finds each optimum with an Akima spline and a seed-noise
 * bootstrap instead (Porian et al. 2024; ./isoflop-akima.ts), with
 * percentile-bootstrap intervals; what follows is the parabola's.
 *
 * Grouping (./isoflop-budgets.ts): with `budgets`, each run joins the nominal
 * budget nearest in log C when within `tolerance` (runs near none are listed
 * in `unassigned`); without, runs whose C agree within `tolerance` form a budget.
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

import { optionError } from '../i18n/error-words/isoflop.js';
import { LIMITS, formatCount } from './limits.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { allocationFit, checkLevel, fitPowerLaw } from './loglinear.js';
import type { Runs } from './runs-types.js';
import { cluster, rejected, snap, tooFewAccepted, type Group } from './isoflop-budgets.js';
import { AKIMA_DEFAULTS, isoflopAkima } from './isoflop-akima.js';
import type { IsoflopApproach, IsoflopBudget, IsoflopOptions, IsoflopResolved, IsoflopResult } from './isoflop-types.js';

export type { IsoflopAllocation, IsoflopApproach, IsoflopBudget, IsoflopOptions, IsoflopRejection, IsoflopResolved, IsoflopResult } from './isoflop-types.js';

/** Every option `isoflop` knows; any other name is an OptionError. */
export const ISOFLOP_OPTION_NAMES = ['budgets', 'tolerance', 'minPoints', 'logBase', 'approach', 'seedNoise', 'replicas', 'seed', 'level'] as const satisfies readonly (keyof IsoflopOptions)[];
type _IsoflopOptionsListed = NoneMissing<Exclude<keyof IsoflopOptions, (typeof ISOFLOP_OPTION_NAMES)[number]>>;

export const ISOFLOP_DEFAULTS = Object.freeze({ tolerance: 0.1, minPoints: 3, logBase: 10, approach: 'parabola' as IsoflopApproach, level: 0.95, ...AKIMA_DEFAULTS });
const APPROACHES: readonly IsoflopApproach[] = ['parabola', 'akima'];
const AKIMA_ONLY = ['seedNoise', 'replicas', 'seed'] as const;

/** The Akima options when the approach is 'akima'; naming one with the parabola is an error, not a silent no-op. */
function resolveAkima(o: IsoflopOptions, approach: IsoflopApproach): Pick<IsoflopResolved, 'seedNoise' | 'replicas' | 'seed'> {
  if (approach !== 'akima') {
    const given = AKIMA_ONLY.find((k) => o[k] !== undefined);
    if (given) throw optionError(given, 'isoflop-akima-only', { option: given, approach });
    return {};
  }
  const { seedNoise = AKIMA_DEFAULTS.seedNoise, replicas = AKIMA_DEFAULTS.replicas, seed = AKIMA_DEFAULTS.seed } = o;
  if (!(typeof seedNoise === 'number' && Number.isFinite(seedNoise) && seedNoise > 0)) {
    throw optionError('seedNoise', 'option-not-positive', { option: 'seedNoise', got: String(seedNoise) });
  }
  if (!(Number.isInteger(replicas) && replicas >= 1 && replicas <= LIMITS.replicas)) {
    throw optionError('replicas', 'option-count-limit', { option: 'replicas', max: formatCount(LIMITS.replicas), got: String(replicas) });
  }
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1)) {
    throw optionError('seed', 'option-integer-range', { option: 'seed', min: 0, max: 2 ** 32 - 1, got: String(seed) });
  }
  return { seedNoise, replicas, seed };
}

function resolve(o: IsoflopOptions): IsoflopResolved {
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
  if (!APPROACHES.includes(approach)) throw optionError('approach', 'option-not-one-of', { option: 'approach', allowed: APPROACHES.join(', '), got: String(approach) });
  checkLevel(level);
  if (budgets !== undefined) {
    if (!Array.isArray(budgets) || budgets.length === 0) throw optionError('budgets', 'budgets-not-array', {});
    if (budgets.length > LIMITS.budgets) throw optionError('budgets', 'too-many-budgets', { option: 'budgets', max: formatCount(LIMITS.budgets), count: formatCount(budgets.length) });
    budgets.forEach((b, i) => {
      if (!(typeof b === 'number' && Number.isFinite(b) && b > 0)) throw optionError(`budgets[${i}]`, 'option-not-positive', { option: `budgets[${i}]`, got: String(b) });
      if (budgets.indexOf(b) !== i) throw optionError(`budgets[${i}]`, 'listed-twice', { option: `budgets[${i}]`, value: b });
    });
  }
  return { tolerance, minPoints, logBase, approach, level, ...(budgets ? { budgets } : {}), ...resolveAkima(o, approach) };
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

function profile(runs: Runs, g: Group, o: IsoflopResolved): IsoflopBudget {
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

/** The parabola approach over grouped runs: every budget, and N*(C), D*(C) over the accepted ones. */
function isoflopParabola(runs: Runs, groups: readonly Group[], o: IsoflopResolved): Pick<IsoflopResult, 'budgets' | 'N' | 'D'> {
  const budgets = groups.map((g) => profile(runs, g, o));
  const good = budgets.filter((b) => b.accepted);
  if (good.length < 2) throw tooFewAccepted(budgets, o.minPoints, 'parabola');
  const C = good.map((b) => b.C);
  const fitOptions = { level: o.level, base: o.logBase };
  const interval = 'student-t' as const;
  return {
    budgets,
    N: { ...allocationFit('a', fitPowerLaw(C, good.map((b) => b.N), fitOptions)), interval },
    D: { ...allocationFit('b', fitPowerLaw(C, good.map((b) => b.D), fitOptions)), interval },
  };
}

/**
 * IsoFLOP analysis of `runs` by `approach` (parabola or Akima). Throws
 * OptionError for a bad option and DataError ('too-few-runs') when fewer than
 * two budgets are accepted.
 */
export function isoflop(runs: Runs, options: IsoflopOptions = {}): IsoflopResult {
  const o = resolve(options);
  const { groups, unassigned } = o.budgets ? snap(runs.C, o.budgets, o.tolerance) : { groups: cluster(runs.C, o.tolerance), unassigned: [] };
  const { budgets, N, D } = o.approach === 'akima'
    ? isoflopAkima(runs, groups, { minPoints: o.minPoints, level: o.level, seedNoise: o.seedNoise!, replicas: o.replicas!, seed: o.seed! })
    : isoflopParabola(runs, groups, o);
  return {
    budgets,
    N,
    D,
    accepted: budgets.filter((b) => b.accepted).length,
    unassigned: Int32Array.from(unassigned, (i) => runs.rows[i]),
    options: o,
    predict: (c: number) => ({ N: N.k * c ** N.a, D: D.k * c ** D.b }),
  };
}
