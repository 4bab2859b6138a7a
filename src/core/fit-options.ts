/**
 * Options of `fit`, their defaults, and their validation: checked once, up
 * front, with errors that name the option (OptionError).
 */

import { OptionError } from './errors.js';
import type { ColumnMapping } from './columns.js';
import { ENGINE_NAMES } from '../engine/select.js';
import { LOSS_IDS, type EngineName, type FormName, type LossName } from '../engine/types.js';

export type Strategy = 'exact';
export const STRATEGIES: readonly Strategy[] = ['exact'];

/** Raw log-space parameters θ of the Chinchilla form. */
export interface Theta {
  a: number;
  b: number;
  e: number;
  alpha: number;
  beta: number;
}
export const THETA_KEYS: readonly (keyof Theta)[] = ['a', 'b', 'e', 'alpha', 'beta'];

export interface FitOptions {
  /** Functional form; only 'chinchilla' so far. */
  form?: FormName;
  /** 'huber' (default) on log residuals, or 'squared' log residuals. */
  loss?: LossName;
  /** Huber threshold on log residuals; default 1e-3 (Hoffmann et al. 2022). */
  delta?: number;
  /** 'exact': L-BFGS from each of Hoffmann's 4,500 starts, best kept and polished. */
  strategy?: Strategy;
  /** 'auto' (default): the best WebAssembly build, else the TypeScript engine. */
  engine?: EngineName | 'auto';
  /** Worker threads for the starts; 0 runs in the calling thread. Default: one per hardware thread. */
  workers?: number;
  /** Starting points θ to use instead of the strategy's grid. */
  starts?: readonly Theta[];
  /** Box bounds on θ; a missing side is unbounded. */
  lower?: Partial<Theta>;
  upper?: Partial<Theta>;
  /** L-BFGS iteration limit per start; default 1000. */
  maxIterations?: number;
  /** When the input is not already `Runs`: column mapping and Epoch's outlier rule. */
  columns?: ColumnMapping;
  dropHighest?: number;
  signal?: AbortSignal;
  /** Called with (starts done, starts total). */
  onProgress?: (done: number, total: number) => void;
}

export interface ResolvedFitOptions {
  form: FormName;
  loss: LossName;
  delta: number;
  strategy: Strategy;
  engine: EngineName | 'auto';
  workers: number | undefined;
  starts: readonly Theta[] | undefined;
  lower: Float64Array | undefined;
  upper: Float64Array | undefined;
  maxIterations: number;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new OptionError(option, `invalid ${option}; expected one of ${allowed.join(', ')}: ${String(value)}`);
}

function bounds(option: 'lower' | 'upper', value: Partial<Theta> | undefined, fill: number): Float64Array | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') throw new OptionError(option, `invalid ${option}; expected an object with some of ${THETA_KEYS.join(', ')}`);
  for (const key of Object.keys(value)) {
    if (!(THETA_KEYS as readonly string[]).includes(key)) throw new OptionError(`${option}.${key}`, `unknown ${option}.${key}; bounds apply to ${THETA_KEYS.join(', ')}`);
  }
  return Float64Array.from(THETA_KEYS, (k) => {
    const v = value[k];
    if (v === undefined) return fill;
    if (typeof v !== 'number' || Number.isNaN(v)) throw new OptionError(`${option}.${k}`, `invalid ${option}.${k}; expected a number: ${String(v)}`);
    return v;
  });
}

export function resolveFitOptions(o: FitOptions = {}): ResolvedFitOptions {
  if (o === null || typeof o !== 'object') throw new OptionError('options', 'invalid options; expected an object');
  const form = oneOf('form', o.form, ['chinchilla'], 'chinchilla');
  const loss = oneOf('loss', o.loss, Object.keys(LOSS_IDS) as LossName[], 'huber');
  const strategy = oneOf('strategy', o.strategy, STRATEGIES, 'exact');
  const engine = oneOf('engine', o.engine, [...ENGINE_NAMES, 'auto'], 'auto');
  const delta = o.delta ?? 1e-3;
  if (typeof delta !== 'number' || !Number.isFinite(delta) || delta <= 0) throw new OptionError('delta', `invalid delta; expected a positive finite number: ${String(o.delta)}`);
  if (o.workers !== undefined && !(Number.isInteger(o.workers) && o.workers >= 0)) throw new OptionError('workers', `invalid workers; expected an integer ≥ 0: ${String(o.workers)}`);
  const maxIterations = o.maxIterations ?? 1000;
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new OptionError('maxIterations', `invalid maxIterations; expected an integer ≥ 1: ${String(o.maxIterations)}`);
  if (o.starts !== undefined) {
    if (!Array.isArray(o.starts) || o.starts.length === 0) throw new OptionError('starts', 'invalid starts; expected a non-empty array of θ objects');
    o.starts.forEach((s, i) => {
      for (const k of THETA_KEYS) {
        if (typeof s?.[k] !== 'number' || !Number.isFinite(s[k])) throw new OptionError(`starts[${i}].${k}`, `invalid starts[${i}].${k}; expected a finite number: ${String(s?.[k])}`);
      }
    });
  }
  const lower = bounds('lower', o.lower, -Infinity);
  const upper = bounds('upper', o.upper, Infinity);
  const lo = lower ?? (upper ? new Float64Array(5).fill(-Infinity) : undefined);
  const hi = upper ?? (lower ? new Float64Array(5).fill(Infinity) : undefined);
  if (lo && hi) {
    THETA_KEYS.forEach((k, i) => {
      if (!(lo[i] <= hi[i])) throw new OptionError(`lower.${k}`, `invalid bounds for ${k}: lower ${lo[i]} is above upper ${hi[i]}`);
    });
  }
  return { form, loss, delta, strategy, engine, workers: o.workers, starts: o.starts, lower: lo, upper: hi, maxIterations };
}
