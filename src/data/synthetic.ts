/**
 * Synthetic training runs drawn from a known Chinchilla law, for demos, tests and
 * checking that a fitter recovers what was put in. Deterministic: the same
 * options (seed included) give the same runs, bit for bit, on every platform.
 *
 * Design (an isoFLOP grid, as in Hoffmann et al. 2022, Approach 2):
 * - budgets C: by default the nine Chinchilla budgets 6e18 … 3e21 FLOPs;
 * - per budget, `sizesPerBudget` model sizes log-spaced over ±`span` decades around
 *   the law's compute-optimal N*(C) = G·(C/6)^a (Hoffmann eq. 4), so every
 *   isoFLOP valley is centred and symmetric in log N. The default ±1 decade
 *   (9 sizes, a step of 10^0.25 ≈ 1.78×) makes each valley rise by 0.14–0.44 nats at
 *   its ends under Epoch's law (about 6–15 noise σ at σ = 0.01), while a centred grid
 *   keeps the parabola-vertex bias of Approach 2 small (docs/fitting.md, "Approach 2's bias");
 * - D = C / (6N), so C = 6ND holds up to rounding (C is the budget exactly);
 * - loss = L(N, D) · exp(σ·z), z standard normal: multiplicative log-normal noise,
 *   i.e. additive noise of size σ on ln L, the scale the Chinchilla objective uses.
 */

import { csvFormat } from 'd3-dsv';
import { OptionError } from '../errors.js';
import { LIMITS, clip, formatCount } from '../core/limits.js';
import { checkOptionNames, type NoneMissing } from '../core/option-names.js';
import { computeOptimal, predict, type ChinchillaParams } from '../core/law.js';

/** L(N, D) = E + A/N^alpha + B/D^beta. */
export type ChinchillaLaw = ChinchillaParams;

export interface SyntheticOptions {
  /** The law the runs follow; default Epoch's headline fit (Besiroglu et al. 2024). */
  law?: ChinchillaLaw;
  /** Compute budgets in FLOPs; default the nine Chinchilla budgets. */
  budgets?: readonly number[];
  /** Model sizes per budget (integer ≥ 1); default 9. */
  sizesPerBudget?: number;
  /** Half-width of the size grid in decades around N*(C); default 1. */
  span?: number;
  /** Shift of the grid's centre from N*(C) in decades (off-centre designs); default 0. */
  offset?: number;
  /** Standard deviation of the noise on ln L; default 0.01; 0 gives the exact law. */
  sigma?: number;
  /** Seed of the generator (a safe integer or a bigint); default 0. */
  seed?: number | bigint;
}

/** Runs as plain arrays, budget-major, sizes ascending within a budget. */
export interface SyntheticRuns {
  N: number[];
  D: number[];
  C: number[];
  loss: number[];
}

/** Epoch AI's headline estimate (arXiv 2404.10102), rounded as published. */
export const EPOCH_LAW: Readonly<ChinchillaLaw> = Object.freeze({
  A: 482.01,
  B: 2085.43,
  E: 1.817,
  alpha: 0.3478,
  beta: 0.3658,
});

/** The nine isoFLOP budgets of Hoffmann et al. 2022, §3.2 (FLOPs). */
export const CHINCHILLA_BUDGETS: readonly number[] = Object.freeze([
  6e18, 1e19, 3e19, 6e19, 1e20, 3e20, 6e20, 1e21, 3e21,
]);

/** Every option `generateRuns` knows; any other name is an OptionError. */
export const SYNTHETIC_OPTION_NAMES = ['law', 'budgets', 'sizesPerBudget', 'span', 'offset', 'sigma', 'seed'] as const satisfies readonly (keyof SyntheticOptions)[];
type _SyntheticOptionsListed = NoneMissing<Exclude<keyof SyntheticOptions, (typeof SYNTHETIC_OPTION_NAMES)[number]>>;

export const SYNTHETIC_DEFAULTS = Object.freeze({
  law: EPOCH_LAW,
  budgets: CHINCHILLA_BUDGETS,
  sizesPerBudget: 9,
  span: 1,
  offset: 0,
  sigma: 0.01,
  seed: 0 as number | bigint,
});

const MASK64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA; constants as in Vigna's reference splitmix64.c). Returns a
 * function giving the next 64-bit output as a bigint. BigInt keeps it exact.
 */
export function splitmix64(seed: number | bigint): () => bigint {
  let state = BigInt.asUintN(64, BigInt(seed));
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

/** Uniform doubles in [0, 1) from the top 53 bits of each SplitMix64 output. */
export function uniforms(seed: number | bigint): () => number {
  const next = splitmix64(seed);
  return () => Number(next() >> 11n) * 2 ** -53;
}

/**
 * Standard normals by the Box–Muller transform (Box & Muller 1958): from u₁ in
 * (0, 1] and u₂ in [0, 1), r = √(−2 ln u₁) gives r·cos 2πu₂ and r·sin 2πu₂, used in
 * that order.
 */
export function normals(seed: number | bigint): () => number {
  const uniform = uniforms(seed);
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const t = 2 * Math.PI * uniform();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

function check(option: string, ok: boolean, value: unknown, expected: string): void {
  if (!ok) throw new OptionError(option, `invalid ${option}; expected ${expected}: ${clip(String(value))}`);
}

const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

function validate(o: Required<SyntheticOptions>): void {
  for (const key of ['A', 'B', 'E', 'alpha', 'beta'] as const) {
    check(`law.${key}`, positive(o.law?.[key]), o.law?.[key], 'a positive finite number');
  }
  check('budgets', Array.isArray(o.budgets) && o.budgets.length > 0 && o.budgets.every(positive),
    o.budgets, 'a non-empty array of positive finite numbers');
  check('sizesPerBudget', Number.isInteger(o.sizesPerBudget) && o.sizesPerBudget >= 1,
    o.sizesPerBudget, 'an integer ≥ 1');
  const runs = o.budgets.length * o.sizesPerBudget;
  if (runs > LIMITS.maxRows) {
    throw new OptionError('sizesPerBudget', `invalid sizesPerBudget; budgets × sizesPerBudget is ${formatCount(runs)} runs, over the fixed limit of ${formatCount(LIMITS.maxRows)}`);
  }
  check('span', typeof o.span === 'number' && Number.isFinite(o.span) && o.span >= 0, o.span,
    'a finite number ≥ 0');
  check('offset', typeof o.offset === 'number' && Number.isFinite(o.offset), o.offset, 'a finite number');
  check('sigma', typeof o.sigma === 'number' && Number.isFinite(o.sigma) && o.sigma >= 0, o.sigma,
    'a finite number ≥ 0');
  check('seed', typeof o.seed === 'bigint' || Number.isSafeInteger(o.seed), o.seed,
    'a safe integer or a bigint');
}

/** Generate an isoFLOP grid of noisy runs from a Chinchilla law (see the module comment). */
export function generateRuns(options: SyntheticOptions = {}): SyntheticRuns {
  if (options === null || typeof options !== 'object') throw new OptionError('options', `invalid options; expected an object: ${String(options)}`);
  checkOptionNames(options, SYNTHETIC_OPTION_NAMES);
  const o = { ...SYNTHETIC_DEFAULTS } as Required<SyntheticOptions>;
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  }
  validate(o);
  const z = normals(o.seed);
  const k = o.sizesPerBudget;
  const out: SyntheticRuns = { N: [], D: [], C: [], loss: [] };
  for (const C of o.budgets) {
    const center = Math.log10(computeOptimal(o.law, C).N) + o.offset;
    for (let j = 0; j < k; j++) {
      const N = 10 ** (k === 1 ? center : center + o.span * ((2 * j) / (k - 1) - 1));
      const D = C / (6 * N);
      const noise = o.sigma === 0 ? 1 : Math.exp(o.sigma * z());
      out.N.push(N);
      out.D.push(D);
      out.C.push(C);
      out.loss.push(predict(o.law, N, D) * noise);
    }
  }
  return out;
}

/** CSV text with columns N, D, C, loss; numbers in shortest round-trip form, so `readRuns` reads them back exactly. */
export function runsToCsv(runs: { N: ArrayLike<number>; D: ArrayLike<number>; C: ArrayLike<number>; loss: ArrayLike<number> }): string {
  const rows = Array.from({ length: runs.N.length }, (_, i) => ({
    N: String(runs.N[i]),
    D: String(runs.D[i]),
    C: String(runs.C[i]),
    loss: String(runs.loss[i]),
  }));
  return csvFormat(rows, ['N', 'D', 'C', 'loss']);
}
