/**
 * `bootstrap`: percentile intervals for a fit by resampling runs with
 * replacement and refitting each resample (Besiroglu et al. 2024 §3;
 * docs/fitting.md, "Uncertainty"), for any form and loss `fit` takes.
 *
 * The point estimate is `fit(runs, options)` itself, with exactly the fit
 * options given (form, loss, delta, asymmetry, variable, breaks, base, starts,
 * lower, upper, strategy, engine, workers, maxIterations and the reading
 * options columns, dropHighest, weights, unique), so each interval's
 * `estimate` is the fit's parameter to the bit. The refits fit the same
 * objective (`resolveFitOptions`: form, loss and its constants), within the
 * same bounds, on the same runs and per-run weights, each warm-started from
 * the estimate's θ. Resamples become per-run weights (repeats collapsed), and
 * the refits run as weighted L-BFGS batches in WebAssembly workers where
 * possible, else in this thread. Statistics: ./bootstrap.ts; diagnostics:
 * ./bootstrap-diagnostics.ts and ./bootstrap-basins.ts.
 */

import { bootstrapChinchilla, type BootstrapOptions, type BootstrapResult, type ChinchillaTheta } from './bootstrap.js';
import { checkBootstrapCounts } from './bootstrap-options.js';
import { bootstrapLaw, paramSources, type LawBootstrapResult } from './bootstrap-law.js';
import type { RunsInput } from './runs.js';
import type { Runs } from './runs-types.js';
import { fit } from './fit.js';
import { fitDataFor, runsForFit } from './fit-data.js';
import { resolveFitOptions, type FitOptions, type Theta } from './fit-options.js';
import { checkParams } from './law.js';
import { chinchilla } from '../laws/chinchilla.js';
import { dataError, kitError, optionError } from '../i18n/error-words/fit.js';
import { clip } from './limits.js';
import { checkOptionNames } from './option-names.js';
import { diagnostic, ofEstimate, type Diagnostic } from './diagnostic-codes.js';
import { bootstrapDiagnostics } from './bootstrap-diagnostics.js';
import { basinCheck } from './bootstrap-basins.js';
import { refitScaling } from './refit-scaling.js';
import { Runner } from '../engine/runner.js';
import {
  defaultSpec, isConvergedStatus,
  type BatchResult, type EngineName, type FormName, type LossName, type SolverSettings,
} from '../engine/types.js';

/** Whether θ is a Chinchilla law planning can use (positive exponents, finite positive constants). */
function isChinchillaLaw(theta: Float64Array): boolean {
  try {
    checkParams(chinchilla.fromTheta(defaultSpec(), theta).params);
    return true;
  } catch {
    return false;
  }
}

/** The options of `fit` that shape the estimate: `bootstrap` hands exactly these to `fit`, and refits with the same objective, bounds and runs. */
export const BOOTSTRAP_FIT_OPTIONS = [
  'form', 'loss', 'delta', 'asymmetry', 'variable', 'breaks', 'base', 'starts', 'lower', 'upper', 'strategy',
  'engine', 'workers', 'maxIterations', 'columns', 'dropHighest', 'weights', 'unique', 'metric', 'tie',
] as const satisfies readonly (keyof FitOptions)[];
/** Weights one refit batch may hold (2²⁴ doubles, 128 MiB): a default batch of many runs is made smaller to fit. */
const BATCH_CELLS = 2 ** 24;
/** The bootstrap's own options. */
const OWN_OPTIONS = ['resamples', 'seed', 'rng', 'level', 'budgets', 'at', 'batchSize', 'start', 'estimate', 'signal', 'onProgress'] as const;

export interface BootstrapFitOptions
  extends Omit<FitOptions, 'signal' | 'onProgress'>,
  Pick<BootstrapOptions, 'resamples' | 'seed' | 'rng' | 'level' | 'budgets' | 'at' | 'batchSize' | 'signal' | 'onProgress'> {
  /** Refit start θ by name (`thetaNames(form)`); default: the fit of all runs (warm start), as Epoch refit from a fixed point. */
  start?: Theta | ChinchillaTheta;
  /**
   * The point estimate θ by name, when the caller has fitted already (an
   * element passes its own fit): with both `start` and `estimate` the runs are
   * not fitted again. It must be the fit of these runs with these options.
   */
  estimate?: Theta | ChinchillaTheta;
}

/**
 * Per-refit stopping rules: each refit is driven nearly to the limit of floating
 * point. The grid's looser rules (ftol 1e-8) stop refits in the flat valley at
 * path-dependent points, so the same resamples gave intervals 1.5% apart on
 * different engines. Measured on 400 Chinchilla resamples (relaxed-SIMD vs the
 * TypeScript twin, worst relative difference of a refitted θ): to rounding
 * (ftol 0) 5e-8; these rules 5e-8 too, in 70% of the time; ftol 1e-13 1.4e-7
 * but single replicates 5e-4 apart; ftol 1e-10 1e-3. Looser gradient and
 * decrease rules (1e-7, 1e-11) save 30% but left engines' intervals 1.1e-3 apart
 * on the OpenAthena runs. `noise` instead stops only line searches that could
 * not tell a decrease from rounding (a sum of a few hundred terms is exact to
 * ~1e-15 of itself): in scaled variables 78 → 40 evaluations per Chinchilla
 * refit (Llama 3 83 → 44, OpenAthena 71 → 35), the refitted θ within 4e-7 of
 * those without it, and engines' intervals within 1.2e-7 of each other on every
 * identifiable fixture.
 */
export const REFIT_SOLVER: SolverSettings = { maxIter: 10000, maxEvals: 100000, gtol: 1e-10, ftol: 1e-14, noise: 1e-15 };

/** Where and how the refits ran, what was fitted, and what the caller should know. */
export interface BootstrapRunInfo<F extends FormName = FormName> {
  /** The form and loss fitted (the estimate and every refit). */
  form: F;
  loss: LossName;
  /** Huber δ on log residuals (used by the huber loss). */
  delta: number;
  /**
   * What the bootstrap says (src/core/diagnostic-codes.ts): warnings about the intervals (failed refits,
   * refits on a bound, wide intervals, mixed basins); how the refits ran (`engine-fallback`,
   * `workers-unavailable`); and, marked `of: 'estimate'`, what the fit of all runs said of how it ran
   * and where it ended (see `fromEstimate`).
   */
  diagnostics: Diagnostic[];
  engine: EngineName;
  /** Worker threads the refits ended on (0: this thread). */
  workers: number;
  ms: number;
}

/**
 * What `bootstrap` returns. Chinchilla: intervals for A, B, E, α, β and the
 * derived a, b, G, N*, D*, tokens per parameter and loss (`BootstrapResult`).
 * Other forms: intervals for every published parameter (`LawBootstrapResult`;
 * the broken form's breaks as c1, d1, f1, …), no `derived`.
 */
export type BootstrapFitResult<F extends FormName = 'chinchilla'> = F extends FormName
  ? (F extends 'chinchilla' ? BootstrapResult : LawBootstrapResult & { derived?: undefined }) & BootstrapRunInfo<F>
  : never;


function thetaArray(option: string, value: Theta | ChinchillaTheta | undefined, names: readonly string[]): Float64Array {
  if (value === null || typeof value !== 'object') throw optionError(option, 'theta-not-object', { option, names: names.join(', ') });
  const byName = value as Record<string, unknown>;
  for (const key of Object.keys(byName)) {
    if (!names.includes(key)) throw optionError(`${option}.${key}`, 'bootstrap-theta-unknown', { option, key: clip(key), names: names.join(', ') });
  }
  return Float64Array.from(names, (k) => {
    const v = byName[k];
    if (!(typeof v === 'number' && Number.isFinite(v))) throw optionError(`${option}.${k}`, 'bootstrap-theta-not-finite', { option, key: k, got: clip(String(v)) });
    return v;
  });
}

const byName = (names: readonly string[], t: ArrayLike<number>): Record<string, number> => Object.fromEntries(names.map((k, i) => [k, t[i]]));

/**
 * What the fit of all runs says that a bootstrap reports too (marked `of: 'estimate'`): how it ran
 * (a fallback the refits did not also report) and where its optimum sits (a bound, an overflowing
 * gradient, a negative exponent, the asymmetric loss's kinks). Its other diagnostics are the fit's own business.
 */
function fromEstimate(fitted: readonly Diagnostic[], refits: readonly Diagnostic[]): Diagnostic[] {
  const said = (d: Diagnostic) => refits.some((r) => r.code === d.code);
  // A negative exponent is said too: it is why a Chinchilla bootstrap then reports no estimate beside its intervals.
  return fitted.filter((d) => d.code === 'at-bound' || d.code === 'gradient-not-finite' || d.code === 'negative-exponent'
    || (d.code === 'not-certified' && d.reason === 'piecewise-linear')
    || ((d.code === 'engine-fallback' || d.code === 'workers-unavailable') && !said(d))).map(ofEstimate);
}

export async function bootstrap<F extends FormName = 'chinchilla'>(
  input: Runs | RunsInput, options: BootstrapFitOptions & { form?: F } = {},
): Promise<BootstrapFitResult<F>> {
  const t0 = performance.now();
  if (options === null || typeof options !== 'object') throw optionError('options', 'analysis-options-not-object', {});
  checkOptionNames(options, [...BOOTSTRAP_FIT_OPTIONS, ...OWN_OPTIONS]);
  // Counts that size the work (a billion resamples) are refused before the runs are read or fitted.
  checkBootstrapCounts(options);
  const fitOptions: FitOptions = {};
  for (const key of BOOTSTRAP_FIT_OPTIONS) if (options[key] !== undefined) (fitOptions as Record<string, unknown>)[key] = options[key];
  const opts = resolveFitOptions(fitOptions);
  const { spec, names } = opts;
  if (spec.form !== 'chinchilla' || spec.tie) {
    for (const key of ['budgets', 'at'] as const) {
      if (options[key] !== undefined && (!Array.isArray(options[key]) || options[key]!.length > 0)) {
        throw optionError(key, key === 'at' ? 'bootstrap-at-chinchilla-only' : 'bootstrap-budgets-chinchilla-only', { form: spec.form });
      }
    }
  }
  const runs = runsForFit(input, { ...fitOptions, form: spec.form }, names.length);
  const data = fitDataFor(runs, spec);
  // The point estimate: the fit itself, unless the caller gave both it and θ₀ (an element passes its own fit).
  let fitted: Float64Array | undefined;
  let said: Diagnostic[] = [];
  if (!(options.start && options.estimate)) {
    const result = await fit(input, { ...fitOptions, signal: options.signal });
    if (result.runs !== data.count) throw kitError('engine', 'bootstrap-runs-differ', { fitted: result.runs, read: data.count });
    fitted = Float64Array.from(names, (k) => result.theta[k]);
    said = result.diagnostics;
  }
  const estimate = options.estimate ? thetaArray('estimate', options.estimate, names) : fitted!;
  const start = options.start ? thetaArray('start', options.start, names) : fitted!;

  // Refits run through an engine of their own, over workers where the page allows (src/engine/runner.ts).
  const runner = new Runner(opts.engine, data, { workers: opts.workers, signal: options.signal, ownEngine: true });
  const n = data.count;
  // The refits run in variables scaled by the curvature at the estimate (./refit-scaling.ts): the same minimisers, fewer evaluations.
  const scaling = refitScaling(spec, data, estimate, opts.lower !== undefined || opts.upper !== undefined);
  // The noise rule assumes a step's predicted decrease is about what it can achieve, true in the scaled variables
  // (curvature about 1) but not in a valley 10⁷ flatter one way: without the scaling, refits search to rounding as before.
  const solver: SolverSettings = {
    ...REFIT_SOLVER,
    ...(options.maxIterations !== undefined && { maxIter: Math.min(REFIT_SOLVER.maxIter, opts.maxIterations) }),
    ...(!scaling && { noise: 0 }),
    lower: opts.lower, upper: opts.upper,
  };
  const refit = async (weights: Float64Array[], theta0: Float64Array) => {
    const all = new Float64Array(weights.length * n);
    // Resample multiplicities times any per-run weights of the input.
    weights.forEach((w, k) => { for (let i = 0; i < n; i++) all[k * n + i] = w[i] * data.weight[i]; });
    const batch = scaling
      ? await runner.weighted(spec, all, scaling.toZ(theta0), solver, scaling.affine)
      : await runner.weighted(spec, all, theta0, solver);
    const P = batch.params;
    return {
      theta: weights.map((_, k) => batch.theta.slice(k * P, k * P + P)),
      converged: Array.from(batch.status, (s) => isConvergedStatus(s)),
    };
  };
  const resamples = options.resamples ?? 4000;
  const replicates: (Float64Array | undefined)[] = [];
  const used: boolean[] = [];
  const common = {
    runs, refit,
    resamples: options.resamples, seed: options.seed, rng: options.rng, level: options.level,
    signal: options.signal, onProgress: options.onProgress,
    // One batch holds batchSize × runs weights twice over: keep that within BATCH_CELLS unless the caller chose.
    batchSize: options.batchSize ?? Math.max(1, Math.min(Math.max(100, Math.ceil(resamples / 8)), Math.floor(BATCH_CELLS / n))),
    onReplicate: (k: number, t: Float64Array, ok: boolean) => ((replicates[k] = t), (used[k] = ok)),
  };
  // A fitted Chinchilla law with an exponent ≤ 0 (the fit warns: negative-exponent) has no allocation to
  // report beside the intervals, so its estimate is left out rather than refused; one the caller gave must be a law.
  const chinchillaEstimate = options.estimate || isChinchillaLaw(estimate) ? byName(names, estimate) as unknown as ChinchillaTheta : undefined;
  // A tied Chinchilla fit has four θ: its intervals come from the general bootstrap (no derived allocation).
  const result: BootstrapResult | LawBootstrapResult = spec.form === 'chinchilla' && !spec.tie
    ? await bootstrapChinchilla({
      ...common, budgets: options.budgets, at: options.at,
      start: byName(names, start) as unknown as ChinchillaTheta, estimate: chinchillaEstimate,
    })
    : await bootstrapLaw({ ...common, spec, start: byName(names, start), estimate: byName(names, estimate) });

  const basins = await basinCheck(runner, data, opts, solver, estimate, replicates, used, options.signal, scaling);
  // The fallbacks a page's policy forced, said in the result.
  const execution: Diagnostic[] = [];
  if (opts.engine === 'auto' && runner.name === 'js') execution.push(diagnostic('engine-fallback', 'info', { engine: 'js' }));
  if (runner.workersRefused) execution.push(diagnostic('workers-unavailable', 'info', {}));
  const diagnostics = bootstrapDiagnostics({
    resamples: result.resamples, failed: result.failed, names, theta: replicates, lower: opts.lower, upper: opts.upper,
    params: result.params as LawBootstrapResult['params'], sources: paramSources(spec), basins,
  });
  return {
    form: spec.form, loss: spec.loss, delta: spec.delta,
    ...result,
    diagnostics: diagnostics.concat(execution, fromEstimate(said, execution)),
    engine: runner.name, workers: runner.workersRefused ? 0 : runner.workers, ms: performance.now() - t0,
  } as unknown as BootstrapFitResult<F>;
}
