/**
 * Options of `fit`, their defaults, and their validation: checked once, up
 * front, with errors that name the option (OptionError).
 */

import { optionError } from '../i18n/error-words/options.js';
import { LIMITS, formatCount } from './limits.js';
import { checkOptionNames, type NoneMissing } from './option-names.js';
import type { ColumnMapping } from './columns.js';
import { checkParams, type ChinchillaParams } from './law.js';
import { specThetaNames, thetaNames } from './forms.js';
import { isTaskForm } from '../laws/index.js';
import { defaultSpec, ENGINE_NAMES, FORM_IDS, LOSS_IDS, VARIABLE_IDS, type EngineName, type FormName, type LossName, type ObjectiveSpec, type Variable } from '../engine/types.js';

export type Strategy = 'fast' | 'exact';
export const STRATEGIES: readonly Strategy[] = ['fast', 'exact'];

/** Raw parameters θ by name (see `thetaNames`: for chinchilla a, b, e, alpha, beta). */
export type Theta = Record<string, number>;

export interface FitOptions {
  /**
   * chinchilla (default), kaplan, power, saturating, data-constrained,
   * overtrained or broken; or a task form, task-exp or task-sigmoid, which
   * predicts the `metric` column from the loss column.
   */
  form?: FormName;
  /** huber (default; squared-raw for task forms) or squared on log residuals, squared-raw on the loss itself, or asymmetric. */
  loss?: LossName;
  /** Huber threshold on log residuals; default 1e-3 (Hoffmann et al. 2022). */
  delta?: number;
  /**
   * 'fixed' (default): the Huber objective at threshold `delta`. 'free': the
   * Huber likelihood with a free scale σ of the log residuals, fitted jointly
   * (Besiroglu et al. 2024's headline estimator; src/core/free-scale.ts); the
   * result gains `scale`.
   */
  scale?: 'fixed' | 'free';
  /** Weight on over-predictions for the asymmetric loss; default 10 (kyo-takano/chinchilla). */
  asymmetry?: number;
  /** x of the single-variable forms (power, saturating, broken): 'N' (default), 'D' or 'C'. */
  variable?: Variable;
  /** Breaks of the broken power law; default 1. */
  breaks?: number;
  /**
   * Two raw parameters held equal, 'alpha=beta' (Muennighoff et al. 2023's base
   * law ties the exponents): the fit has one parameter fewer, and reports both.
   */
  tie?: string;
  /** The fixed base law of the data-constrained form (Muennighoff et al. fit R_N*, R_D* on top of it). */
  base?: ChinchillaParams;
  /**
   * 'fast' (default): variable projection for chinchilla, else the start grid
   * screened by objective and the best few refined. 'exact': L-BFGS from every
   * start of the grid (Hoffmann's 4,500 for chinchilla), as published.
   */
  strategy?: Strategy;
  /** 'auto' (default): the best WebAssembly build, else the TypeScript engine. */
  engine?: EngineName | 'auto';
  /** Worker threads for many starts; 0 runs in the calling thread. Default: one per hardware thread. */
  workers?: number;
  /** Starting points θ to use instead of the strategy's. */
  starts?: readonly Theta[];
  /** Box bounds on θ by name; a missing side is unbounded. */
  lower?: Theta;
  upper?: Theta;
  /** L-BFGS iteration limit per start; default 1000. */
  maxIterations?: number;
  /** When the input is not already `Runs`: column mapping, Epoch's outlier rule, weights and unique-token columns. */
  columns?: ColumnMapping;
  dropHighest?: number;
  weights?: string;
  unique?: string;
  /** The benchmark metric column a task form predicts (recognised as metric, accuracy, error, … when not named). */
  metric?: string;
  signal?: AbortSignal;
  /** Called with (starts done, starts total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Every option `fit` knows, in the order of `FitOptions`: `resolveFitOptions`
 * refuses any other name ("unknown option stratgy; did you mean strategy?").
 * Callers with options of their own (bootstrap) extend it. A key added to
 * `FitOptions` and not listed here fails to compile (below).
 */
export const FIT_OPTION_NAMES = [
  'form', 'loss', 'delta', 'scale', 'asymmetry', 'variable', 'breaks', 'tie', 'base', 'strategy', 'engine', 'workers',
  'starts', 'lower', 'upper', 'maxIterations', 'columns', 'dropHighest', 'weights', 'unique', 'metric', 'signal', 'onProgress',
] as const satisfies readonly (keyof FitOptions)[];
type _FitOptionsListed = NoneMissing<Exclude<keyof FitOptions, (typeof FIT_OPTION_NAMES)[number]>>;

export interface ResolvedFitOptions {
  spec: ObjectiveSpec;
  names: string[];
  strategy: Strategy;
  engine: EngineName | 'auto';
  workers: number | undefined;
  starts: Float64Array | undefined;
  lower: Float64Array | undefined;
  upper: Float64Array | undefined;
  maxIterations: number;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw optionError(option, 'option-not-one-of', { option, allowed: allowed.join(', '), got: String(value) });
}

function positive(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw optionError(option, 'option-not-positive', { option, got: String(value) });
  return value;
}

function integer(option: string, value: unknown, min: number, fallback: number | undefined): number | undefined {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min)) throw optionError(option, 'bad-integer', { option, min, got: String(value) });
  return value;
}

function byName(option: string, value: Theta, names: string[], fill: number, finite: boolean): Float64Array {
  if (value === null || typeof value !== 'object') throw optionError(option, 'theta-not-object-some', { option, names: names.join(', ') });
  for (const key of Object.keys(value)) {
    if (!names.includes(key)) throw optionError(`${option}.${key}`, 'theta-unknown-name', { option: `${option}.${key}`, names: names.join(', ') });
  }
  return Float64Array.from(names, (k) => {
    const v = value[k];
    if (v === undefined) {
      if (Number.isNaN(fill)) throw optionError(`${option}.${k}`, 'option-not-finite', { option: `${option}.${k}`, got: String(v) });
      return fill;
    }
    if (typeof v !== 'number' || Number.isNaN(v) || (finite && !Number.isFinite(v))) {
      throw optionError(`${option}.${k}`, finite ? 'option-not-finite' : 'option-not-number', { option: `${option}.${k}`, got: String(v) });
    }
    return v;
  });
}

/** 'alpha=beta' as [target, source] indices of the full θ (the later one is the one dropped); undefined for none. */
function tieOf(value: unknown, names: readonly string[]): [number, number] | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^\s*(\w+)\s*=\s*(\w+)\s*$/.exec(value) : null;
  if (!m) throw optionError('tie', 'tie-syntax', { got: String(value).slice(0, 80), names: names.join(', ') });
  const [i, j] = [names.indexOf(m[1]), names.indexOf(m[2])];
  if (i < 0 || j < 0 || i === j) throw optionError('tie', 'tie-names', { got: `${m[1]}=${m[2]}`, names: names.join(', ') });
  return [Math.max(i, j), Math.min(i, j)];
}

export function resolveFitOptions(o: FitOptions = {}): ResolvedFitOptions {
  if (o === null || typeof o !== 'object') throw optionError('options', 'option-not-object', { option: 'options' });
  checkOptionNames(o, FIT_OPTION_NAMES);
  const form = oneOf('form', o.form, Object.keys(FORM_IDS) as FormName[], 'chinchilla');
  const breaks = integer('breaks', o.breaks, 1, 1)!;
  if (breaks > LIMITS.breaks) throw optionError('breaks', 'too-many-breaks', { max: LIMITS.breaks, got: breaks });
  let constants = new Float64Array(0);
  if (form === 'data-constrained') {
    if (o.base === undefined) throw optionError('base', 'missing-base', { law: '{ A, B, E, alpha, beta }' });
    checkParams(o.base, 'base');
    constants = Float64Array.from([Math.log(o.base.A), Math.log(o.base.B), Math.log(o.base.E), o.base.alpha, o.base.beta]);
  }
  const spec = defaultSpec({
    form,
    // The task papers fit least squares on the raw metric (Gadre et al. 2024; Bhagia et al. 2024).
    loss: oneOf('loss', o.loss, Object.keys(LOSS_IDS) as LossName[], isTaskForm(form) ? 'squared-raw' : 'huber'),
    delta: positive('delta', o.delta, 1e-3),
    asymmetry: positive('asymmetry', o.asymmetry, 10),
    variable: oneOf('variable', o.variable, Object.keys(VARIABLE_IDS) as Variable[], 'N'),
    breaks,
    constants,
  });
  const tie = tieOf(o.tie, thetaNames(form, breaks));
  if (tie) spec.tie = tie;
  const names = specThetaNames(spec);
  oneOf('scale', o.scale, ['fixed', 'free'] as const, 'fixed');
  const workers = integer('workers', o.workers, 0, undefined);
  const maxIterations = integer('maxIterations', o.maxIterations, 1, 1000)!;
  let starts: Float64Array | undefined;
  if (o.starts !== undefined) {
    if (!Array.isArray(o.starts) || o.starts.length === 0) throw optionError('starts', 'starts-not-array', {});
    if (o.starts.length > LIMITS.starts) throw optionError('starts', 'too-many-starts', { option: 'starts', max: formatCount(LIMITS.starts), count: formatCount(o.starts.length) });
    starts = new Float64Array(o.starts.length * names.length);
    o.starts.forEach((s, i) => starts!.set(byName(`starts[${i}]`, s, names, NaN, true), i * names.length));
  }
  const lower = o.lower === undefined ? undefined : byName('lower', o.lower, names, -Infinity, false);
  const upper = o.upper === undefined ? undefined : byName('upper', o.upper, names, Infinity, false);
  const lo = lower ?? (upper ? new Float64Array(names.length).fill(-Infinity) : undefined);
  const hi = upper ?? (lower ? new Float64Array(names.length).fill(Infinity) : undefined);
  if (lo && hi) {
    names.forEach((k, i) => {
      if (!(lo[i] <= hi[i])) throw optionError(`lower.${k}`, 'lower-above-upper', { name: k, lower: lo[i], upper: hi[i] });
    });
  }
  return {
    spec, names, workers, starts, lower: lo, upper: hi, maxIterations,
    strategy: oneOf('strategy', o.strategy, STRATEGIES, 'fast'),
    engine: oneOf('engine', o.engine, [...ENGINE_NAMES, 'auto'], 'auto'),
  };
}
