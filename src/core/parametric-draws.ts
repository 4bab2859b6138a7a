/**
 * Parametric draws from a bootstrap's covariance, for quantities derived
 * from a Chinchilla law (Besiroglu et al. 2024, the tokens-per-parameter
 * figure of Epoch's notebook; docs/fitting.md, "Parametric draws"): fit a
 * multivariate normal to the bootstrap replicates of θ, draw parameter sets
 * from it, and summarise N*, D*, the ratio D* ÷ N* and L* at each budget over the draws.
 *
 * Where replicate percentiles summarise the refits themselves, draws smooth
 * them through a normal, which is what a covariance-based paper reports.
 * The space the normal lives in matters because A and B are skewed: 'log'
 * (default) draws (ln A, ln B, ln E, α, β), which keeps A, B, E positive;
 * 'raw' draws (A, B, E, α, β) as they are, and a draw with a non-positive
 * coefficient or exponent is counted in `invalid` and left out.
 */

import { optionError } from '../i18n/error-words/options.js';
import { optimalAllocation } from './planning.js';
import { LIMITS, formatCount } from './limits.js';
import { summarize, type BootstrapResult, type Interval } from './bootstrap.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import { normalStream } from '../stats/normal.js';

export type DrawSpace = 'log' | 'raw';

export interface DrawOptions {
  /** Compute budgets (FLOPs) at which to summarise the allocation; at most LIMITS.budgets. */
  budgets: readonly number[];
  /** Parameter sets drawn; default 10,000 (as Epoch's notebook), at most LIMITS.draws. */
  draws?: number;
  /** Seed of the normal draws (numpy's legacy generator); default 42. */
  seed?: number;
  /** 'log' (default) or 'raw': see the file's comment. */
  space?: DrawSpace;
  /** Interval level; default the bootstrap's. */
  level?: number;
}

export const DRAW_OPTION_NAMES = ['budgets', 'draws', 'seed', 'space', 'level'] as const satisfies readonly (keyof DrawOptions)[];
type _Listed = NoneMissing<Exclude<keyof DrawOptions, (typeof DRAW_OPTION_NAMES)[number]>>;
export const DRAW_DEFAULTS = { draws: 10_000, seed: 42, space: 'log' as DrawSpace };
const SPACES: readonly DrawSpace[] = ['log', 'raw'];

export interface DrawnAllocation {
  C: number;
  /** Each an Interval over the valid draws: median, percentiles at `level`, sd; `estimate` at the bootstrap's estimate. */
  N: Interval;
  D: Interval;
  tokensPerParam: Interval;
  loss: Interval;
}

export interface DrawsResult {
  draws: number;
  /** Draws left out: a non-positive coefficient or exponent (raw space), or no finite allocation. */
  invalid: number;
  space: DrawSpace;
  level: number;
  seed: number;
  /** Replicates the normal was fitted to (the bootstrap's successful ones). */
  replicates: number;
  /** The normal's mean and covariance, in the order A, B, E, alpha, beta (ln of the first three in log space). */
  mean: number[];
  covariance: number[][];
  perBudget: DrawnAllocation[];
}

const KEYS = ['A', 'B', 'E', 'alpha', 'beta'] as const;

/** Lower-triangular L with L·Lᵀ = S, or undefined when S is not positive definite. */
export function cholesky(S: readonly (readonly number[])[]): number[][] | undefined {
  const n = S.length, L = S.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = S[i][j];
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
      if (i === j) {
        if (!(sum > 0)) return undefined;
        L[i][i] = Math.sqrt(sum);
      } else L[i][j] = sum / L[j][j];
    }
  }
  return L;
}

function resolve(o: DrawOptions, boot: BootstrapResult) {
  if (o === null || typeof o !== 'object') throw optionError('options', 'option-not-object', { option: 'options' });
  checkOptionNames(o, DRAW_OPTION_NAMES, 'options');
  const draws = o.draws ?? DRAW_DEFAULTS.draws;
  if (!(Number.isInteger(draws) && draws >= 1 && draws <= LIMITS.draws)) throw optionError('draws', 'option-count-limit', { option: 'draws', max: formatCount(LIMITS.draws), got: String(draws) });
  const space = o.space ?? DRAW_DEFAULTS.space;
  if (!SPACES.includes(space)) throw optionError('space', 'option-not-one-of', { option: 'space', allowed: SPACES.join(', '), got: String(space) });
  const seed = o.seed ?? DRAW_DEFAULTS.seed;
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw optionError('seed', 'option-integer-range', { option: 'seed', min: 0, max: 2 ** 32 - 1, got: String(seed) });
  const level = o.level ?? boot.level;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw optionError('level', 'level-not-in-unit', { got: String(level) });
  if (!Array.isArray(o.budgets) || o.budgets.length === 0) throw optionError('budgets', 'budgets-not-array', { option: 'budgets' });
  if (o.budgets.length > LIMITS.budgets) throw optionError('budgets', 'too-many-budgets', { option: 'budgets', max: formatCount(LIMITS.budgets), count: formatCount(o.budgets.length) });
  o.budgets.forEach((C, i) => {
    if (!(typeof C === 'number' && Number.isFinite(C) && C > 0)) throw optionError(`budgets[${i}]`, 'option-not-positive-flops', { option: `budgets[${i}]`, got: String(C) });
  });
  return { draws, space, seed, level, budgets: o.budgets };
}

/** The replicates as rows of θ in `space` (failed replicates, and in log space non-positive ones, left out). */
function replicateRows(boot: BootstrapResult, space: DrawSpace): number[][] {
  const rows: number[][] = [];
  const s = boot.samples;
  for (let k = 0; k < s.A.length; k++) {
    const v = KEYS.map((key) => s[key][k]);
    if (!v.every(Number.isFinite)) continue;
    if (space === 'log') {
      if (!(v[0] > 0 && v[1] > 0 && v[2] > 0)) continue;
      v[0] = Math.log(v[0]); v[1] = Math.log(v[1]); v[2] = Math.log(v[2]);
    }
    rows.push(v);
  }
  return rows;
}

/** Draws parameter sets from the normal fitted to `boot`'s replicates and summarises the allocation at each budget. */
export function parametricDraws(boot: BootstrapResult, options: DrawOptions): DrawsResult {
  const o = resolve(options, boot);
  const rows = replicateRows(boot, o.space);
  const n = rows.length, p = KEYS.length;
  const mean = KEYS.map((_, j) => rows.reduce((sum, r) => sum + r[j], 0) / n);
  const covariance = KEYS.map((_, i) => KEYS.map((__, j) => rows.reduce((sum, r) => sum + (r[i] - mean[i]) * (r[j] - mean[j]), 0) / (n - 1)));
  const L = n > p ? cholesky(covariance) : undefined;
  if (!L) throw optionError('bootstrap', 'draws-covariance-singular', { replicates: n });
  const z = normalStream(o.seed);
  const cols = o.budgets.map(() => ({ N: new Float64Array(o.draws).fill(NaN), D: new Float64Array(o.draws).fill(NaN), r: new Float64Array(o.draws).fill(NaN), L: new Float64Array(o.draws).fill(NaN) }));
  let invalid = 0;
  const theta = new Array<number>(p);
  for (let k = 0; k < o.draws; k++) {
    const e = KEYS.map(() => z());
    for (let i = 0; i < p; i++) {
      let v = mean[i];
      for (let j = 0; j <= i; j++) v += L[i][j] * e[j];
      theta[i] = v;
    }
    const [A, B, E] = o.space === 'log' ? [Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2])] : [theta[0], theta[1], theta[2]];
    const alpha = theta[3], beta = theta[4];
    if (!(A > 0 && B > 0 && E >= 0 && alpha > 0 && beta > 0)) { invalid++; continue; }
    const law = { form: 'chinchilla' as const, params: { A, B, E, alpha, beta } };
    let ok = true;
    const got = o.budgets.map((C) => { try { return optimalAllocation(law, C); } catch { ok = false; return undefined; } });
    if (!ok || got.some((a) => !a || !Number.isFinite(a.N) || !Number.isFinite(a.D))) { invalid++; continue; }
    got.forEach((a, j) => { cols[j].N[k] = a!.N; cols[j].D[k] = a!.D; cols[j].r[k] = a!.D / a!.N; cols[j].L[k] = a!.loss; });
  }
  const estimate = { form: 'chinchilla' as const, params: Object.fromEntries(KEYS.map((key) => [key, boot.params[key].estimate ?? NaN])) as never };
  const perBudget = o.budgets.map((C, j) => {
    let at: { N: number; D: number; loss: number } | undefined;
    try { at = optimalAllocation(estimate, C); } catch { at = undefined; }
    return {
      C,
      N: summarize(cols[j].N, o.level, at?.N), D: summarize(cols[j].D, o.level, at?.D),
      tokensPerParam: summarize(cols[j].r, o.level, at && at.D / at.N), loss: summarize(cols[j].L, o.level, at?.loss),
    };
  });
  return { draws: o.draws, invalid, space: o.space, level: o.level, seed: o.seed, replicates: n, mean, covariance, perBudget };
}
