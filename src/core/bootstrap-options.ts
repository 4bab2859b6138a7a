/**
 * The options every bootstrap shares, checked before anything is read or
 * fitted: the counts it allocates for against their fixed limits (LIMITS),
 * the draws, the level and θ given by name. Used by ./bootstrap.ts
 * (Chinchilla) and ./bootstrap-law.ts (any form).
 */

import { optionError } from '../i18n/error-words/options.js';
import { LIMITS, formatCount } from './limits.js';
import { RESAMPLE_RNGS, type ResampleRng } from '../stats/resample.js';
import type { BootstrapOptions } from './bootstrap.js';

export const BOOTSTRAP_DEFAULTS = { resamples: 4000, seed: 42, rng: 'default' as ResampleRng, level: 0.95, batchSize: 100 };

function integerIn(option: string, value: unknown, min: number, max: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    throw optionError(option, 'option-integer-range', { option, min, max, got: String(value) });
  }
  return value;
}

/** A count from 1 to `max`, a fixed limit (src/core/limits.ts) the error names. */
function countIn(option: string, value: unknown, max: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max)) {
    throw optionError(option, 'option-count-limit', { option, max: formatCount(max), got: String(value) });
  }
  return value;
}

/** The message of a list over its limit, by what the list holds. */
const TOO_MANY = { budgets: 'too-many-budgets', points: 'too-many-points' } as const;

/** A list option's length within its fixed limit; `what` the list holds names it in the message. */
export function listWithin(option: string, value: unknown, max: number, what: keyof typeof TOO_MANY): void {
  if (Array.isArray(value) && value.length > max) {
    throw optionError(option, TOO_MANY[what], { option, max: formatCount(max), count: formatCount(value.length) });
  }
}

/**
 * The counts a bootstrap allocates for — resamples, batchSize, budgets, at —
 * against their limits (LIMITS). `bootstrap` calls it before it reads or fits
 * anything; the resolvers below call it again.
 */
export function checkBootstrapCounts(o: Pick<BootstrapOptions, 'resamples' | 'batchSize' | 'budgets' | 'at'>): void {
  if (o === null || typeof o !== 'object') return;
  countIn('resamples', o.resamples ?? BOOTSTRAP_DEFAULTS.resamples, LIMITS.resamples);
  countIn('batchSize', o.batchSize ?? BOOTSTRAP_DEFAULTS.batchSize, LIMITS.resamples);
  listWithin('budgets', o.budgets, LIMITS.budgets, 'budgets');
  listWithin('at', o.at, LIMITS.points, 'points');
}

/** θ as an array in `names` order, from an object by name; every entry a finite number. */
export function thetaOf(option: string, value: Record<string, number> | undefined, names: readonly string[]): Float64Array {
  if (value === null || typeof value !== 'object') throw optionError(option, 'theta-not-object', { option, names: names.join(', ') });
  return Float64Array.from(names, (k) => {
    const v = value[k];
    if (!(typeof v === 'number' && Number.isFinite(v))) throw optionError(`${option}.${k}`, 'option-not-finite', { option: `${option}.${k}`, got: String(v) });
    return v;
  });
}

/** The options every bootstrap shares (runs, refit, draws, level, batches), checked. */
export function resolveCommon(o: Omit<BootstrapOptions, 'start' | 'estimate'>) {
  if (o === null || typeof o !== 'object') throw optionError('options', 'option-not-object', { option: 'options' });
  const n = o.runs?.N?.length;
  if (!(typeof n === 'number' && n >= 1 && o.runs.D?.length === n && o.runs.loss?.length === n)) {
    throw optionError('runs', 'runs-not-validated', {});
  }
  if (typeof o.refit !== 'function') throw optionError('refit', 'refit-not-function', { signature: '(weights, start) => Promise<{ theta, converged }>' });
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw optionError('onProgress', 'option-not-function', { option: 'onProgress' });
  if (o.onReplicate !== undefined && typeof o.onReplicate !== 'function') throw optionError('onReplicate', 'option-not-function', { option: 'onReplicate' });
  const rng = o.rng ?? BOOTSTRAP_DEFAULTS.rng;
  if (!RESAMPLE_RNGS.includes(rng)) throw optionError('rng', 'option-not-one-of', { option: 'rng', allowed: RESAMPLE_RNGS.join(', '), got: String(rng) });
  const level = o.level ?? BOOTSTRAP_DEFAULTS.level;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw optionError('level', 'level-not-in-unit', { got: String(level) });
  return {
    n,
    rng,
    level,
    resamples: countIn('resamples', o.resamples ?? BOOTSTRAP_DEFAULTS.resamples, LIMITS.resamples),
    seed: integerIn('seed', o.seed ?? BOOTSTRAP_DEFAULTS.seed, 0, 2 ** 32 - 1),
    batchSize: countIn('batchSize', o.batchSize ?? BOOTSTRAP_DEFAULTS.batchSize, LIMITS.resamples),
  };
}

