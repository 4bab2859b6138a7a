/**
 * The options every bootstrap shares, checked before anything is read or
 * fitted: the counts it allocates for against their fixed limits (LIMITS),
 * the draws, the level and θ given by name. Used by ./bootstrap.ts
 * (Chinchilla) and ./bootstrap-law.ts (any form).
 */

import { OptionError } from '../errors.js';
import { LIMITS, formatCount } from './limits.js';
import { RESAMPLE_RNGS, type ResampleRng } from '../stats/resample.js';
import type { BootstrapOptions } from './bootstrap.js';

export const BOOTSTRAP_DEFAULTS = { resamples: 4000, seed: 42, rng: 'default' as ResampleRng, level: 0.95, batchSize: 100 };

function integerIn(option: string, value: unknown, min: number, max: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    throw new OptionError(option, `invalid ${option}; expected an integer in [${min}, ${max}]: ${String(value)}`);
  }
  return value;
}

/** A count from 1 to `max`, a fixed limit (src/core/limits.ts) the error names. */
function countIn(option: string, value: unknown, max: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max)) {
    throw new OptionError(option, `invalid ${option}; expected an integer from 1 to ${formatCount(max)} (a fixed limit): ${String(value)}`);
  }
  return value;
}

/** A list option's length within its fixed limit. */
export function listWithin(option: string, value: unknown, max: number, what: string): void {
  if (Array.isArray(value) && value.length > max) {
    throw new OptionError(option, `invalid ${option}; at most ${formatCount(max)} ${what} (a fixed limit): ${formatCount(value.length)} given`);
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
  if (value === null || typeof value !== 'object') throw new OptionError(option, `invalid ${option}; expected an object with ${names.join(', ')}`);
  return Float64Array.from(names, (k) => {
    const v = value[k];
    if (!(typeof v === 'number' && Number.isFinite(v))) throw new OptionError(`${option}.${k}`, `invalid ${option}.${k}; expected a finite number: ${String(v)}`);
    return v;
  });
}

/** The options every bootstrap shares (runs, refit, draws, level, batches), checked. */
export function resolveCommon(o: Omit<BootstrapOptions, 'start' | 'estimate'>) {
  if (o === null || typeof o !== 'object') throw new OptionError('options', 'invalid options; expected an object');
  const n = o.runs?.N?.length;
  if (!(typeof n === 'number' && n >= 1 && o.runs.D?.length === n && o.runs.loss?.length === n)) {
    throw new OptionError('runs', 'invalid runs; expected validated Runs with at least one run (see readRuns)');
  }
  if (typeof o.refit !== 'function') throw new OptionError('refit', 'invalid refit; expected a function (weights, start) => Promise<{ theta, converged }>');
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new OptionError('onProgress', 'invalid onProgress; expected a function');
  if (o.onReplicate !== undefined && typeof o.onReplicate !== 'function') throw new OptionError('onReplicate', 'invalid onReplicate; expected a function');
  const rng = o.rng ?? BOOTSTRAP_DEFAULTS.rng;
  if (!RESAMPLE_RNGS.includes(rng)) throw new OptionError('rng', `invalid rng; expected one of ${RESAMPLE_RNGS.join(', ')}: ${String(rng)}`);
  const level = o.level ?? BOOTSTRAP_DEFAULTS.level;
  if (!(typeof level === 'number' && level > 0 && level < 1)) throw new OptionError('level', `invalid level; expected a number in (0, 1): ${String(level)}`);
  return {
    n,
    rng,
    level,
    resamples: countIn('resamples', o.resamples ?? BOOTSTRAP_DEFAULTS.resamples, LIMITS.resamples),
    seed: integerIn('seed', o.seed ?? BOOTSTRAP_DEFAULTS.seed, 0, 2 ** 32 - 1),
    batchSize: countIn('batchSize', o.batchSize ?? BOOTSTRAP_DEFAULTS.batchSize, LIMITS.resamples),
  };
}

